import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestsOfOrder } from '../../api/purchasing';

/** On an order's waiting part line: the open purchase request it is on (number and status), linked. */
export function LineRequest({ orderId, lineId }: { orderId: string; lineId: string }) {
  const { t } = useTranslation();
  const requests = useRequestsOfOrder(orderId).data ?? [];
  const open = requests.filter(
    (r) =>
      (r.status === 'draft' || r.status === 'sent') &&
      r.lines.some((l) => l.needs.some((n) => n.sourceLineId === lineId)),
  );
  return open.map((r) => (
    <Anchor
      key={r.id}
      component={Link}
      to={`/stock/purchase-requests/${r.id}`}
      size="xs"
      data-testid="line-request"
    >
      {t('purchasing.lineRequest', { number: r.number, status: t(`purchasing.status.${r.status}`) })}
    </Anchor>
  ));
}
