/**
 * The printed proforma invoice („ПРОФОРМА ФАКТУРА“, INV-13) in Bulgarian or Bulgarian with English (INV-04): the
 * invoice's layout with the proforma's number and date, no tax event date, its "valid until", and the line that it
 * is not a tax document. Rendered on request (a proforma is not a tax document: no stored rendering, INV-15).
 */
import type { Executor } from '../../db/database';
import { renderDocument } from '../../pdf';
import { getLogoDataUrl } from '../company';
import { getProforma } from './proforma.service';
import { type InvoiceLanguage, invoicePrintedDocument } from './sales.pdf';
import type { InvoiceDetail } from './sales.schema';

export async function renderProforma(db: Executor, id: string, language: InvoiceLanguage) {
  const [p, logoDataUrl] = await Promise.all([getProforma(db, id), getLogoDataUrl(db)]);
  const asInvoice: InvoiceDetail = {
    ...p,
    kind: 'invoice',
    relatedInvoiceId: null,
    status: 'issued',
    taxEventDate: p.documentDate,
    dueDate: null,
    issuedAt: p.createdAt,
    cancelledAt: null,
    paymentState: null,
    paidCents: null,
    openCents: null,
    receivedBy: null,
    withoutPersonalId: false,
    informativeTotals: null,
    noteReason: null,
    relatedInvoice: null,
    correctingNotes: [],
    replacedBy: null,
    proforma: null,
    advance: false,
    editable: false,
    warnings: [],
    pdfSha256: null,
    updatedAt: p.createdAt,
  };
  return {
    number: p.number,
    pdf: await renderDocument(
      invoicePrintedDocument(asInvoice, { logoDataUrl }, language, {
        validUntil: p.validUntil,
        status: p.status,
      }),
    ),
  };
}
