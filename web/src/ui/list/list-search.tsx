import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListState } from './use-list-state';

export const SEARCH_DEBOUNCE_MS = 300;

/** The list's search box, bound to `q` in the URL: the list follows the typing after a short pause. */
export function ListSearch({
  list,
  placeholder,
  label,
  w = 300,
}: {
  list: Pick<ListState, 'q' | 'setQ'>;
  placeholder?: string;
  /** For screen readers; the placeholder is shown. */
  label?: string;
  w?: number | string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(list.q);
  const push = useDebouncedCallback((value: string) => list.setQ(value), SEARCH_DEBOUNCE_MS);

  // The URL changed under us (back, a link, "clear filters"): show what the list is searching for.
  useEffect(() => {
    if (!push.isPending()) setText(list.q);
  }, [list.q, push]);

  return (
    <TextInput
      type="search"
      aria-label={label ?? placeholder ?? t('list.search')}
      placeholder={placeholder ?? t('list.search')}
      leftSection={<IconSearch size={16} />}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={t('list.clearSearch')}
            onClick={() => {
              push.cancel();
              setText('');
              list.setQ('');
            }}
          />
        ) : null
      }
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') push.flush();
      }}
      w={{ base: '100%', xs: w }}
    />
  );
}
