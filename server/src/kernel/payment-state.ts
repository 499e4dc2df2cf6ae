import { z } from 'zod';

/**
 * An issued invoice's payment state, derived from its payments' allocations and its due date, never stored
 * (ADR 0020): paid when nothing is open; overdue when something is open past the due date; partly paid when some
 * is paid; else unpaid. Shared by the sales module (its list and page) and the payments module.
 */
export const PAYMENT_STATES = ['unpaid', 'partly_paid', 'paid', 'overdue'] as const;
export const PaymentState = z.enum(PAYMENT_STATES);
export type PaymentState = z.infer<typeof PaymentState>;
