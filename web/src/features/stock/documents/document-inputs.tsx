import { Alert, Loader, Text, TextInput } from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import type { Part } from '@servix/server/modules/catalog/catalog.schema';
import { IconAlertTriangle, IconBarcode } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../../api/client';
import { usePartyOptions } from '../../../api/parties';
import { currentLocale } from '../../../i18n';
import type { PageOf } from '../../../ui/list';
import { type SearchOption, SearchSelect } from '../../../ui/search-select';
import { partLabel, type ScannedPart } from './document-form';
import { useAvailable } from './part-picker';

/* The header inputs and hints of the stock document editor. */

/** A supplier, found on the server by name, ЕИК or city. */
export function SupplierPicker({
  value,
  initialName,
  onChange,
  error,
  label,
}: {
  value: string | null;
  initialName: string;
  onChange: (id: string | null, name: string) => void;
  error?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = usePartyOptions(q, 'supplier');
  const options: SearchOption[] = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.name,
    description: [p.uic, p.city].filter(Boolean).join(' · ') || undefined,
  }));
  return (
    <SearchSelect
      label={label ?? t('stock.docs.supplier')}
      value={value}
      options={options}
      initialOption={value ? { value, label: initialName } : null}
      loading={found.isFetching}
      onSearch={setQ}
      onChange={(id, option) => onChange(id, option?.label ?? '')}
      nothingFoundMessage={t('stock.docs.noSupplierFound')}
      placeholder={t('stock.docs.supplierPlaceholder')}
      error={error}
      clearable
      data-testid="supplier-picker"
    />
  );
}

/** What is free to take of the line's part in the warehouse (on the books, on a count). */
export function AvailableHint({
  warehouseId,
  partId,
  date,
  book,
}: {
  warehouseId: string | null;
  partId: string | null;
  /** The document's date: before today, what that date allows (a later issue may have taken it). */
  date?: string | null;
  /** A count compares with the books (on hand), not with what is free. */
  book?: boolean;
}) {
  const { t } = useTranslation();
  const available = useAvailable(warehouseId, partId, date);
  const locale = currentLocale();
  if (!available) return null;
  if (book)
    return (
      <Text size="xs" c="dimmed" data-testid="book-hint">
        {t('stock.docs.onBooks', { quantity: available.onHandText })}
      </Text>
    );
  return (
    <Text size="xs" c={available.milli > 0 ? 'dimmed' : 'red'} data-testid="available-hint">
      {available.date
        ? t(available.limitedOn ? 'stock.docs.availableOnLimited' : 'stock.docs.availableOn', {
            quantity: available.text,
            date: formatDate(available.date, locale),
            limitedOn: available.limitedOn ? formatDate(available.limitedOn, locale) : '',
          })
        : t('stock.docs.available', { quantity: available.text })}
    </Text>
  );
}

/**
 * A barcode scanner types the code and Enter: the part whose barcode (or code) is exactly that gets one more unit
 * on the document. Anything else says it found no such part and leaves the lines alone.
 */
export function ScanInput({ onPart }: { onPart: (part: ScannedPart) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scan = async () => {
    const code = text.trim();
    if (!code) return;
    setBusy(true);
    try {
      const found = await api.get<PageOf<Part>>('/parts', { q: code, pageSize: 20 });
      const part = found.items.find((p) => p.barcode === code || p.code.toUpperCase() === code.toUpperCase());
      if (!part) {
        setError(t('stock.docs.scanNotFound', { code }));
        return;
      }
      const name = locale === 'en' && part.nameEn ? part.nameEn : part.nameBg;
      onPart({
        id: part.id,
        label: partLabel({ code: part.code, name }),
        unit: part.unit,
        typicalCostCents: part.typicalCostCents ?? null,
      });
      setError(null);
      setText('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <TextInput
      aria-label={t('stock.docs.scan')}
      placeholder={t('stock.docs.scan')}
      leftSection={<IconBarcode size={16} />}
      rightSection={busy ? <Loader size={14} /> : null}
      value={text}
      error={error}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void scan();
        }
      }}
      w={300}
      data-testid="scan-input"
    />
  );
}

/** The server's refusal for want of stock, above the form. */
export function ShortfallAlert({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />} title={t('stock.docs.shortTitle')}>
      <Text size="sm" data-testid="shortfall">
        {message}
      </Text>
    </Alert>
  );
}
