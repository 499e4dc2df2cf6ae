/**
 * How payments plug into the modules they serve without those importing it (ADR 9): the invoices' derived state
 * and its list filter, the refusal to cancel an invoice with payments on it, what a credit note in another currency
 * settles (EUR-06), and the orders intake's overdue amount.
 */
import { todayDate } from '../../kernel/calendar';
import { registerOverdueSource } from '../orders';
import {
  registerCancelGuard,
  registerCreditNoteHook,
  registerPaymentStateCondition,
  registerSettlementReader,
} from '../sales';
import { paymentStateCondition } from './payments.repository';
import { refuseCancelWithAllocations, settleByCreditNote, settlementsOf } from './payments.service';
import { overdueOfCustomer } from './receivables.service';

export function registerPaymentHooks(): void {
  registerSettlementReader(settlementsOf);
  registerPaymentStateCondition((state) => paymentStateCondition(state, todayDate()));
  registerCancelGuard(refuseCancelWithAllocations);
  registerCreditNoteHook(settleByCreditNote);
  registerOverdueSource(overdueOfCustomer);
}
