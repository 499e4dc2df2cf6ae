import { Select, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { VAT_RATE_KINDS, type VatRateKind } from '@servix/server/kernel/vat-rate-kinds';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useVatRates } from '../../api/vat-rates';
import { currentLocale, type Locale } from '../../i18n';
import { bpToText, textToBp } from './catalog-values';

/** An item's VAT in a form (ADR 0042): a kind, or an explicit rate kept from before kinds, and a ground. */
export type VatKindChoice = VatRateKind | 'explicit';
export interface VatKindValues {
  vatKind: VatKindChoice;
  vatPercent: string;
  vatReason: string;
}

/** The form's VAT of a record: its kind (a new one: standard), the explicit rate, the ground. */
export function vatKindInitial(
  record: { vatRateKind: VatRateKind | null; vatRateBp: number; vatReason: string | null } | undefined,
  locale: Locale,
): VatKindValues {
  return {
    vatKind: record ? (record.vatRateKind ?? 'explicit') : 'standard',
    vatPercent: bpToText(record?.vatRateBp ?? 2000, locale),
    vatReason: record?.vatReason ?? '',
  };
}

const zeroKind = (k: VatKindChoice) => k === 'zero' || k === 'exempt';

/** The request's VAT: the kind and its ground, or (kept from before kinds) the explicit rate. */
export function vatKindBody(v: VatKindValues): {
  vatRateKind?: VatRateKind;
  vatRateBp?: number;
  vatReason: string | null;
} {
  if (v.vatKind === 'explicit') return { vatRateBp: textToBp(v.vatPercent), vatReason: null };
  return { vatRateKind: v.vatKind, vatReason: zeroKind(v.vatKind) ? v.vatReason.trim() || null : null };
}

/** Server fields to the inputs of these values. */
export const VAT_KIND_FIELDS: Record<string, string> = {
  vatRateKind: 'vatKind',
  vatRateBp: 'vatPercent',
  vatReason: 'vatReason',
};

/** "Reduced · 9 %": a kind with its rate (today's on an item or an order line); an explicit rate alone. */
export function vatKindLabel(t: TFunction, kind: VatRateKind | null, rateBp: number, locale: Locale): string {
  const rate = `${bpToText(rateBp, locale)} %`;
  return kind && kind !== 'zero' ? `${t(`vatRates.kinds.${kind}`)} · ${rate}` : rate;
}

type Inputs = (name: keyof VatKindValues) => GetInputPropsReturnType;

/** The kind picker (each kind with its rate today), the explicit rate when kept, the ground for 0 % and exempt. */
export function VatKindFields({
  values,
  inputs,
  setReason,
  readOnly,
  description,
}: {
  values: VatKindValues;
  inputs: Inputs;
  setReason: (reason: string) => void;
  readOnly?: boolean;
  /** The picker's hint; an item's by default. */
  description?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rates = useVatRates().data?.current ?? [];
  const today = (k: VatRateKind) => rates.find((r) => r.kind === k);
  const data = [
    ...VAT_RATE_KINDS.map((k) => {
      const r = today(k);
      return { value: k, label: r ? vatKindLabel(t, k, r.rateBp, locale) : t(`vatRates.kinds.${k}`) };
    }),
    ...(values.vatKind === 'explicit' ? [{ value: 'explicit', label: t('catalog.vatExplicit') }] : []),
  ];
  const kindProps = inputs('vatKind');
  return (
    <>
      <Select
        label={t('catalog.vatKind')}
        description={description ?? t('catalog.vatKindHint')}
        data={data}
        allowDeselect={false}
        required
        readOnly={readOnly}
        data-testid="vat-kind"
        {...kindProps}
        onChange={(v) => {
          const k = (v ?? 'standard') as VatKindChoice;
          (kindProps.onChange as (x: string) => void)(k);
          // A 0 % or exempt kind offers the ground the rate table gives it; the user may change it.
          if (zeroKind(k) && !values.vatReason.trim()) setReason(today(k as VatRateKind)?.vatReason ?? '');
        }}
      />
      {values.vatKind === 'explicit' && (
        <TextInput
          label={t('catalog.vatPercent')}
          description={t('catalog.vatHint')}
          required
          readOnly={readOnly}
          inputMode="decimal"
          rightSection={<Text size="sm">%</Text>}
          {...inputs('vatPercent')}
        />
      )}
      {zeroKind(values.vatKind) && (
        <TextInput
          label={t('catalog.vatReason')}
          description={t('catalog.vatReasonHint')}
          required
          readOnly={readOnly}
          maxLength={300}
          data-testid="vat-reason"
          {...inputs('vatReason')}
        />
      )}
    </>
  );
}

// ---------------------------------------------------------------- a line's VAT (order and quote line editors)

/** What an item (part, service, a charge: standard) says of a line's VAT. */
type ItemVat = { vatRateKind: VatRateKind | null; vatRateBp: number; vatReason: string | null };

/** A line's VAT in its editor: the item's until the user picks a kind (`chosen`); then only what was picked is sent. */
export interface LineVatValues extends VatKindValues {
  chosen: boolean;
}

/** A new line: the standard kind until its item is known; an existing one: its own kind, rate and ground. */
export function lineVatInitial(line: ItemVat | undefined, locale: Locale): LineVatValues {
  return { ...vatKindInitial(line, locale), chosen: false };
}

/** The line follows its item's kind (ADR 0042) until the user picks one. */
export function lineVatOfItem(v: LineVatValues, item: ItemVat | undefined, locale: Locale): LineVatValues {
  if (v.chosen || !item) return v;
  return { ...vatKindInitial(item, locale), chosen: false };
}

/** The request's VAT of a line: nothing unless the user picked a kind (the server then takes the item's). */
export function lineVatBody(v: LineVatValues): ReturnType<typeof vatKindBody> | Record<string, never> {
  return v.chosen ? vatKindBody(v) : {};
}

/** The editor's own check: a 0 % or exempt kind needs its ground (the server says the same, field vatReason). */
export function lineVatErrors(v: LineVatValues, t: TFunction): Record<string, string> {
  return zeroKind(v.vatKind) && !v.vatReason.trim() ? { vatReason: t('validation.required') } : {};
}

/** The kind picker of an order's or a quote's line: errors keyed by the API's fields (vatRateKind, vatReason). */
export function LineVatKindFields({
  value,
  onChange,
  errors,
}: {
  value: LineVatValues;
  /** Updates from what it was (a kind picked may pre-fill the ground in the same event). */
  onChange: (update: (prev: LineVatValues) => LineVatValues) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const field = (name: keyof VatKindValues) =>
    Object.entries(VAT_KIND_FIELDS).find(([, input]) => input === name)?.[0] ?? name;
  const inputs: Inputs = (name) => ({
    value: value[name],
    error: errors[field(name)],
    onChange: (e: string | { currentTarget: { value: string } }) => {
      // Read now: the event's target is gone by the time the update runs.
      const next = typeof e === 'string' ? e : e.currentTarget.value;
      onChange((prev) => ({ ...prev, [name]: next, chosen: true }));
    },
  });
  return (
    <VatKindFields
      values={value}
      inputs={inputs}
      setReason={(vatReason) => onChange((prev) => ({ ...prev, vatReason, chosen: true }))}
      description={t('catalog.vatKindLineHint')}
    />
  );
}
