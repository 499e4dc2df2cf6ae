import {
  ActionIcon,
  Box,
  Combobox,
  Group,
  Kbd,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys, useOs } from '@mantine/hooks';
import type { SearchResult } from '@servix/server/modules/search/search.schema';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useGlobalSearch } from '../../api/search';
import { currentLocale } from '../../i18n';
import { formatPhone } from '../../ui/phone-number';

/** Where a search hit opens: a customer, an item, or the parts list narrowed to the part's code. */
export function targetOf(value: string): string {
  const [kind, ...rest] = value.split(':');
  const key = rest.join(':');
  if (kind === 'customer') return `/customers/${encodeURIComponent(key)}`;
  if (kind === 'item') return `/items/${encodeURIComponent(key)}`;
  return `/catalog/parts?q=${encodeURIComponent(key)}`;
}

const countOf = (r: SearchResult | undefined) =>
  r ? r.customers.length + r.items.length + r.parts.length : 0;

/** The search box with its grouped results; `onOpen` runs after a result is opened. */
function SearchBox({
  hotkey,
  autoFocus,
  onOpen,
  testId,
}: {
  hotkey: boolean;
  autoFocus?: boolean;
  onOpen?: () => void;
  /** Two boxes exist (header and phone): tests tell them apart. */
  testId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const os = useOs();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 200);
  const search = useGlobalSearch(debounced);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const result = debounced.trim() ? search.data : undefined;
  const locale = currentLocale();

  useHotkeys(hotkey ? [['mod+K', () => input.current?.focus()]] : [], []);

  // New results: the first one is ready for Enter (the store changes identity on every render).
  const store = useRef(combobox);
  store.current = combobox;
  useEffect(() => {
    if (result) store.current.selectFirstOption();
  }, [result]);

  const open = (value: string) => {
    navigate(targetOf(value));
    setText('');
    combobox.closeDropdown();
    input.current?.blur();
    onOpen?.();
  };

  const groups = result && [
    {
      key: 'customers',
      label: t('search.customers'),
      options: result.customers.map((c) => (
        <Combobox.Option value={`customer:${c.id}`} key={c.id}>
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {c.name}
            </Text>
            <Text size="xs" opacity={0.7}>
              {[c.uic, c.city, formatPhone(c.phone), c.email].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        </Combobox.Option>
      )),
    },
    {
      key: 'items',
      label: t('search.items'),
      options: result.items.map((i) => (
        <Combobox.Option value={`item:${i.id}`} key={i.id}>
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" ff="monospace" fw={600}>
                {i.serialNumber}
              </Text>
              <Text size="sm" truncate>
                {i.brandName} {i.modelName}
              </Text>
            </Group>
            <Text size="xs" opacity={0.7}>
              {[i.partyName, i.siteName].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        </Combobox.Option>
      )),
    },
    {
      key: 'parts',
      label: t('search.parts'),
      options: result.parts.map((p) => (
        <Combobox.Option value={`part:${p.code}`} key={p.id}>
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {locale === 'en' ? (p.nameEn ?? p.nameBg) : p.nameBg}
            </Text>
            <Text size="xs" opacity={0.7}>
              {[p.code, p.barcode].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        </Combobox.Option>
      )),
    },
  ];

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={open}
      withinPortal
      position="bottom-start"
      width={hotkey ? 440 : 'target'}
    >
      <Combobox.Target>
        <TextInput
          ref={input}
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={
            search.isFetching ? (
              <Loader size={14} />
            ) : hotkey ? (
              <Kbd size="xs" visibleFrom="md">
                {os === 'macos' ? '⌘' : 'Ctrl'}+K
              </Kbd>
            ) : null
          }
          rightSectionWidth={search.isFetching || !hotkey ? undefined : 64}
          rightSectionPointerEvents="none"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => text.trim() && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setText('');
              combobox.closeDropdown();
            }
          }}
          w="100%"
          autoFocus={autoFocus}
          data-testid={testId}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!text.trim() || !result} data-testid={`${testId}-results`}>
        <Combobox.Options mah={460} style={{ overflowY: 'auto' }}>
          {result && countOf(result) === 0 && (
            <Combobox.Empty>{t('search.nothingFound', { q: result.q })}</Combobox.Empty>
          )}
          {groups
            ?.filter((g) => g.options.length > 0)
            .map((g) => (
              <Combobox.Group label={g.label} key={g.key}>
                {g.options}
              </Combobox.Group>
            ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

/**
 * The search in the header: customers, items by serial and parts as one types, in Cyrillic or Latin, any
 * case (the server folds both). Arrows move, Enter opens, Escape closes; Ctrl/⌘+K jumps here. On a phone
 * a search button opens the same box full-screen.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Box visibleFrom="sm" style={{ flex: '1 1 440px', maxWidth: 440, minWidth: 160 }}>
        <SearchBox hotkey testId="global-search" />
      </Box>
      <ActionIcon
        hiddenFrom="sm"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={t('search.label')}
        onClick={open}
        ml="auto"
      >
        <IconSearch size={20} />
      </ActionIcon>
      <Modal opened={opened} onClose={close} fullScreen title={t('search.label')} hiddenFrom="sm">
        <SearchBox hotkey={false} autoFocus onOpen={close} testId="global-search-mobile" />
      </Modal>
    </>
  );
}
