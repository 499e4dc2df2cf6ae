import { Badge } from '@mantine/core';
import type { PurchaseRequestStatus } from '@servix/server/modules/purchasing/purchasing.schema';
import { useTranslation } from 'react-i18next';

const COLOR: Record<PurchaseRequestStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  received: 'green',
  cancelled: 'red',
};

export function RequestStatusBadge({ status }: { status: PurchaseRequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={COLOR[status]} data-testid="request-status">
      {t(`purchasing.status.${status}`)}
    </Badge>
  );
}
