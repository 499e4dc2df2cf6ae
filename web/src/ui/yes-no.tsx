import { Text, VisuallyHidden } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Yes / No in a table cell: a tick for yes, a dash for no (the words are there for screen readers). */
export function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return value ? (
    <>
      <IconCheck
        size={16}
        stroke={2.2}
        color="var(--mantine-color-blue-filled)"
        aria-hidden
        style={{ display: 'block' }}
      />
      <VisuallyHidden>{t('common.yes')}</VisuallyHidden>
    </>
  ) : (
    <Text span c="dimmed" aria-label={t('common.no')}>
      –
    </Text>
  );
}
