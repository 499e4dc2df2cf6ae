import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import {
  DOCUMENT_TYPES,
  type StockDocument,
  type StockDocumentType,
} from '@servix/server/modules/stock/stock.schema';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useStockDocument } from '../../../api/stock';
import { canCall } from '../../../app/access';
import { useSession } from '../../../app/session';
import { currentLocale } from '../../../i18n';
import { PageHeader } from '../../../ui/page-header';
import { LoadError, NotFound, PageLoader } from '../../../ui/states';
import { DocumentStatusBadge } from './document-badges';
import { DocumentEditor } from './document-editor';
import { newDocumentValues, toDocumentValues } from './document-form';
import {
  DocumentView,
  isSupplierReturn,
  LinkedDocument,
  PdfButton,
  ReverseButton,
  SupplierReturnButton,
} from './document-view';

function BackButton() {
  const { t } = useTranslation();
  return (
    <Button component={Link} to="/stock/documents" variant="subtle" leftSection={<IconArrowLeft size={16} />}>
      {t('stock.docs.back')}
    </Button>
  );
}

function NewDocument() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('type');
  const type: StockDocumentType = DOCUMENT_TYPES.find((d) => d === asked) ?? 'receipt';
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader title={t(`stock.docs.newTitle.${type}`)} actions={<BackButton />} />
      <DocumentEditor key={type} type={type} initialValues={newDocumentValues(params.get('warehouseId'))} />
    </Stack>
  );
}

function useTitle(doc: StockDocument | undefined): string {
  const { t } = useTranslation();
  if (!doc) return '';
  const kind = t(`stock.docs.type.${doc.type}`);
  return doc.number
    ? t('stock.docs.numbered', { kind, number: doc.number })
    : `${kind} · ${t('stock.docs.status.draft')}`;
}

function ExistingDocument({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = currentLocale();
  const query = useStockDocument(id);
  const heading = useTitle(query.data);
  // A refused posting comes back as a navigation carrying the refusal: a new location draws the editor afresh with it,
  // even when saving the draft first already drew it for the draft's new version.
  const { key: visit } = useLocation();
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return query.error instanceof Error && 'status' in query.error && query.error.status === 404 ? (
      <NotFound />
    ) : (
      <LoadError error={query.error} onRetry={() => void query.refetch()} />
    );
  const doc = query.data;
  const canWrite = canCall(user.role, 'PUT /api/v1/stock/documents/:id');
  const editable = doc.status === 'draft' && canWrite;
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={heading}
        description={
          <Group gap="xs" component="span">
            <DocumentStatusBadge status={doc.status} />
            {doc.reversalOfId && (
              <Badge size="sm" color="grape" variant="light">
                {t('stock.docs.reversal')}
              </Badge>
            )}
            {isSupplierReturn(doc) && (
              <Badge size="sm" color="indigo" variant="light" tt="none" data-testid="supplier-return-badge">
                {t('stock.docs.supplierReturnLabel')}
              </Badge>
            )}
            {isSupplierReturn(doc) && doc.sourceId && (
              <Text span size="sm" c="dimmed">
                {t('stock.docs.supplierReturnOf')}{' '}
                <LinkedDocument id={doc.sourceId} testId="supplier-return-of" />
              </Text>
            )}
          </Group>
        }
        actions={
          <>
            <BackButton />
            <PdfButton doc={doc} />
            {canCall(user.role, 'POST /api/v1/stock/documents/:id/reverse') && <ReverseButton doc={doc} />}
            {canCall(user.role, 'POST /api/v1/stock/documents/:id/supplier-return') && (
              <SupplierReturnButton doc={doc} />
            )}
          </>
        }
      />
      {editable ? (
        <DocumentEditor
          key={`${doc.id}-${doc.updatedAt}-${visit}`}
          type={doc.type}
          doc={doc}
          initialValues={toDocumentValues(doc, locale)}
        />
      ) : (
        <DocumentView doc={doc} />
      )}
    </Stack>
  );
}

/** /stock/documents/new?type=receipt drafts a new document; /stock/documents/:id shows or edits one. */
export function StockDocumentPage() {
  const { id } = useParams();
  return id ? <ExistingDocument id={id} /> : <NewDocument />;
}
