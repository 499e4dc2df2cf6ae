import { useBrandOptions, useCategoryOptions } from '../../api/catalog';
import { currentLocale } from '../../i18n';
import { categoryName } from './catalog-list';

export interface Option {
  value: string;
  label: string;
}

/** Active categories as select options in the UI language, plus `keep` (the record's own, maybe archived). */
export function useCategorySelect(keep?: Option | null): Option[] {
  const categories = useCategoryOptions().data ?? [];
  const locale = currentLocale();
  const options = categories.map((c) => ({ value: c.id, label: categoryName(c, locale) }));
  return withOption(options, keep);
}

/** Active brands as select options, plus `keep`. */
export function useBrandSelect(keep?: Option | null): Option[] {
  const brands = useBrandOptions().data ?? [];
  return withOption(
    brands.map((b) => ({ value: b.id, label: b.name })),
    keep,
  );
}

export function withOption(options: Option[], keep?: Option | null): Option[] {
  if (!keep || options.some((o) => o.value === keep.value)) return options;
  return [keep, ...options];
}
