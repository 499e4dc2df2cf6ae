import { Alert, Anchor, Box, Button, Group, Image, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEraser, IconFileTypePdf, IconSignature, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import { messageOf } from '../../api/client';
import {
  orderSignatureImageUrl,
  orderWorkReportUrl,
  useDeleteOrderSignature,
  useOrderSignature,
  useSignOrder,
} from '../../api/order-signature';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { SectionCard } from '../../ui/detail';
import { formatInstant } from '../../ui/format';
import { FormAlert } from '../../ui/states';

/** The pad's height in CSS pixels: room for a signature on a phone held upright, the width is the card's. */
const PAD_HEIGHT = 180;

/** What OrderSignature needs of the order: the order page passes its OrderDetail, the phone view its job. */
export interface OrderSignatureOrder {
  id: string;
  /** Whether the order is still open for work (received … in_repair): only then is it signed or re-signed. */
  editable: boolean;
  /** Offered as the signer's name (the signer may be someone else at the site: the field stays editable). */
  customerName?: string | null;
}

/**
 * The signature pad: a canvas as wide as its box, sharp on a phone's dense screen (drawn at devicePixelRatio), that
 * keeps the lines drawn so far when the box changes width (a phone turned). Tells whether anything is drawn.
 */
function SignatureCanvas({
  padRef,
  onChange,
  label,
}: {
  padRef: React.MutableRefObject<SignaturePad | null>;
  onChange: (empty: boolean) => void;
  label: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas?.getContext('2d')) return;
    const pad = new SignaturePad(canvas, { penColor: '#111827', minWidth: 0.8, maxWidth: 2.6 });
    padRef.current = pad;
    let width = 0;
    const fit = () => {
      const cssWidth = canvas.offsetWidth;
      if (!cssWidth || cssWidth === width) return;
      width = cssWidth;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const lines = pad.toData();
      canvas.width = cssWidth * ratio;
      canvas.height = PAD_HEIGHT * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      pad.fromData(lines);
    };
    fit();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    observer?.observe(canvas);
    const ended = () => changed.current(pad.isEmpty());
    pad.addEventListener('endStroke', ended);
    return () => {
      observer?.disconnect();
      pad.removeEventListener('endStroke', ended);
      pad.off();
      padRef.current = null;
    };
  }, [padRef]);
  return (
    <Paper withBorder radius="sm" bg="white" style={{ overflow: 'hidden' }}>
      <canvas
        ref={canvasRef}
        aria-label={label}
        data-testid="signature-pad"
        style={{
          display: 'block',
          width: '100%',
          height: PAD_HEIGHT,
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
    </Paper>
  );
}

/** The drawn PNG of the pad (transparent around the lines, as the server keeps it). */
function padPng(pad: SignaturePad): Blob {
  const base64 = pad.toDataURL('image/png').split(',')[1] ?? '';
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

/**
 * The customer's signature on a service order, self-contained (it reads and saves through the API itself): the
 * stored signature with the signer's name and time once signed; while the order is open, a signature pad (finger or
 * mouse; clear; the signer's name; save) for those who may sign, and "sign again" / "delete" for a stored one; read
 * only once the order is finished. A link to the work report PDF (in the UI's language) under it.
 *
 * Used on the order page and on the technician's phone view; fits a 390 px screen (the pad is the card's width).
 * `canSign` defaults to the session's right to call PUT …/signature; `showWorkReport` (default true) shows the link.
 */
export function OrderSignature({
  order,
  canSign,
  showWorkReport = true,
}: {
  order: OrderSignatureOrder;
  canSign?: boolean;
  showWorkReport?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const mayWrite =
    (canSign ?? canCall(user.role, 'PUT /api/v1/service-orders/:id/signature')) && order.editable;
  const signature = useOrderSignature(order.id);
  const sign = useSignOrder(order.id);
  const remove = useDeleteOrderSignature(order.id);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [name, setName] = useState(order.customerName ?? '');
  const [resigning, setResigning] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const stored = signature.data ?? null;
  const drawing = mayWrite && signature.isSuccess && (stored === null || resigning);

  const clear = () => {
    padRef.current?.clear();
    setEmpty(true);
    setProblem(null);
  };
  const save = () => {
    const pad = padRef.current;
    if (!pad || pad.isEmpty()) return setProblem(t('orderSignature.empty'));
    if (!name.trim()) return setProblem(t('orderSignature.nameRequired'));
    setProblem(null);
    sign.mutate(
      { png: padPng(pad), signerName: name.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('orderSignature.saved') });
          setResigning(false);
          setEmpty(true);
        },
      },
    );
  };

  return (
    <SectionCard title={t('orderSignature.title')}>
      <Stack gap="sm" data-testid="order-signature">
        {signature.isError && <FormAlert message={messageOf(signature.error)} />}
        {stored && !drawing && (
          <Stack gap={6} data-testid="order-signature-stored">
            <Paper withBorder radius="sm" p="xs" bg="white">
              <Image
                src={orderSignatureImageUrl(order.id, stored.sha256)}
                alt={t('orderSignature.imageAlt', { name: stored.signerName })}
                h={120}
                fit="contain"
              />
            </Paper>
            <Text size="sm" fw={500}>
              {t('orderSignature.signedBy', { name: stored.signerName })}
            </Text>
            <Text size="xs" c="dimmed">
              {formatInstant(stored.signedAt, currentLocale())}
              {stored.createdByName ? ` · ${stored.createdByName}` : ''}
            </Text>
            {mayWrite && (
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconSignature size={14} />}
                  onClick={() => {
                    setResigning(true);
                    setEmpty(true);
                  }}
                >
                  {t('orderSignature.signAgain')}
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  leftSection={<IconTrash size={14} />}
                  loading={remove.isPending}
                  onClick={() =>
                    confirmDelete
                      ? remove.mutate(undefined, {
                          onSuccess: () => {
                            setConfirmDelete(false);
                            notifications.show({ color: 'green', message: t('orderSignature.deleted') });
                          },
                        })
                      : setConfirmDelete(true)
                  }
                >
                  {t('orderSignature.delete')}
                </Button>
              </Group>
            )}
            {confirmDelete && <Text size="sm">{t('orderSignature.deleteConfirm')}</Text>}
            {remove.isError && <FormAlert message={messageOf(remove.error)} />}
          </Stack>
        )}
        {signature.isSuccess && !stored && !drawing && (
          <Text size="sm" c="dimmed">
            {t('orderSignature.none')}
          </Text>
        )}
        {!order.editable && (
          <Alert color="gray" variant="light" p="xs">
            <Text size="xs">{t('orderSignature.finished')}</Text>
          </Alert>
        )}
        {drawing && (
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('orderSignature.padHint')}
            </Text>
            <Box>
              <SignatureCanvas padRef={padRef} onChange={setEmpty} label={t('orderSignature.padLabel')} />
            </Box>
            <TextInput
              label={t('orderSignature.signerName')}
              placeholder={t('orderSignature.signerNamePlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={120}
              required
              autoComplete="name"
            />
            {problem && <FormAlert message={problem} />}
            {sign.isError && <FormAlert message={messageOf(sign.error)} />}
            <Group gap="xs" justify="space-between">
              <Group gap="xs">
                <Button variant="default" leftSection={<IconEraser size={16} />} onClick={clear}>
                  {t('orderSignature.clear')}
                </Button>
                {resigning && (
                  <Button variant="subtle" onClick={() => setResigning(false)}>
                    {t('orderSignature.cancel')}
                  </Button>
                )}
              </Group>
              <Button
                leftSection={<IconSignature size={16} />}
                loading={sign.isPending}
                disabled={empty}
                onClick={save}
              >
                {t('orderSignature.save')}
              </Button>
            </Group>
          </Stack>
        )}
        {showWorkReport && (
          <Anchor
            href={orderWorkReportUrl(order.id, i18n.language)}
            target="_blank"
            rel="noopener"
            size="sm"
            data-testid="work-report-link"
          >
            <Group gap={6} wrap="nowrap" component="span">
              <IconFileTypePdf size={16} />
              {t('orderSignature.workReport')}
            </Group>
          </Anchor>
        )}
      </Stack>
    </SectionCard>
  );
}
