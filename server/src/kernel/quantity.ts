/**
 * Quantities in integer thousandths of the unit (1 pc = 1000, 2.5 m = 2500). A movement's quantity is signed:
 * what comes in is positive, what goes out negative; the direction is said once, here.
 */

export type Direction = 'in' | 'out';

/** The signed quantity of a movement: +qty coming in, −qty going out (qty itself is not negative). */
export function signedQty(direction: Direction, qtyMilli: number): number {
  if (!Number.isSafeInteger(qtyMilli) || qtyMilli < 0)
    throw new RangeError(`A quantity is a whole number of thousandths from 0, got ${qtyMilli}`);
  if (qtyMilli === 0) return 0;
  return direction === 'in' ? qtyMilli : -qtyMilli;
}

/** The direction of a signed quantity (0 counts as coming in: it moves nothing either way). */
export function directionOf(signedMilli: number): Direction {
  return signedMilli < 0 ? 'out' : 'in';
}

/** Quantities as decimal units for CSV and messages, with a dot: 6000 → "6", 2500 → "2.5", -1250 → "-1.25". */
export function milliToUnits(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const m = Math.abs(milli);
  const whole = Math.trunc(m / 1000);
  const fraction = String(m % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${fraction ? `${whole}.${fraction}` : String(whole)}`;
}
