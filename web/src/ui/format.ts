import { formatDate } from '@servix/server/kernel/format';
import type { Locale } from '../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant (ISO UTC) in the browser's time zone: bg "27.11.2026 14:05". */
export function formatInstant(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDate(day, locale)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The dayjs format of date inputs, matching the kernel's formatDate. */
export function dateInputFormat(locale: Locale): string {
  return locale === 'bg' ? 'DD.MM.YYYY' : 'DD/MM/YYYY';
}
