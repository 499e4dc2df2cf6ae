/**
 * What a customer payment's fiscal receipt says (FIS-01, ADR 0037): one line per document paid and VAT rate, with
 * the amount paid with VAT, and the advance left on one line. Pure: no database, no network.
 */
import { mulDivRound } from '../../kernel/money';

export interface PaidDocument {
  number: string;
  kind: string;
  /** What the payment gave to it, with VAT, in the payment's currency. */
  amountCents: number;
  /** Its tax base per VAT rate (exempt lines at 0 %). */
  bases: { vatRateBp: number; netCents: number }[];
}

export interface PaymentReceiptLine {
  description: string;
  vatRateBp: number;
  totalCents: number;
}

/** Short, so that the number survives a narrow printer's line (texts are cut to its width, FP-03). */
const KIND_TEXT: Record<string, string> = { invoice: 'ф-ра', debit_note: 'ДИ' };

/**
 * The receipt's lines: each document's amount split over its VAT rates in proportion to its amounts with VAT at each
 * rate (the largest rate's share takes the rounding, so the lines add up to the payment to the cent); what is not
 * allocated is an advance at the given rate (the company's default). A document with no positive base counts at the
 * advance's rate. Lines of zero are left out.
 */
export function paymentReceiptLines(
  paid: PaidDocument[],
  advance: { amountCents: number; vatRateBp: number },
): PaymentReceiptLine[] {
  const lines: PaymentReceiptLine[] = [];
  for (const d of paid) {
    const description = `По ${KIND_TEXT[d.kind] ?? 'ф-ра'} № ${d.number}`;
    const byRate = new Map<number, number>();
    for (const b of d.bases)
      byRate.set(
        b.vatRateBp,
        (byRate.get(b.vatRateBp) ?? 0) + mulDivRound(b.netCents, 10_000 + b.vatRateBp, 10_000),
      );
    const weights = [...byRate].filter(([, w]) => w > 0).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    if (!weights.length) weights.push([advance.vatRateBp, 1]);
    const whole = weights.reduce((s, [, w]) => s + w, 0);
    let left = d.amountCents;
    weights.forEach(([vatRateBp, w], i) => {
      const part = i === weights.length - 1 ? left : mulDivRound(d.amountCents, w, whole);
      left -= part;
      if (part > 0) lines.push({ description, vatRateBp, totalCents: part });
    });
  }
  if (advance.amountCents > 0)
    lines.push({
      description: 'Авансово плащане',
      vatRateBp: advance.vatRateBp,
      totalCents: advance.amountCents,
    });
  return lines;
}
