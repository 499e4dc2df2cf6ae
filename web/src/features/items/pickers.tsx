import { Select, type SelectProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { foldSearchText } from '@servix/server/kernel/search-text';
import type { Model } from '@servix/server/modules/catalog/catalog.schema';
import type { PartyListItem } from '@servix/server/modules/parties/parties.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCustomerSiteOptions, usePartyOptions } from '../../api/parties';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import type { PageOf } from '../../ui/list';
import { formatPhone } from '../../ui/phone-number';
import { type SearchOption, SearchSelect } from '../../ui/search-select';
import { AddModelModal } from '../catalog/add-model-modal';

type InputProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value?: string | null;
  onChange: (value: string | null) => void;
};

const partyOption = (p: Pick<PartyListItem, 'id' | 'name' | 'uic' | 'city' | 'phone'>): SearchOption => ({
  value: p.id,
  label: p.name,
  description: [p.uic, p.city, formatPhone(p.phone)].filter(Boolean).join(' · ') || undefined,
});

/** A customer, found by name, ЕИК, phone or e-mail on the server. */
export function CustomerPicker({
  initial,
  ...props
}: InputProps & { initial?: Pick<PartyListItem, 'id' | 'name' | 'uic' | 'city' | 'phone'> | null }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = usePartyOptions(q, 'customer');
  const options = useMemo(() => (found.data?.items ?? []).map(partyOption), [found.data]);
  return (
    <SearchSelect
      {...props}
      options={options}
      initialOption={initial ? partyOption(initial) : null}
      loading={found.isFetching}
      onSearch={setQ}
      nothingFoundMessage={t('items.noCustomerFound')}
      placeholder={props.placeholder ?? t('items.customerPlaceholder')}
    />
  );
}

/** A live site of the chosen customer. */
export function SitePicker({ partyId, ...props }: InputProps & { partyId: string | null }) {
  const { t } = useTranslation();
  const sites = useCustomerSiteOptions(partyId);
  const data = (sites.data?.items ?? []).map((s) => ({
    value: s.id,
    label: [s.name, s.city].filter(Boolean).join(', '),
  }));
  return (
    <SelectLike
      {...props}
      data={data}
      disabled={!partyId || props.disabled}
      placeholder={
        !partyId
          ? t('items.siteAfterCustomer')
          : data.length === 0
            ? t('items.noSites')
            : t('items.sitePlaceholder')
      }
    />
  );
}

function SelectLike(props: SelectProps) {
  return <Select clearable searchable {...props} />;
}

/** The catalogue model of an item, e.g. "Daikin FTXM35R"; its default warranty months come along. */
export function useModel(id: string | null | undefined) {
  return useQuery({
    queryKey: ['catalog', 'models', 'one', id],
    enabled: !!id,
    queryFn: () => api.get<Model>(`/models/${encodeURIComponent(id ?? '')}`),
  });
}

export function modelOption(m: Model): SearchOption {
  const category = currentLocale() === 'en' ? (m.categoryNameEn ?? m.categoryNameBg) : m.categoryNameBg;
  return { value: m.id, label: `${m.brandName} ${m.name}`, description: category };
}

/**
 * A model from the catalogue, found by brand or model name on the server. When the typed model is not there, a
 * catalogue editor adds it in place (and its brand and category, if new); anyone else is told who can.
 */
export function ModelPicker({
  initial,
  onModel,
  ...props
}: InputProps & { initial?: Model | null; onModel?: (model: Model | null) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [q, setQ] = useState('');
  // The typed text the new model starts from, while the modal is open.
  const [adding, setAdding] = useState<string | null>(null);
  const [added, setAdded] = useState<Model | null>(null);
  const found = useQuery({
    queryKey: ['catalog', 'models', 'options', q],
    queryFn: () => api.get<PageOf<Model>>('/models', { q: q || undefined, pageSize: 20, sort: 'brand' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const models = found.data?.items ?? [];
  const options = models.map(modelOption);
  const known = added ?? initial ?? null;
  const typed = q.trim();
  const exact = models.some(
    (m) =>
      foldSearchText(m.name) === foldSearchText(typed) ||
      foldSearchText(`${m.brandName} ${m.name}`) === foldSearchText(typed),
  );
  const mayAdd = canCall(user.role, 'POST /api/v1/models') && canCall(user.role, 'POST /api/v1/brands');
  const missing = typed.length > 0 && !found.isFetching && !exact && !props.disabled;
  // The offer is the last option of the dropdown, so it shows right where the user sees the model is missing.
  const offer: SearchOption[] =
    missing && mayAdd ? [{ value: ADD_MODEL, label: t('addModel.offer', { name: typed }) }] : [];
  return (
    <>
      <SearchSelect
        key={added?.id}
        {...props}
        options={[...options, ...offer]}
        initialOption={known ? modelOption(known) : null}
        loading={found.isFetching}
        onSearch={setQ}
        onChange={(v) => {
          if (v === ADD_MODEL) {
            setAdding(typed);
            return;
          }
          props.onChange(v);
          onModel?.(models.find((m) => m.id === v) ?? (known?.id === v ? known : null));
        }}
        nothingFoundMessage={missing && !mayAdd ? t('addModel.notAllowed') : t('items.noModelFound')}
        placeholder={props.placeholder ?? t('items.modelPlaceholder')}
      />
      {adding !== null && (
        <AddModelModal
          typed={adding}
          onClose={() => setAdding(null)}
          onCreated={(model) => {
            setAdding(null);
            setAdded(model);
            setQ('');
            props.onChange(model.id);
            onModel?.(model);
            notifications.show({ color: 'green', message: t('addModel.added', { name: modelLabel(model) }) });
          }}
        />
      )}
    </>
  );
}

const modelLabel = (m: Model) => `${m.brandName} ${m.name}`;
/** The dropdown's last option when the typed model is missing: it opens the add-model modal, never gets chosen. */
const ADD_MODEL = '__add_model__';
