import { Anchor, Badge, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect, type ListState } from '../list';

/** Active records (default), archived ones, or all: a list's `archived` filter. */
export function ArchivedFilter({ list }: { list: Pick<ListState<'archived'>, 'filters' | 'setFilter'> }) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      list={list}
      name="archived"
      label={t('records.show')}
      placeholder={t('records.showActive')}
      data={[
        { value: 'true', label: t('records.showArchived') },
        { value: 'all', label: t('records.showAll') },
      ]}
      w={190}
    />
  );
}

/** The cell that opens a record: its code or name as a link-styled button. */
export function OpenCell({
  onOpen,
  children,
  code,
}: {
  onOpen: () => void;
  children: ReactNode;
  code?: boolean;
}) {
  return (
    <Anchor component="button" type="button" onClick={onOpen} fw={500} size="sm" ta="left">
      {code ? (
        <Text span ff="monospace" fz="sm" fw={500}>
          {children}
        </Text>
      ) : (
        children
      )}
    </Anchor>
  );
}

/** The header of the row-menu column: empty on screen, named for screen readers. */
export function ActionsHeader() {
  const { t } = useTranslation();
  return <VisuallyHidden>{t('common.actions')}</VisuallyHidden>;
}

/** "Archived" next to a record's name. */
export function ArchivedBadge({ archived }: { archived: boolean }) {
  const { t } = useTranslation();
  if (!archived) return null;
  return (
    <Badge size="xs" variant="light" color="gray" ml={6}>
      {t('records.archived')}
    </Badge>
  );
}
