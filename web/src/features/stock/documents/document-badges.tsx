import { Badge } from '@mantine/core';
import type { StockDocumentStatus } from '@servix/server/modules/stock/stock.schema';
import { useTranslation } from 'react-i18next';

const COLOR: Record<StockDocumentStatus, string> = { draft: 'gray', posted: 'teal', reversed: 'orange' };

export function DocumentStatusBadge({
  status,
  size = 'sm',
}: {
  status: StockDocumentStatus;
  size?: 'sm' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant="light" color={COLOR[status]} data-testid="document-status">
      {t(`stock.docs.status.${status}`)}
    </Badge>
  );
}
