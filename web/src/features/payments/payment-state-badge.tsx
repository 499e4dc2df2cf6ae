import { Badge } from '@mantine/core';
import type { PaymentState } from '@servix/server/kernel/payment-state';
import { useTranslation } from 'react-i18next';

const COLOR: Record<PaymentState, string> = {
  unpaid: 'gray',
  partly_paid: 'yellow',
  paid: 'green',
  overdue: 'red',
};

/** An invoice's derived payment state (ADR 0020). */
export function PaymentStateBadge({
  state,
  size = 'sm',
}: {
  state: PaymentState | null;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <Badge color={COLOR[state]} variant="light" size={size} data-testid="payment-state">
      {t(`payments.state.${state}`)}
    </Badge>
  );
}
