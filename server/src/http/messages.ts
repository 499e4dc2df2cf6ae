export type Locale = 'bg' | 'en';
export const LOCALES: readonly Locale[] = ['bg', 'en'];

/** Error messages in the user's language, by stable error code. {name} placeholders are filled from params. */
export const MESSAGES: Record<string, Record<Locale, string>> = {
  validation_failed: { bg: 'Невалидни данни.', en: 'The data is not valid.' },
  unknown_field: { bg: 'Непознато поле „{field}“.', en: 'Unknown field "{field}".' },
  invalid_type: { bg: 'Полето „{field}“ е с невалиден тип.', en: 'Field "{field}" has the wrong type.' },
  required: { bg: 'Полето „{field}“ е задължително.', en: 'Field "{field}" is required.' },
  invalid_value: { bg: 'Невалидна стойност в „{field}“.', en: 'Invalid value in "{field}".' },
  too_small: {
    bg: 'Стойността в „{field}“ е твърде малка или къса.',
    en: 'The value in "{field}" is too small or short.',
  },
  too_big: {
    bg: 'Стойността в „{field}“ е твърде голяма или дълга.',
    en: 'The value in "{field}" is too big or long.',
  },
  invalid_uic: {
    bg: 'Невалиден ЕИК: контролната цифра не съвпада.',
    en: 'Invalid UIC: the check digit does not match.',
  },
  invalid_vat_number: { bg: 'Невалиден ДДС номер (BG + ЕИК).', en: 'Invalid VAT number (BG + UIC).' },
  invalid_iban: { bg: 'Невалиден IBAN.', en: 'Invalid IBAN.' },
  invalid_email: { bg: 'Невалиден адрес на е-поща.', en: 'Invalid e-mail address.' },
  body_too_large: { bg: 'Заявката е твърде голяма.', en: 'The request is too large.' },
  invalid_json: { bg: 'Тялото на заявката не е валиден JSON.', en: 'The request body is not valid JSON.' },
  unsupported_media_type: { bg: 'Неподдържан тип на съдържанието.', en: 'Unsupported content type.' },
  not_authenticated: { bg: 'Моля, влезте в системата.', en: 'Please sign in.' },
  invalid_credentials: { bg: 'Грешно потребителско име или парола.', en: 'Wrong username or password.' },
  too_many_attempts: {
    bg: 'Твърде много неуспешни опити. Опитайте отново след {minutes} мин.',
    en: 'Too many failed attempts. Try again in {minutes} min.',
  },
  forbidden: { bg: 'Нямате права за това действие.', en: 'You are not allowed to do this.' },
  csrf_failed: {
    bg: 'Липсва или е невалиден защитният код на заявката (CSRF). Презаредете страницата.',
    en: 'The request security token (CSRF) is missing or wrong. Reload the page.',
  },
  not_found: { bg: 'Не е намерено.', en: 'Not found.' },
  route_not_found: { bg: 'Няма такъв адрес в API.', en: 'No such API route.' },
  already_set_up: { bg: 'Системата вече е настроена.', en: 'Servix is already set up.' },
  not_set_up: { bg: 'Системата още не е настроена.', en: 'Servix is not set up yet.' },
  username_taken: { bg: 'Потребителското име „{username}“ е заето.', en: 'Username "{username}" is taken.' },
  last_admin: {
    bg: 'Не може да се премахне последният активен администратор.',
    en: 'The last active administrator cannot be removed.',
  },
  series_in_use: {
    bg: 'Номерата от тази серия вече се използват; началният номер не може да се намали.',
    en: 'This series has issued numbers; its next number cannot go down.',
  },
  series_code_taken: {
    bg: 'Серия с код „{code}“ вече съществува.',
    en: 'A series with code "{code}" already exists.',
  },
  series_exhausted: { bg: 'Серията „{code}“ е изчерпана.', en: 'Series "{code}" is exhausted.' },
  conflict: { bg: 'Конфликт с друг запис.', en: 'Conflict with another record.' },
  // imports
  invalid_csv: { bg: 'Файлът не е валиден CSV: {reason}', en: 'The file is not valid CSV: {reason}' },
  empty_file: { bg: 'Файлът няма редове с данни.', en: 'The file has no data rows.' },
  unknown_column: { bg: 'Непозната колона „{column}“.', en: 'Unknown column "{column}".' },
  missing_column: { bg: 'Липсва колона „{column}“.', en: 'Missing column "{column}".' },
  unknown_import: { bg: 'Не може да се внасят „{entity}“.', en: 'Cannot import "{entity}".' },
  has_errors: {
    bg: 'Файлът има грешки и нищо не е внесено. Поправете ги или внесете само валидните редове.',
    en: 'The file has errors and nothing was imported. Fix them or import only the valid rows.',
  },
  internal_error: { bg: 'Вътрешна грешка. Опитайте отново.', en: 'Internal error. Please try again.' },
  database_unavailable: { bg: 'Базата данни не отговаря.', en: 'The database does not answer.' },
};

export function message(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const template = MESSAGES[code]?.[locale] ?? MESSAGES[code]?.en ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** The user's language: their saved choice, else the X-Servix-Locale header, else Accept-Language, else Bulgarian. */
export function pickLocale(
  saved: string | undefined,
  header: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  for (const candidate of [saved, header]) if (candidate === 'bg' || candidate === 'en') return candidate;
  if (acceptLanguage) {
    const first = acceptLanguage.split(',')[0]?.trim().slice(0, 2).toLowerCase();
    if (first === 'en') return 'en';
  }
  return 'bg';
}
