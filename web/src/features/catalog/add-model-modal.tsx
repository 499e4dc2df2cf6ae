import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { foldSearchText, transliterateBg } from '@servix/server/kernel/search-text';
import type { Brand, Category, Model } from '@servix/server/modules/catalog/catalog.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BRANDS,
  CATEGORIES,
  MODELS,
  useBrandOptions,
  useCategoryOptions,
  useCreateRecord,
} from '../../api/catalog';
import { ApiError } from '../../api/client';
import { currentLocale } from '../../i18n';
import { categoryName } from './catalog-list';
import type { Option } from './catalog-options';

/** The option that stands for "a new record with the typed name". */
const NEW = '__new__';
const DEFAULT_WARRANTY_MONTHS = 24;

/** A catalogue code from a name, as the catalogue screens would take it: Latin capitals, digits and dashes. */
export function codeFromName(name: string): string {
  const code = transliterateBg(foldSearchText(name))
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  return code || `X${Date.now().toString(36).toUpperCase()}`;
}

/**
 * What the user typed, read as "brand model" when its first word is a known brand (or there are two words or
 * more: a new brand), else as a model name alone.
 */
export function splitTyped(typed: string, brands: readonly Pick<Brand, 'id' | 'name'>[]) {
  const text = typed.trim().replace(/\s+/g, ' ');
  const byName = (name: string) => brands.find((b) => foldSearchText(b.name) === foldSearchText(name));
  const whole = brands.find((b) => text.toLowerCase().startsWith(`${foldSearchText(b.name)} `));
  if (whole) return { brandId: whole.id, newBrand: null, name: text.slice(whole.name.length).trim() };
  const [first = '', ...rest] = text.split(' ');
  const known = byName(first);
  if (known) return { brandId: known.id, newBrand: null, name: rest.join(' ') };
  if (rest.length > 0) return { brandId: null, newBrand: first, name: rest.join(' ') };
  return { brandId: null, newBrand: null, name: text };
}

/** A select of existing records that also offers "New … „typed“" when the typed name is not among them. */
function PickOrCreate({
  label,
  description,
  options,
  value,
  newName,
  newLabel,
  onChange,
  error,
}: {
  label: string;
  description: string;
  options: Option[];
  value: string | null;
  newName: string | null;
  newLabel: (name: string) => string;
  onChange: (value: string | null, newName: string | null) => void;
  error?: string;
}) {
  const shown =
    value === NEW && newName ? newLabel(newName) : (options.find((o) => o.value === value)?.label ?? '');
  const [search, setSearch] = useState(shown);
  const typed = search.trim();
  const typingNew =
    typed.length > 0 &&
    typed !== shown &&
    !options.some((o) => foldSearchText(o.label) === foldSearchText(typed));
  const pending = typingNew ? typed : newName;
  const data = [...options, ...(pending ? [{ value: NEW, label: newLabel(pending) }] : [])];
  return (
    <Select
      label={label}
      description={description}
      required
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => onChange(v, v === NEW ? pending : null)}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * Adds a model that is not in the catalogue yet, from a form that needs it (the item form): the brand and the
 * category are picked, or created by name in place, all through the catalogue's own API.
 */
export function AddModelModal({
  typed,
  onClose,
  onCreated,
}: {
  typed: string;
  onClose: () => void;
  onCreated: (model: Model) => void;
}) {
  const { t } = useTranslation();
  const brands = useBrandOptions();
  const categories = useCategoryOptions();
  return (
    <Modal opened onClose={onClose} title={t('addModel.title')} size="lg">
      {brands.data && categories.data && (
        <AddModelForm
          typed={typed}
          brands={brands.data}
          categories={categories.data}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
    </Modal>
  );
}

function AddModelForm({
  typed,
  brands,
  categories,
  onClose,
  onCreated,
}: {
  typed: string;
  brands: Brand[];
  categories: Category[];
  onClose: () => void;
  onCreated: (model: Model) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const initial = splitTyped(typed, brands);
  const [brand, setBrand] = useState<{ value: string | null; newName: string | null }>({
    value: initial.brandId ?? (initial.newBrand ? NEW : null),
    newName: initial.newBrand,
  });
  const onlyCategory = categories.length === 1 ? (categories[0]?.id ?? null) : null;
  const [category, setCategory] = useState<{ value: string | null; newName: string | null }>({
    value: onlyCategory,
    newName: null,
  });
  const [name, setName] = useState(initial.name);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  // A brand or category made by an attempt that then failed on the model is reused by the next attempt.
  const [made, setMade] = useState<{ brand?: Brand; category?: Category }>({});
  const createBrand = useCreateRecord(BRANDS);
  const createCategory = useCreateRecord(CATEGORIES);
  const createModel = useCreateRecord(MODELS);
  const pending = createBrand.isPending || createCategory.isPending || createModel.isPending;

  async function save() {
    const required = t('validation.required');
    const missing: Record<string, string> = {};
    if (!brand.value) missing.brandId = required;
    if (!category.value) missing.categoryId = required;
    if (!name.trim()) missing.name = required;
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length) return;
    try {
      let brandId = brand.value ?? '';
      if (brand.value === NEW && brand.newName) {
        const b =
          made.brand?.name === brand.newName
            ? made.brand
            : await createBrand.mutateAsync({ code: codeFromName(brand.newName), name: brand.newName });
        setMade((m) => ({ ...m, brand: b }));
        brandId = b.id;
      }
      let categoryId = category.value ?? '';
      if (category.value === NEW && category.newName) {
        const c =
          made.category?.nameBg === category.newName
            ? made.category
            : await createCategory.mutateAsync({
                code: codeFromName(category.newName),
                nameBg: category.newName,
                nameEn: null,
              });
        setMade((m) => ({ ...m, category: c }));
        categoryId = c.id;
      }
      const model = await createModel.mutateAsync({
        brandId,
        categoryId,
        name: name.trim(),
        defaultWarrantyMonths: DEFAULT_WARRANTY_MONTHS,
      });
      onCreated(model);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setFailure(e instanceof Error ? e.message : String(e));
        return;
      }
      const fields = e.fieldErrors();
      const onInputs: Record<string, string> = {};
      for (const [field, message] of Object.entries(fields))
        if (field === 'name' || field === 'brandId' || field === 'categoryId') onInputs[field] = message;
      setErrors(onInputs);
      if (Object.keys(onInputs).length === 0) setFailure(e.problem.detail);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('addModel.intro')}
        </Text>
        {failure && (
          <Alert color="red" variant="light">
            {failure}
          </Alert>
        )}
        <PickOrCreate
          label={t('addModel.brand')}
          description={t('addModel.brandHint')}
          options={brands.map((b) => ({ value: b.id, label: b.name }))}
          value={brand.value}
          newName={brand.newName}
          newLabel={(n) => t('addModel.newBrand', { name: n })}
          onChange={(value, newName) => setBrand({ value, newName })}
          error={errors.brandId}
        />
        <TextInput
          label={t('addModel.name')}
          description={t('addModel.nameHint')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <PickOrCreate
          label={t('addModel.category')}
          description={t('addModel.categoryHint')}
          options={categories.map((c) => ({ value: c.id, label: categoryName(c, locale) }))}
          value={category.value}
          newName={category.newName}
          newLabel={(n) => t('addModel.newCategory', { name: n })}
          onChange={(value, newName) => setCategory({ value, newName })}
          error={errors.categoryId}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('addModel.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
