import type { Locale } from '@servix/server/kernel/format';
import dayjs from 'dayjs';
import 'dayjs/locale/bg';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { bg, en } from './resources';

export type { Locale };
export const LOCALES: readonly Locale[] = ['bg', 'en'];
const STORAGE_KEY = 'servix.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof bg };
  }
}

export function isLocale(value: unknown): value is Locale {
  return value === 'bg' || value === 'en';
}

/** The language chosen on this browser before sign-in; Bulgarian when nothing was chosen. */
export function storedLocale(): Locale {
  return savedLocale() ?? 'bg';
}

/** The language chosen with the switch on this browser, or null when it never was. */
export function savedLocale(): Locale | null {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : null;
  } catch {
    return null;
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { bg: { translation: bg }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'bg',
  supportedLngs: LOCALES,
  initAsync: false,
  interpolation: { escapeValue: false },
});
applyToDocument(currentLocale());

export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : 'bg';
}

function applyToDocument(locale: Locale) {
  dayjs.locale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Switches the whole UI at once and remembers the choice on this browser (unless `remember` is false). */
export async function setLanguage(
  locale: Locale,
  { remember = true }: { remember?: boolean } = {},
): Promise<void> {
  try {
    if (remember) globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice still applies to this page.
  }
  applyToDocument(locale);
  if (currentLocale() !== locale || i18n.language !== locale) await i18n.changeLanguage(locale);
}
