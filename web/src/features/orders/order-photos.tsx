import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  CloseButton,
  Group,
  Image,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Attachment } from '@servix/server/modules/attachments/attachments.schema';
import { IconCamera, IconExternalLink, IconMapPin, IconTrash } from '@tabler/icons-react';
import { type ChangeEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import {
  orderPhotoUrl,
  useDeleteOrderPhoto,
  useOrderPhotos,
  useUploadOrderPhotos,
} from '../../api/order-photos';
import { currentLocale } from '../../i18n';
import { SectionCard } from '../../ui/detail';
import { formatInstant } from '../../ui/format';
import { FormAlert } from '../../ui/states';

/**
 * The hidden file input a phone opens its camera from (`capture="environment"`), several photos at once, and the
 * button that opens it. A desktop browser shows its file chooser instead.
 */
function CameraButton({
  label,
  onFiles,
  loading,
  testId,
}: {
  label: string;
  onFiles: (files: File[]) => void;
  loading?: boolean;
  testId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []);
    e.currentTarget.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        onChange={pick}
        data-testid={testId}
      />
      <Button
        variant="default"
        leftSection={<IconCamera size={16} />}
        loading={loading}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
    </>
  );
}

/** The intake form's photos: chosen (or taken) now, shown as small previews, uploaded after the order is saved. */
export function IntakePhotosField({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  const previews = useMemo(() => files.map((file) => ({ file, url: URL.createObjectURL(file) })), [files]);
  useEffect(
    () => () => {
      for (const p of previews) URL.revokeObjectURL(p.url);
    },
    [previews],
  );
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {t('orderPhotos.field')}
      </Text>
      <Group gap="sm" aria-labelledby={labelId}>
        <CameraButton
          label={t('orderPhotos.choose')}
          onFiles={(picked) => onChange([...files, ...picked])}
          testId="intake-photos-input"
        />
        {files.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('orderPhotos.chosen', { count: files.length })}
          </Text>
        )}
      </Group>
      {files.length > 0 && (
        <Group gap="xs" data-testid="intake-photo-previews">
          {previews.map(({ file, url }) => (
            <Box key={url} pos="relative">
              <Image src={url} alt={file.name} w={64} h={64} radius="sm" fit="cover" />
              <CloseButton
                size="sm"
                pos="absolute"
                top={-6}
                right={-6}
                radius="xl"
                variant="filled"
                aria-label={t('orderPhotos.removeChosen', { name: file.name })}
                onClick={() => onChange(files.filter((f) => f !== file))}
              />
            </Box>
          ))}
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t('orderPhotos.fieldHint')}
      </Text>
    </Stack>
  );
}

/** Where a photo was taken, on OpenStreetMap (no key, no tracking script: a plain link the user chooses to open). */
export const mapUrl = (lat: number, lon: number) =>
  `https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lon.toFixed(6)}#map=17/${lat.toFixed(6)}/${lon.toFixed(6)}`;

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The order page's photos: thumbnails, each opened full size; added (camera on a phone) and deleted by writers. */
export function OrderPhotosCard({ orderId, canWrite }: { orderId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const photos = useOrderPhotos(orderId);
  const upload = useUploadOrderPhotos(orderId);
  const remove = useDeleteOrderPhoto(orderId);
  const [open, setOpen] = useState<Attachment | null>(null);
  const [confirming, setConfirming] = useState(false);
  const list = photos.data ?? [];

  const add = (files: File[]) =>
    upload.mutate(files, {
      onSuccess: (added) =>
        notifications.show({ color: 'green', message: t('orderPhotos.uploaded', { count: added.length }) }),
    });
  const close = () => {
    setOpen(null);
    setConfirming(false);
    remove.reset();
  };

  return (
    <SectionCard
      title={t('orderPhotos.title')}
      action={
        canWrite ? (
          <CameraButton
            label={t('orderPhotos.add')}
            onFiles={add}
            loading={upload.isPending}
            testId="order-photos-input"
          />
        ) : undefined
      }
    >
      {upload.isError && <FormAlert message={messageOf(upload.error)} />}
      {photos.isError && <FormAlert message={messageOf(photos.error)} />}
      {photos.isSuccess && list.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('orderPhotos.none')}
        </Text>
      )}
      {list.length > 0 && (
        <SimpleGrid cols={{ base: 3, sm: 4 }} spacing="xs" data-testid="order-photos">
          {list.map((p) => (
            <UnstyledButton
              key={p.id}
              onClick={() => setOpen(p)}
              aria-label={t('orderPhotos.open', { name: p.fileName })}
            >
              <Image
                src={orderPhotoUrl(orderId, p.id, 'thumbnail')}
                alt={p.fileName}
                radius="sm"
                h={96}
                fit="cover"
                loading="lazy"
              />
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
      <Modal opened={open !== null} onClose={close} title={open?.fileName} size="xl" centered>
        {open && (
          <Stack gap="sm">
            <Image
              src={orderPhotoUrl(orderId, open.id)}
              alt={open.fileName}
              radius="sm"
              fit="contain"
              mah="70vh"
            />
            <Text size="xs" c="dimmed">
              {t('orderPhotos.meta', {
                width: open.width ?? '?',
                height: open.height ?? '?',
                size: sizeText(open.sizeBytes),
                who: [open.createdByName, formatInstant(open.createdAt, currentLocale())]
                  .filter(Boolean)
                  .join(', '),
              })}
            </Text>
            {open.latitude !== null && open.longitude !== null && (
              <Anchor
                href={mapUrl(open.latitude, open.longitude)}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                data-testid="photo-map-link"
              >
                <Group gap={4} component="span">
                  <IconMapPin size={14} />
                  {t('orderPhotos.map', { lat: open.latitude.toFixed(5), lon: open.longitude.toFixed(5) })}
                </Group>
              </Anchor>
            )}
            {remove.isError && <FormAlert message={messageOf(remove.error)} />}
            {confirming && <Text size="sm">{t('orderPhotos.deleteText', { name: open.fileName })}</Text>}
            <Group justify="space-between" gap="xs">
              <Anchor href={orderPhotoUrl(orderId, open.id)} target="_blank" rel="noopener" size="sm">
                <Group gap={4} component="span">
                  <IconExternalLink size={14} />
                  {open.fileName}
                </Group>
              </Anchor>
              {canWrite &&
                (confirming ? (
                  <Button
                    color="red"
                    loading={remove.isPending}
                    leftSection={<IconTrash size={16} />}
                    onClick={() =>
                      remove.mutate(open.id, {
                        onSuccess: () => {
                          notifications.show({ color: 'green', message: t('orderPhotos.deleted') });
                          close();
                        },
                      })
                    }
                  >
                    {t('orderPhotos.deleteTitle')}
                  </Button>
                ) : (
                  <ActionIcon
                    variant="default"
                    size="lg"
                    color="red"
                    aria-label={t('orderPhotos.delete')}
                    onClick={() => setConfirming(true)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                ))}
            </Group>
          </Stack>
        )}
      </Modal>
    </SectionCard>
  );
}
