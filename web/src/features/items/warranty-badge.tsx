import { Badge, Tooltip } from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import type { WarrantyStatus } from '@servix/server/modules/items/items.schema';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';

/** Manufacturer's warranty: green until its last day, red once over, grey when unknown or none. */
export function WarrantyBadge({
  warranty,
  size = 'sm',
  compact = false,
}: {
  warranty: WarrantyStatus;
  size?: 'sm' | 'md' | 'lg';
  /** Only the end date (in a table whose header says what it is); the words go to the tooltip. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!warranty.warrantyEnd)
    return (
      <Badge size={size} variant="light" color="gray" tt="none">
        {t('items.warrantyUnknown')}
      </Badge>
    );
  const end = formatDate(warranty.warrantyEnd, locale);
  const days = warranty.daysLeft ?? 0;
  const words = warranty.underWarranty
    ? t('items.warrantyUntil', { date: end })
    : t('items.warrantyEnded', { date: end });
  const dayText = warranty.underWarranty
    ? t('items.daysLeft', { count: days })
    : t('items.daysAgo', { count: Math.abs(days) });
  return (
    <Tooltip label={compact ? `${words} · ${dayText}` : dayText}>
      <Badge
        size={size}
        variant="light"
        color={warranty.underWarranty ? 'green' : 'red'}
        tt="none"
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {compact ? end : words}
      </Badge>
    </Tooltip>
  );
}
