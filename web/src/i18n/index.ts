import type { Locale } from '@servix/server/kernel/format';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { authMessages } from '../features/auth/i18n';
import { uiMessages } from '../ui/i18n';
import { mergeMessages } from './messages';
import type { bg } from './resources';

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

/**
 * The texts of the screens shown before anyone signs in (the sign-in screen, the loading and error states): the
 * shared widgets' and the sign-in's own. Every other text comes with the signed-in screens (loadAllTexts), so a
 * phone does not download the whole application's texts to show a sign-in form.
 */
export const FIRST_TEXTS = {
  bg: mergeMessages(uiMessages.bg, authMessages.bg),
  en: mergeMessages(uiMessages.en, authMessages.en),
};

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { bg: { translation: FIRST_TEXTS.bg }, en: { translation: FIRST_TEXTS.en } },
  lng: storedLocale(),
  fallbackLng: 'bg',
  supportedLngs: LOCALES,
  initAsync: false,
  interpolation: { escapeValue: false },
});
applyToDocument(currentLocale());

let allTexts: Promise<void> | undefined;

/**
 * Adds every feature's texts, in both languages, to the ones the sign-in screen came with. The screens after the
 * sign-in (and the first-run setup) load with it and render only once it is done: no key shows raw (see
 * app/first-screens.ts). A failed download is tried again by the next call.
 */
export function loadAllTexts(): Promise<void> {
  allTexts ??= import('./resources').then(
    (all) => {
      for (const locale of LOCALES) i18n.addResourceBundle(locale, 'translation', all[locale], true, true);
    },
    (error: unknown) => {
      allTexts = undefined;
      throw error;
    },
  );
  return allTexts;
}

export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : 'bg';
}

function applyToDocument(locale: Locale) {
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
