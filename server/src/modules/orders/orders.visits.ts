/**
 * The visits and work blocks booked for a service order, as the work report prints them (ADR 0032). The visits module
 * builds on orders and owns the schedule, so it tells orders how to read them at import time (visits.links.ts);
 * without it (or with no booking linked to the order) the report prints none.
 */
import type { Executor } from '../../db/database';

/** One booking linked to the order: when, and who. */
export interface OrderVisit {
  /** Instants (ISO UTC). */
  startAt: string;
  endAt: string;
  status: 'planned' | 'done';
  /** The booked technicians' names. */
  technicians: string[];
}

export type OrderVisitSource = (db: Executor, orderId: string) => Promise<OrderVisit[]>;

let source: OrderVisitSource | null = null;

/** Called by the visits module at import time. */
export function registerOrderVisitSource(visits: OrderVisitSource): void {
  source = visits;
}

/** The order's live bookings (not cancelled), earliest first. */
export async function visitsOfOrder(db: Executor, orderId: string): Promise<OrderVisit[]> {
  return source ? source(db, orderId) : [];
}
