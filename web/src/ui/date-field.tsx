import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../i18n';
import { dateInputFormat } from './format';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as people type it, to yyyy-mm-dd: "5.12.2026", "05.12.26", "5/12/2026", "5-12-2026", "05122026",
 * "2026-12-05"; day first, as in Bulgaria and the UK. A two-digit year is 20yy. Null when it is not a real
 * date (31.02.2026) or not a date at all.
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dayFirst = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{2}|\d{4})\s*(?:г\.?)?$/.exec(s);
  const digits = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst ?? digits) {
    const [, dd, mm, yy] = (dayFirst ?? digits) as RegExpExecArray;
    [d, m, y] = [Number(dd), Number(mm), Number(yy)];
    if ((yy as string).length === 2) y += 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date field that takes typing (dd.mm.yyyy, and the other ways of parseTypedDate) as well as a click in
 * its calendar. Its value is yyyy-mm-dd, as the API's dates.
 */
export function DateField(props: DateInputProps) {
  const { i18n } = useTranslation();
  const format = dateInputFormat(i18n.language as Locale);
  return (
    <DateInput
      valueFormat={format}
      placeholder={format === 'DD.MM.YYYY' ? 'дд.мм.гггг' : 'dd/mm/yyyy'}
      dateParser={parseTypedDate}
      allowDeselect={props.clearable}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
