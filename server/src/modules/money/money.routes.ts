/**
 * Cash desks and bank accounts (issue 13, item 7; ADR 0018) under /api/v1/money-accounts and
 * /api/v1/money-movements: accounts with balances at a day, movements with a running balance, manual movements,
 * cash in/out at the desk, reversal by a mirror, the cash desk's day report (JSON and PDF).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context';
import { IdParams } from '../../kernel/ids';
import { sendPdf } from '../../pdf';
import { dayReportPdf } from './money.pdf';
import {
  AccountListQuery,
  AccountMovements,
  AccountQuery,
  CashEntryBody,
  CreateMoneyAccountBody,
  CreateMovementBody,
  DayReport,
  DayReportQuery,
  MoneyAccount,
  MoneyAccountList,
  Movement,
  MovementsQuery,
  PatchMoneyAccountBody,
  ReverseMovementBody,
} from './money.schema';
import * as money from './money.service';

export async function moneyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['cash desks and bank accounts'];

  r.get(
    '/api/v1/money-accounts',
    {
      schema: {
        tags,
        summary: 'Cash desks and bank accounts with their balances at the end of a day (default today)',
        querystring: AccountListQuery,
        response: { 200: MoneyAccountList },
      },
    },
    async (req) => money.listAccounts(db, req.query),
  );
  r.get(
    '/api/v1/money-accounts/:id',
    {
      schema: {
        tags,
        summary: 'An account with its balance at the end of a day (default today)',
        params: IdParams,
        querystring: AccountQuery,
        response: { 200: MoneyAccount },
      },
    },
    async (req) => money.getAccount(db, req.params.id, req.query.date),
  );
  r.post(
    '/api/v1/money-accounts',
    {
      schema: {
        tags,
        summary: 'A new cash desk, or a bank account (bank name and IBAN required), in EUR',
        body: CreateMoneyAccountBody,
        response: { 201: MoneyAccount },
      },
    },
    async (req, reply) => reply.status(201).send(await money.createAccount(db, actorOf(req), req.body)),
  );
  r.patch(
    '/api/v1/money-accounts/:id',
    {
      schema: {
        tags,
        summary: 'Rename, change the bank details, archive or bring back an account',
        params: IdParams,
        body: PatchMoneyAccountBody,
        response: { 200: MoneyAccount },
      },
    },
    async (req) => money.updateAccount(db, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/money-accounts/:id/movements',
    {
      schema: {
        tags,
        summary: "An account's movements in a period with the opening, running and closing balance",
        params: IdParams,
        querystring: MovementsQuery,
        response: { 200: AccountMovements },
      },
    },
    async (req) => money.accountMovements(db, req.params.id, req.query),
  );
  r.get(
    '/api/v1/money-accounts/:id/day-report',
    {
      schema: {
        tags,
        summary: "A cash desk's day: opening balance, ins and outs by kind, closing balance, the movements",
        params: IdParams,
        querystring: DayReportQuery,
        response: { 200: DayReport },
      },
    },
    async (req) => money.dayReport(db, req.params.id, req.query.date, req.query.deviceCash),
  );
  r.get(
    '/api/v1/money-accounts/:id/day-report/pdf',
    {
      schema: {
        tags,
        summary: 'The day report as a PDF in Bulgarian, or Bulgarian and English (language=bg+en)',
        params: IdParams,
        querystring: DayReportQuery,
      },
    },
    async (req, reply) => {
      const { filename, pdf } = await dayReportPdf(
        db,
        req.params.id,
        req.query.date,
        req.query.language ?? 'bg',
        req.query.deviceCash,
      );
      return sendPdf(reply, filename, pdf, { inline: true });
    },
  );
  r.post(
    '/api/v1/money-accounts/:id/cash',
    {
      schema: {
        tags,
        summary: 'Cash in or cash out on a cash desk (the front desk may record these), with a reason',
        params: IdParams,
        body: CashEntryBody,
        response: { 201: Movement },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await money.createCashEntry(db, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/money-accounts/:id/z-report',
    {
      schema: {
        tags,
        summary:
          "The fiscal cash desk's Z report (FIS-03): the device's cash before it and the desk's balance are kept; answers today's day report with the reconciliation",
        params: IdParams,
        response: { 200: DayReport },
      },
    },
    async (req) => money.zReportForCashDesk(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/v1/money-movements',
    {
      schema: {
        tags,
        summary:
          'A movement: cash in, cash out, expense (category), supplier payment (supplier), transfer between two accounts; numbered; a cash desk never below zero (409 cash_desk_negative)',
        body: CreateMovementBody,
        response: { 201: Movement },
      },
    },
    async (req, reply) => reply.status(201).send(await money.createMovement(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/v1/money-movements/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Reverse a movement by a mirror movement with a reason (never deleted)',
        params: IdParams,
        body: ReverseMovementBody,
        response: { 201: Movement },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await money.reverseMovement(db, actorOf(req), req.params.id, req.body)),
  );
}
