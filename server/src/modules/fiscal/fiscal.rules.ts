/**
 * The fiscal device's pure rules: the unique sale number (FIS-05), the device's currency on a date (FP-07), units at
 * the device boundary, texts cut to the device's width (FP-03), and the device's standard error codes as ours.
 */
import { dateParts, instantAt } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import type { DeviceMessage, FiscalCurrency } from './fiscal.device';

/** The УНП: 8-character ФУ number, 4-character operator code, 7-digit sequence (FIS-05, Н-18 Appendix 29). */
export const UNIQUE_SALE_NUMBER = /^[0-9A-Z]{8}-[0-9A-Z]{4}-\d{7}$/;
export const MAX_SALE_SEQUENCE = 9_999_999;

/** The ФУ number part of the УНП when no device is set up: the receipts of such sales are not fiscalised. */
export const NO_DEVICE_SERIAL = 'NODEVICE';

/** The operator code as the УНП carries it: 4 characters, a number padded with zeros ("1" → "0001"). */
export function operatorCodeOf(operator: string | null | undefined): string {
  const code = (operator ?? '').trim().toUpperCase();
  if (code === '') return '0001';
  if (!/^[0-9A-Z]{1,4}$/.test(code))
    throw new DomainError('invalid', 'fiscal_operator_code', { field: 'operator' });
  return code.padStart(4, '0');
}

/** The УНП of the sale numbered `sequence` by this device and operator. */
export function formatUniqueSaleNumber(deviceSerial: string, operatorCode: string, sequence: number): string {
  const serial = deviceSerial.trim().toUpperCase();
  if (!/^[0-9A-Z]{8}$/.test(serial))
    throw new DomainError('invalid', 'fiscal_device_serial', {
      field: 'deviceSerialNumber',
      params: { serial },
    });
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SALE_SEQUENCE)
    throw new DomainError('conflict', 'fiscal_sale_numbers_exhausted', { params: { serial } });
  return `${serial}-${operatorCode}-${String(sequence).padStart(7, '0')}`;
}

/**
 * The device's currency on a calendar date: EUR from the date the device was switched over (2026-01-01 by law,
 * ЗВЕРБ; a setting, D5), BGN before it.
 */
export function deviceCurrencyOn(date: string, eurFrom: string): FiscalCurrency {
  return date >= eurFrom ? 'EUR' : 'BGN';
}

/** Cents as the device's decimal units (12.34), exact for every safe integer of cents. */
export function toDeviceAmount(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  return Number((cents / 100).toFixed(2));
}

/** The device's decimal amount back to cents, rounded to the cent (devices answer 12.34 or "12.34"). */
export function fromDeviceAmount(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  return Math.round(n * 100);
}

/** Thousandths as the device's quantity (1.5). */
export function toDeviceQuantity(milli: number): number {
  return Number((milli / 1000).toFixed(3));
}

/** A text cut to the device's width (FP-03), whole characters (a Cyrillic letter is one). */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return max > 0 && chars.length > max ? chars.slice(0, max).join('') : chars.join('');
}

/** ErpNet.FP answers `ok` as a boolean or as the string "true" (README "Interpreting the results", FP-03). */
export function isOk(value: unknown): boolean {
  return value === true || value === 'true';
}

/** The tax group of a VAT rate (FIS-06): the company's mapping, else the usual А 0 %, Б 20 %, Г 9 %. */
export const DEFAULT_TAX_GROUPS: Readonly<Record<number, number>> = { 0: 1, 2000: 2, 900: 4 };

export function taxGroupOf(vatRateBp: number, groups: Readonly<Record<number, number>> = DEFAULT_TAX_GROUPS) {
  const group = groups[vatRateBp];
  if (group === undefined)
    throw new DomainError('invalid', 'fiscal_no_tax_group', {
      field: 'vatRateBp',
      params: { rate: vatRateBp / 100 },
    });
  return group;
}

/**
 * ErpNet.FP's standard error codes (ErrorCodes.md) that a user can act on, as our codes; any other error is
 * fiscal_device_error with the device's code and text.
 */
export const DEVICE_ERROR_CODES: Readonly<Record<string, string>> = {
  E101: 'fiscal_device_not_responding',
  E102: 'fiscal_low_battery',
  E103: 'fiscal_clock_not_set',
  E108: 'fiscal_device_busy',
  E201: 'fiscal_memory_full',
  E206: 'fiscal_journal_full',
  E301: 'fiscal_paper_out',
  E302: 'fiscal_cover_open',
  E406: 'fiscal_invalid_payment',
  E408: 'fiscal_wrong_password',
  E410: 'fiscal_empty_receipt',
  E411: 'fiscal_invalid_tax_group',
  E412: 'fiscal_not_supported',
  E413: 'fiscal_not_supported',
  E502: 'fiscal_z_report_due',
};

/** The error a failed device answer becomes: 409 with our code, the device's code and what it said. */
export function deviceError(messages: readonly DeviceMessage[], taskId?: string): DomainError {
  const error = messages.find((m) => m.type === 'error') ?? messages.find((m) => m.code?.startsWith('E'));
  const deviceCode = error?.code ?? null;
  const code = (deviceCode && DEVICE_ERROR_CODES[deviceCode]) || 'fiscal_device_error';
  return new DomainError('conflict', code, {
    params: { deviceCode: deviceCode ?? '—', text: error?.text ?? '' },
    extra: { deviceCode, deviceMessages: messages, ...(taskId ? { taskId } : {}) },
  });
}

/** The messages of an answer, whatever shape they came in. */
export function messagesOf(value: unknown): DeviceMessage[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((m) => {
    if (!m || typeof m !== 'object') return [];
    const r = m as Record<string, unknown>;
    const type = r.type === 'error' || r.type === 'warning' ? r.type : 'info';
    return [
      {
        type,
        ...(typeof r.code === 'string' && r.code ? { code: r.code } : {}),
        text: typeof r.text === 'string' ? r.text : '',
      },
    ];
  });
}

/**
 * How far the fiscal device's clock may be from the server's (FIS-05: "time synced with the ФУ"; ADR 0037). Beyond it
 * the device's status says so, the settings screen warns, and a sale's receipt is not printed (409
 * fiscal_clock_out_of_sync) until the clock is put right.
 */
export const DEVICE_CLOCK_TOLERANCE_SECONDS = 120;

/**
 * The device's clock less the server's, in whole seconds, or null when the device gave no time it can read. ErpNet.FP
 * gives the device's wall clock without a zone ("2026-12-07T14:05:00"): read in the company's time zone, where the
 * device stands; a time with a zone or "Z" is read as it says.
 */
export function deviceClockSkewSeconds(deviceDateTime: string | null, now: Date): number | null {
  if (!deviceDateTime) return null;
  const wall = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(deviceDateTime.trim());
  let at: number;
  if (wall) {
    const [, date, hh, mm, ss] = wall;
    if (!date || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
    try {
      dateParts(date);
    } catch {
      return null;
    }
    at = instantAt(date, Number(hh) * 60 + Number(mm)).getTime() + Number(ss) * 1000;
  } else {
    if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(deviceDateTime.trim())) return null;
    at = Date.parse(deviceDateTime);
  }
  if (!Number.isFinite(at)) return null;
  return Math.round((at - now.getTime()) / 1000);
}
