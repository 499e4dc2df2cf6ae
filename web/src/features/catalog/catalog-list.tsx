import { Anchor, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect, type ListState } from '../../ui/list';

/** Active records (default), archived ones, or all: the catalogue lists' `archived` filter. */
export function ArchivedFilter({ list }: { list: Pick<ListState<'archived'>, 'filters' | 'setFilter'> }) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      list={list}
      name="archived"
      label={t('catalog.show')}
      placeholder={t('catalog.showActive')}
      data={[
        { value: 'true', label: t('catalog.showArchived') },
        { value: 'all', label: t('catalog.showAll') },
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

/** A category's name in the UI language (the English name may be missing). */
export function categoryName(c: { nameBg: string; nameEn: string | null }, locale: 'bg' | 'en'): string {
  return locale === 'en' && c.nameEn ? c.nameEn : c.nameBg;
}
