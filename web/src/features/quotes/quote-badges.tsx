import { Badge } from '@mantine/core';
import type { QuoteStatus } from '@servix/server/modules/quotes/quotes.schema';
import { useTranslation } from 'react-i18next';

const COLOR: Record<QuoteStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'teal',
  rejected: 'red',
  expired: 'orange',
  converted: 'green',
};

export function QuoteStatusBadge({ status, size = 'sm' }: { status: QuoteStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" size={size} data-testid="quote-status">
      {t(`quotes.status.${status}`)}
    </Badge>
  );
}
