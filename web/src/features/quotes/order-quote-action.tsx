import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrderDetail } from '@servix/server/modules/orders/orders.schema';
import type { QuoteListItem } from '@servix/server/modules/quotes/quotes.schema';
import { IconFileDollar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, messageOf } from '../../api/client';
import { quotesKey, useQuoteFromOrder } from '../../api/quotes';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import type { PageOf } from '../../ui/list';

/**
 * On the order page: a link to the order's latest quote, and "Make quote" while the order is in diagnosis and has
 * no open quote (the server refuses a second one: quote_open_exists).
 */
export function OrderQuoteAction({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const make = useQuoteFromOrder();
  const canRead = canCall(user.role, 'GET /api/v1/repair-quotes');
  const quotes = useQuery({
    queryKey: [...quotesKey, 'of-order', order.id],
    enabled: canRead,
    queryFn: () => api.get<PageOf<QuoteListItem>>('/repair-quotes', { orderId: order.id, pageSize: 5 }),
  });
  const latest = quotes.data?.items[0];
  const open = latest && ['draft', 'sent', 'accepted'].includes(latest.status);
  const canMake =
    order.status === 'diagnosing' && !open && canCall(user.role, 'POST /api/v1/repair-quotes/from-order');
  return (
    <>
      {latest && (
        <Button component={Link} to={`/quotes/${latest.id}`} variant="light" data-testid="order-quote-link">
          {t('quotes.orderAction.open', {
            number: latest.number,
            status: t(`quotes.status.${latest.status}`),
          })}
        </Button>
      )}
      {canMake && (
        <Button
          variant="default"
          leftSection={<IconFileDollar size={16} />}
          loading={make.isPending}
          data-testid="make-quote"
          onClick={() =>
            make.mutate(
              { orderId: order.id },
              {
                onSuccess: (q) => void navigate(`/quotes/${q.id}`),
                onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
              },
            )
          }
        >
          {t('quotes.orderAction.make')}
        </Button>
      )}
    </>
  );
}
