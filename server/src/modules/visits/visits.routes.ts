/**
 * The visits API (ADR 0031): visit requests, bookings on the technicians' schedule (the calendar's range read, my
 * jobs, book, move or re-assign, cancel, done), suggestions, occupancy, days off and the planning settings.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, principalOf } from '../../http/context';
import { allows } from '../../kernel/access';
import { IdParams } from '../../kernel/ids';
import { DISPATCHERS, VISIT_OVERRIDERS } from './visits.access';
import * as bookings from './visits.bookings';
import {
  Booking,
  BookingAnswer,
  BookingDetail,
  BookingRangeQuery,
  CancelBookingBody,
  CreateBookingBody,
  CreateVisitRequestBody,
  DayOff,
  DayOffBody,
  DaysOffQuery,
  DoneBookingBody,
  FinishVisitBody,
  Job,
  MoveBookingBody,
  MyBookingsQuery,
  OccupancyAnswer,
  OccupancyQuery,
  PatchVisitRequestBody,
  SiteTravel,
  SiteTravelBody,
  SiteTravelParams,
  SuggestAnswer,
  SuggestQuery,
  VisitRequestDetail,
  VisitRequestListQuery,
  VisitRequestPage,
  VisitRequestStatusBody,
  VisitSettings,
  VisitSettingsBody,
} from './visits.schema';
import * as service from './visits.service';
import * as visit from './visits.visit';

function bookerOf(req: FastifyRequest): bookings.Booker {
  const p = principalOf(req);
  return {
    actor: actorOf(req),
    mayOverride: allows(VISIT_OVERRIDERS, p.role),
    isDispatcher: allows(DISPATCHERS, p.role),
    userId: p.userId,
  };
}

export async function visitsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['visits'];

  // ---------------------------------------------------------------- requests
  r.get(
    '/api/v1/visit-requests',
    {
      schema: {
        tags,
        summary: 'Visit requests (the queue): by status, priority, customer, site',
        querystring: VisitRequestListQuery,
        response: { 200: VisitRequestPage },
      },
    },
    async (req) => service.listVisitRequests(db, req.query),
  );
  r.post(
    '/api/v1/visit-requests',
    {
      schema: {
        tags,
        summary:
          'Record a visit request: the site, its installed items, the planned services (norm minutes), the customer’s windows',
        body: CreateVisitRequestBody,
        response: { 201: VisitRequestDetail },
      },
    },
    async (req, reply) => {
      const id = await service.createVisitRequest(db, actorOf(req), req.body);
      return reply.status(201).send(await bookings.getRequestDetail(db, id));
    },
  );
  r.get(
    '/api/v1/visit-requests/:id',
    {
      schema: {
        tags,
        summary: 'A visit request with its items, services, windows and bookings',
        params: IdParams,
        response: { 200: VisitRequestDetail },
      },
    },
    async (req) => bookings.getRequestDetail(db, req.params.id),
  );
  r.patch(
    '/api/v1/visit-requests/:id',
    {
      schema: {
        tags,
        summary: 'Change a new or planned request (its expected duration is priced again)',
        params: IdParams,
        body: PatchVisitRequestBody,
        response: { 200: VisitRequestDetail },
      },
    },
    async (req) => {
      await service.patchVisitRequest(db, actorOf(req), req.params.id, req.body);
      return bookings.getRequestDetail(db, req.params.id);
    },
  );
  r.post(
    '/api/v1/visit-requests/:id/status',
    {
      schema: {
        tags,
        summary:
          'Move a request: in progress, done, cancelled (its planned bookings too), or reopen a cancelled one; booking plans it',
        params: IdParams,
        body: VisitRequestStatusBody,
        response: { 200: VisitRequestDetail },
      },
    },
    async (req) => bookings.moveVisitRequest(db, actorOf(req), req.params.id, req.body.to),
  );
  r.get(
    '/api/v1/visit-requests/:id/suggestions',
    {
      schema: {
        tags,
        summary:
          'Technicians with the skill and their earliest free slots that fit the request in the customer’s windows, best first',
        params: IdParams,
        querystring: SuggestQuery,
        response: { 200: SuggestAnswer },
      },
    },
    async (req) => bookings.suggest(db, req.params.id, req.query),
  );

  // ---------------------------------------------------------------- bookings
  r.get(
    '/api/v1/visit-bookings',
    {
      schema: {
        tags,
        summary: 'The schedule: live bookings on the days from–to (at most 62), for one technician or all',
        querystring: BookingRangeQuery,
        response: { 200: z.object({ items: z.array(Booking) }) },
      },
    },
    async (req) => ({ items: await bookings.listBookings(db, req.query) }),
  );
  r.get(
    '/api/v1/visit-bookings/mine',
    {
      schema: {
        tags,
        summary:
          'My jobs: the signed-in technician’s bookings today (and the next days), with the customer, phone, site and items',
        querystring: MyBookingsQuery,
        response: { 200: z.object({ items: z.array(Job) }) },
      },
    },
    async (req) => ({ items: await visit.myJobs(db, principalOf(req).userId, req.query) }),
  );
  r.post(
    '/api/v1/visit-bookings',
    {
      schema: {
        tags,
        summary:
          'Book a visit (a request) or a work block (a service order) onto technicians; 409 naming the conflict unless a manager overrides',
        body: CreateBookingBody,
        response: { 201: BookingAnswer },
      },
    },
    async (req, reply) => reply.status(201).send(await bookings.createBooking(db, bookerOf(req), req.body)),
  );
  r.get(
    '/api/v1/visit-bookings/:id',
    {
      schema: {
        tags,
        summary: 'A booking with its history',
        params: IdParams,
        response: { 200: BookingDetail },
      },
    },
    async (req) => bookings.getBooking(db, req.params.id),
  );
  r.post(
    '/api/v1/visit-bookings/:id/move',
    {
      schema: {
        tags,
        summary:
          'Move, resize or re-assign a planned booking (kept in its history); the same conflict checks',
        params: IdParams,
        body: MoveBookingBody,
        response: { 200: BookingAnswer },
      },
    },
    async (req) => bookings.moveBooking(db, bookerOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/visit-bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a planned booking (its request is new again when nothing else is planned)',
        params: IdParams,
        body: CancelBookingBody,
        response: { 200: BookingDetail },
      },
    },
    async (req) => bookings.cancelBooking(db, actorOf(req), req.params.id, req.body.reason ?? null),
  );
  r.post(
    '/api/v1/visit-bookings/:id/done',
    {
      schema: {
        tags,
        summary: 'The work of a booking is done, with its actual minutes (a technician: only their own)',
        params: IdParams,
        body: DoneBookingBody,
        response: { 200: BookingDetail },
      },
    },
    async (req) => bookings.finishBooking(db, bookerOf(req), req.params.id, req.body.actualMinutes),
  );

  r.get(
    '/api/v1/visit-bookings/:id/job',
    {
      schema: {
        tags,
        summary:
          'A job on the phone: the booking with the customer, phone, site, items and problem (own only)',
        params: IdParams,
        response: { 200: Job },
      },
    },
    async (req) => visit.getJob(db, bookerOf(req), req.params.id),
  );
  r.post(
    '/api/v1/visit-bookings/:id/start',
    {
      schema: {
        tags,
        summary:
          'Start a visit: it becomes an on-site service order in repair (again: the same order); the request is in progress',
        params: IdParams,
        response: { 200: BookingDetail },
      },
    },
    async (req) => visit.startVisit(db, bookerOf(req), req.params.id),
  );
  r.post(
    '/api/v1/visit-bookings/:id/finish',
    {
      schema: {
        tags,
        summary:
          'Finish a started visit: the order is finished (parts issued, warranty) and the booking done, in one transaction',
        params: IdParams,
        body: FinishVisitBody,
        response: { 200: BookingDetail },
      },
    },
    async (req) => visit.finishVisit(db, bookerOf(req), req.params.id, req.body.actualMinutes),
  );

  // ---------------------------------------------------------------- occupancy
  r.get(
    '/api/v1/visit-occupancy',
    {
      schema: {
        tags,
        summary:
          'Occupancy per technician and day, week or month: working, booked and free minutes, load %, norm vs actual of work done',
        querystring: OccupancyQuery,
        response: { 200: OccupancyAnswer },
      },
    },
    async (req) => bookings.occupancy(db, req.query),
  );

  // ---------------------------------------------------------------- days off, settings
  r.get(
    '/api/v1/visit-days-off',
    {
      schema: {
        tags,
        summary: 'Days off (a technician’s, or everyone’s holidays) between two dates',
        querystring: DaysOffQuery,
        response: { 200: z.object({ items: z.array(DayOff) }) },
      },
    },
    async (req) => ({ items: await service.listDaysOff(db, req.query) }),
  );
  r.post(
    '/api/v1/visit-days-off',
    {
      schema: { tags, summary: 'Add a day off', body: DayOffBody, response: { 201: DayOff } },
    },
    async (req, reply) => reply.status(201).send(await service.addDayOff(db, actorOf(req), req.body)),
  );
  r.delete(
    '/api/v1/visit-days-off/:id',
    {
      schema: { tags, summary: 'Remove a day off', params: IdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.removeDayOff(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/v1/visit-settings',
    { schema: { tags, summary: 'The planning settings', response: { 200: VisitSettings } } },
    async () => service.getVisitSettings(db),
  );
  r.put(
    '/api/v1/visit-settings',
    {
      schema: {
        tags,
        summary: 'Change the planning settings: default travel and visit minutes, the slot step',
        body: VisitSettingsBody,
        response: { 200: VisitSettings },
      },
    },
    async (req) => service.updateVisitSettings(db, actorOf(req), req.body),
  );
  r.put(
    '/api/v1/visit-settings/sites/:siteId',
    {
      schema: {
        tags,
        summary: 'The travel time to a site (null: the default)',
        params: SiteTravelParams,
        body: SiteTravelBody,
        response: { 200: SiteTravel },
      },
    },
    async (req) => service.setSiteTravel(db, actorOf(req), req.params.siteId, req.body.travelMinutes),
  );
}
