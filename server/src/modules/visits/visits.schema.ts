/**
 * The visits API's shapes (ADR 0031): visit requests, bookings on the technicians' schedule (visits and work
 * blocks), conflicts, suggestions, occupancy, days off and the planning settings. Instants are ISO-8601 UTC; the
 * calendar and the phone view read the same booking shape.
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { Id, TrimmedId } from '../../kernel/ids';
import { MAX_QUANTITY_MILLI } from '../../kernel/limits';
import { ListQueryBase, Page } from '../../kernel/list-query';
import { VISIT_REQUEST_STATUSES } from './visits.lifecycle';

const optionalText = (max: number) => z.string().trim().max(max).nullish();
const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const VisitRequestStatus = z.enum(VISIT_REQUEST_STATUSES);
export type VisitRequestStatus = z.infer<typeof VisitRequestStatus>;
export const VisitPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type VisitPriority = z.infer<typeof VisitPriority>;
export const VisitSource = z.enum(['phone', 'email', 'web', 'contract', 'other']);
export type VisitSource = z.infer<typeof VisitSource>;
export const BookingStatus = z.enum(['planned', 'done', 'cancelled']);
export const BookingKind = z.enum(['visit', 'work_block']);

export const TimeWindow = z
  .strictObject({ start: Instant, end: Instant })
  .refine((w) => w.start < w.end, { params: { code: 'end_before_start' }, path: ['end'] });
export type TimeWindow = z.infer<typeof TimeWindow>;

export const PlannedServiceInput = z.strictObject({
  serviceTypeId: TrimmedId,
  itemId: TrimmedId.nullish().describe(
    'The item it is for (its model’s norm override applies); one of the request’s',
  ),
  quantityMilli: z.number().int().min(1).max(MAX_QUANTITY_MILLI).default(1000),
});

export const CreateVisitRequestBody = z.strictObject({
  partyId: TrimmedId,
  siteId: TrimmedId,
  itemIds: z.array(TrimmedId).max(50).default([]).describe('Items installed at the site'),
  services: z.array(PlannedServiceInput).max(50).default([]),
  problem: z.string().trim().min(1).max(2000),
  windows: z.array(TimeWindow).max(20).default([]).describe('When the customer can receive the technician'),
  priority: VisitPriority.default('normal'),
  source: VisitSource.default('phone'),
  contactName: optionalText(200),
  contactPhone: optionalText(50),
  notes: optionalText(2000),
});
export type CreateVisitRequestBody = z.infer<typeof CreateVisitRequestBody>;

export const PatchVisitRequestBody = z.strictObject({
  itemIds: z.array(TrimmedId).max(50).optional(),
  services: z.array(PlannedServiceInput).max(50).optional(),
  problem: z.string().trim().min(1).max(2000).optional(),
  windows: z.array(TimeWindow).max(20).optional(),
  priority: VisitPriority.optional(),
  contactName: optionalText(200),
  contactPhone: optionalText(50),
  notes: optionalText(2000),
});
export type PatchVisitRequestBody = z.infer<typeof PatchVisitRequestBody>;

export const VisitRequestStatusBody = z.strictObject({ to: VisitRequestStatus });

export const VisitRequestListQuery = z.strictObject({
  ...ListQueryBase,
  status: VisitRequestStatus.optional(),
  open: z.enum(['true', 'false']).optional().describe('Only new, planned and in progress requests'),
  priority: VisitPriority.optional(),
  partyId: TrimmedId.optional(),
  siteId: TrimmedId.optional(),
});
export type VisitRequestListQuery = z.infer<typeof VisitRequestListQuery>;

export const VisitRequestListItem = z.object({
  id: z.string(),
  partyId: z.string(),
  customerName: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  siteAddress: z.string().nullable(),
  problem: z.string(),
  priority: VisitPriority,
  status: VisitRequestStatus,
  source: VisitSource,
  expectedMinutes: z.number().int().describe('Norm minutes of the planned services plus travel'),
  firstWindowStart: z.string().nullable(),
  nextBookingStart: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VisitRequestListItem = z.infer<typeof VisitRequestListItem>;
export const VisitRequestPage = Page(VisitRequestListItem);

export const BookingTechnician = z.object({ id: z.string(), name: z.string() });

export const Booking = z.object({
  id: z.string(),
  kind: BookingKind,
  status: BookingStatus,
  requestId: z.string().nullable(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderStatus: z
    .string()
    .nullable()
    .describe('The status of the service order the visit became (or the work block’s)'),
  startedAt: z
    .string()
    .nullable()
    .describe('When the technician started the visit (it became an on-site order)'),
  title: z.string().describe('The customer and site of a visit, the order number and item of a work block'),
  start: z.string(),
  end: z.string(),
  date: z.string().describe('The company-time day it is on'),
  normMinutes: z.number().int(),
  travelMinutes: z.number().int(),
  actualMinutes: z.number().int().nullable(),
  overrideReason: z.string().nullable(),
  technicians: z.array(BookingTechnician),
});
export type Booking = z.infer<typeof Booking>;

export const VisitRequestDetail = VisitRequestListItem.extend({
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  notes: z.string().nullable(),
  items: z.array(z.object({ id: z.string(), label: z.string(), categoryCode: z.string() })),
  services: z.array(
    z.object({
      serviceTypeId: z.string(),
      code: z.string(),
      name: z.string(),
      itemId: z.string().nullable(),
      quantityMilli: z.number().int(),
      normMinutes: z.number().int().describe('Total for the quantity, the item’s model override applied'),
    }),
  ),
  normMinutes: z.number().int(),
  travelMinutes: z.number().int(),
  windows: z.array(z.object({ start: z.string(), end: z.string() })),
  bookings: z.array(Booking),
  nextStatuses: z.array(VisitRequestStatus),
});
export type VisitRequestDetail = z.infer<typeof VisitRequestDetail>;

export const ConflictOut = z.object({
  code: z.enum(['technician_day_off', 'outside_working_hours', 'booking_overlap']),
  technicianId: z.string(),
  date: z.string().optional(),
  bookingId: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
});

export const Warning = z.object({
  code: z.enum(['technician_lacks_skill']),
  technicianId: z.string(),
  categoryCode: z.string(),
});
export type Warning = z.infer<typeof Warning>;

export const Override = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3)
    .max(500)
    .describe('Why the conflicts are accepted (managers only; audited)'),
});

export const CreateBookingBody = z
  .strictObject({
    requestId: TrimmedId.optional().describe('A visit for this request'),
    orderId: TrimmedId.optional().describe('A work block for this service order (in the shop)'),
    technicianIds: z.array(TrimmedId).min(1).max(10),
    start: Instant,
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .optional()
      .describe('Instead of the expected duration (a resize on the calendar)'),
    override: Override.optional(),
  })
  .refine((b) => (b.requestId ? 1 : 0) + (b.orderId ? 1 : 0) === 1, {
    params: { code: 'request_or_order' },
    path: ['requestId'],
  });
export type CreateBookingBody = z.infer<typeof CreateBookingBody>;

export const MoveBookingBody = z.strictObject({
  start: Instant.optional(),
  technicianIds: z.array(TrimmedId).min(1).max(10).optional().describe('Re-assign: replaces the technicians'),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional(),
  override: Override.optional(),
  reason: optionalText(500),
});
export type MoveBookingBody = z.infer<typeof MoveBookingBody>;

export const CancelBookingBody = z.strictObject({ reason: optionalText(500) });
export const DoneBookingBody = z.strictObject({
  actualMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
});

export const FinishVisitBody = DoneBookingBody;

/** A visit on the technician's phone: the booking with who, where, what and what happened before. */
export const Job = Booking.extend({
  customerName: z.string().nullable(),
  phone: z.string().nullable().describe('The request’s contact phone, else the site’s, else the customer’s'),
  contactName: z.string().nullable(),
  siteName: z.string().nullable(),
  siteAddress: z.string().nullable(),
  problem: z.string().nullable(),
  requestStatus: VisitRequestStatus.nullable(),
  items: z
    .array(z.object({ id: z.string(), label: z.string() }))
    .describe('The first one becomes the order’s item'),
  services: z.array(z.object({ code: z.string(), name: z.string(), normMinutes: z.number().int() })),
});
export type Job = z.infer<typeof Job>;

export const BookingEvent = z.object({
  action: z.enum(['book', 'move', 'reassign', 'cancel', 'done']),
  fromStart: z.string().nullable(),
  fromEnd: z.string().nullable(),
  toStart: z.string().nullable(),
  toEnd: z.string().nullable(),
  techniciansBefore: z.array(z.string()),
  techniciansAfter: z.array(z.string()),
  overrideReason: z.string().nullable(),
  reason: z.string().nullable(),
  actorId: z.string().nullable(),
  at: z.string(),
});

export const BookingDetail = Booking.extend({ history: z.array(BookingEvent) });
export type BookingDetail = z.infer<typeof BookingDetail>;

export const BookingAnswer = BookingDetail.extend({
  warnings: z.array(Warning).describe('Booked anyway: a technician without the skill for an item'),
  overridden: z.array(ConflictOut).describe('The conflicts a manager overrode'),
});
export type BookingAnswer = z.infer<typeof BookingAnswer>;

export const BookingRangeQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  technicianId: TrimmedId.optional(),
});

export const MyBookingsQuery = z.strictObject({
  date: IsoDate.optional().describe('Today (company time) by default'),
  days: z.coerce.number().int().min(1).max(7).default(1).describe('2: today and tomorrow'),
});

export const SuggestQuery = z.strictObject({
  from: IsoDate.optional().describe('Today by default'),
  days: z.coerce.number().int().min(1).max(62).default(14),
  perTechnician: z.coerce.number().int().min(1).max(10).default(3),
});

export const Suggestion = z.object({
  technicianId: z.string(),
  technicianName: z.string(),
  slots: z.array(z.object({ start: z.string(), end: z.string() })),
  loadPercent: z.number().int().nullable().describe('Occupancy on the first slot’s day'),
});
export const SuggestAnswer = z.object({
  durationMinutes: z.number().int(),
  categoryCodes: z.array(z.string()),
  suggestions: z
    .array(Suggestion)
    .describe('Best first: earliest slot, then the less loaded day, then the name'),
});
export type SuggestAnswer = z.infer<typeof SuggestAnswer>;

export const OccupancyQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  technicianId: TrimmedId.optional(),
  groupBy: z.enum(['day', 'week', 'month']).default('day'),
});

const Load = {
  workingMinutes: z.number().int(),
  bookedMinutes: z.number().int(),
  freeMinutes: z.number().int(),
  loadPercent: z.number().int().nullable(),
  normMinutes: z.number().int().describe('Norm minutes of the work done'),
  actualMinutes: z.number().int().describe('Actual minutes of the work done'),
};
export const OccupancyAnswer = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['day', 'week', 'month']),
  technicians: z.array(
    z.object({
      technicianId: z.string(),
      technicianName: z.string(),
      periods: z.array(
        z.object({ period: z.string().describe('The day, or the first day of the week or month'), ...Load }),
      ),
      total: z.object(Load),
    }),
  ),
});
export type OccupancyAnswer = z.infer<typeof OccupancyAnswer>;

export const DayOff = z.object({
  id: z.string(),
  technicianId: z.string().nullable(),
  date: z.string(),
  note: z.string().nullable(),
});
export const DayOffBody = z.strictObject({
  technicianId: TrimmedId.nullish().describe('None: a holiday for everyone'),
  date: IsoDate,
  note: optionalText(200),
});
export const DaysOffQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  technicianId: TrimmedId.optional(),
});

export const VisitSettings = z.object({
  defaultTravelMinutes: z.number().int(),
  defaultVisitMinutes: z.number().int().describe('A request with no planned services'),
  slotStepMinutes: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type VisitSettings = z.infer<typeof VisitSettings>;
export const VisitSettingsBody = z.strictObject({
  defaultTravelMinutes: z.number().int().min(0).max(600).optional(),
  defaultVisitMinutes: z.number().int().min(5).max(1440).optional(),
  slotStepMinutes: z.number().int().min(5).max(240).optional(),
});
export const SiteTravelParams = z.strictObject({ siteId: Id });
export const SiteTravelBody = z.strictObject({ travelMinutes: z.number().int().min(0).max(600).nullable() });
export const SiteTravel = z.object({ siteId: z.string(), travelMinutes: z.number().int().nullable() });
