import type { Access, EntityRules } from '../../kernel/access';

/**
 * Goods delivery notes (ADR 0024): the people who close orders at the desk issue and read them, as they do invoices
 * and receipts; technicians and the storekeeper see none. One rule for the list, the record, issuing and the PDF.
 */
export const GOODS_NOTE_RULES = {
  read: ['admin', 'manager', 'reception', 'accountant', 'auditor'],
  write: ['admin', 'manager', 'reception', 'accountant'],
} as const satisfies EntityRules;

export const GOODS_NOTES_ACCESS: Record<string, Access> = {
  'POST /api/v1/goods-notes/from-order': GOODS_NOTE_RULES.write,
  'GET /api/v1/goods-notes': GOODS_NOTE_RULES.read,
  'GET /api/v1/goods-notes/:id': GOODS_NOTE_RULES.read,
  'GET /api/v1/goods-notes/:id/pdf': GOODS_NOTE_RULES.read,
};
