import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../db/database';
import { actorOf, principalOf } from '../../http/context';
import { allows } from '../../kernel/access';
import { IdParams } from '../../kernel/ids';
import { QueryBool } from '../../kernel/list-query';
import { type DocumentLanguage, renderDocument, sendPdf } from '../../pdf';
import { ORDER_FIELDS, ORDER_LINK_RULES } from './orders.access';
import { orderDocumentTitle, orderPrintedDocument } from './orders.pdf';
import { intakeStatusLink, orderPrintOf } from './orders.print';
import { ORDER_DOCUMENTS, type OrderDocumentKind } from './orders.print.model';
import { getOrder } from './orders.service';

const PdfParams = IdParams.extend({
  document: z
    .enum(ORDER_DOCUMENTS)
    .describe(
      'intake: приемо-предавателен протокол; work-report: протокол за извършена работа; warranty-protocol: гаранционен протокол; warranty-card: гаранционна карта',
    ),
});

const PdfQuery = z.strictObject({
  language: z.enum(['bg', 'en']).optional().describe('The language of the printed document; default bg'),
  lang: z.enum(['bg', 'en']).optional().describe('The same as language (the stock documents’ name)'),
  token: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Intake only: the status link token the intake answered, printed as a QR code when it is the active one; without it the active link is kept and no QR code is printed',
    ),
  newLink: QueryBool.optional().describe(
    'Intake only: print with a new status link (the old one stops working, the timeline says so); for those who may make links',
  ),
});

/**
 * Where customers reach this Servix: the configured public address (PUBLIC_URL), else the address this request came
 * to (protocol and host as the trusted proxy says, or the socket's).
 */
export function publicBaseUrl(req: FastifyRequest, configured: string | null | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}`;
}

/** The PDF of one of an order's documents and its file name; 404 when there is no such order. */
export async function orderDocumentPdf(
  db: Executor,
  kind: OrderDocumentKind,
  id: string,
  language: DocumentLanguage,
  options: { statusUrl?: string | null; linkKept?: boolean; costs: boolean },
): Promise<{ filename: string; pdf: Buffer }> {
  const order = await getOrder(db, id);
  const visible = options.costs
    ? order
    : { ...order, lines: order.lines.map((l) => ({ ...l, unitCostCents: null })) };
  const print = await orderPrintOf(db, visible, { workReport: kind === 'work-report' });
  const pdf = await renderDocument(orderPrintedDocument(kind, print, language, options));
  return { filename: `${orderDocumentTitle(kind, language)} ${order.number}.pdf`, pdf };
}

/** GET /api/v1/service-orders/:id/pdf/:document — the order's printed documents (read rule of orders). */
export async function orderPdfRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.deps;
  r.get(
    '/api/v1/service-orders/:id/pdf/:document',
    {
      schema: {
        tags: ['service orders'],
        summary:
          'A printed document of the order as PDF, inline: the intake protocol (with the QR code of the public status page), the work report, the warranty protocol for the claim, the warranty card',
        description:
          'The intake protocol prints the QR code and address of the order’s public status page. A status link’s token is kept only as a hash, so a print without `token` keeps the active link and prints no QR code (saying the link given at intake still works); `newLink=true` makes a new link for the print (revoking the old one) and notes it in the timeline, for those who may make links. The warranty protocol shows the parts’ cost only to the roles that may see stock costs.',
        params: PdfParams,
        querystring: PdfQuery,
      },
    },
    async (req, reply) => {
      const { id, document } = req.params;
      const language = req.query.language ?? req.query.lang ?? 'bg';
      const role = principalOf(req).role;
      let statusUrl: string | null = null;
      let linkKept = false;
      if (document === 'intake') {
        const link = await intakeStatusLink(db, actorOf(req), id, {
          token: req.query.token ?? null,
          mayRenew: allows(ORDER_LINK_RULES.write, role),
          renew: req.query.newLink ?? false,
        });
        statusUrl = link.path ? `${publicBaseUrl(req, config.publicUrl)}${link.path}` : null;
        linkKept = link.kept;
      }
      const { filename, pdf } = await orderDocumentPdf(db, document, id, language, {
        statusUrl,
        linkKept,
        costs: allows(ORDER_FIELDS.cost.roles, role),
      });
      return sendPdf(reply, filename, pdf, { inline: true });
    },
  );

  r.get(
    '/api/v1/service-orders/:id/work-report.pdf',
    {
      schema: {
        tags: ['service orders'],
        summary:
          'The work report (протокол за извършена работа) as PDF, inline: the same document as …/pdf/work-report, at the address the technician’s phone and the order page link to',
        description:
          'The visits booked for the order with their hours and technicians, the complaint and the work done, the parts with their serials, the labour, what the customer pays and what a warranty covers, the technician’s signature line and the customer’s signature drawn on the screen with the signer’s name and time.',
        params: IdParams,
        querystring: z.strictObject({
          language: z.enum(['bg', 'en']).optional().describe('The language of the report; default bg'),
        }),
      },
    },
    async (req, reply) => {
      const { filename, pdf } = await orderDocumentPdf(
        db,
        'work-report',
        req.params.id,
        req.query.language ?? 'bg',
        { costs: allows(ORDER_FIELDS.cost.roles, principalOf(req).role) },
      );
      return sendPdf(reply, filename, pdf, { inline: true });
    },
  );
}
