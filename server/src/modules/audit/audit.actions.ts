/**
 * Every action and entity an audit row can name, by module. recordAudit takes only these, so a new action is added
 * here first; the web shows each in Bulgarian and English, and its i18n test fails on one without a text.
 * Imported by the web: nothing here but lists.
 */

/** archive, unarchive and delete through db/archive.ts. */
const ARCHIVE = ['archive', 'unarchive', 'delete'] as const;

const actionsOf = <const E extends string, const A extends readonly string[]>(entity: E, actions: A) =>
  actions.map((a) => `${entity}.${a}`) as { [K in keyof A]: `${E}.${A[K] & string}` };

const CATALOG_TABLES = [
  'catalog_category',
  'catalog_brand',
  'catalog_model',
  'catalog_service_type',
  'catalog_part',
] as const;

export const AUDIT_ACTIONS = [
  // auth
  ...actionsOf('auth', ['login', 'logout', 'throttled']),
  ...actionsOf('user', ['create', 'update', 'update_self']),
  ...actionsOf('api_token', ['create', 'revoke']),
  // company, numbering, imports
  ...actionsOf('company', ['create', 'update', 'seed_demo', 'logo_set', 'logo_remove', 'lock_date']),
  ...actionsOf('numbering_series', ['create', 'update']),
  ...actionsOf('vat_rate', ['create']),
  ...actionsOf('import', ['run']),
  // catalog
  ...CATALOG_TABLES.flatMap((t) => actionsOf(t, ['create', 'update', 'import', ...ARCHIVE])),
  ...actionsOf('catalog_norm_override', ['create', 'update', 'delete', 'import']),
  // parties
  ...actionsOf('party', [
    'create',
    'update',
    'archive',
    'unarchive',
    'delete',
    'anonymise',
    'privacy_export',
  ]),
  ...actionsOf('site', ['create', 'update', 'archive', 'unarchive', 'delete']),
  // items
  ...actionsOf('item', ['create', 'update', 'transfer', ...ARCHIVE]),
  // technicians
  ...actionsOf('technician', ['create', 'update', 'add_pay_terms', ...ARCHIVE]),
  // stock
  ...actionsOf('stock_warehouse', ['create', 'update', ...ARCHIVE]),
  ...actionsOf('stock_document', ['create', 'update', 'delete', 'post', 'reverse']),
  ...actionsOf('stock_reservation', ['create', 'release']),
  // service orders
  ...actionsOf('service_order', [
    'create',
    'update',
    'status',
    'link_create',
    'link_revoke',
    'line_add',
    'line_update',
    'line_remove',
    'payer_override',
    'finish',
    'reopen',
    'parts_arrived',
  ]),
  ...actionsOf('service_settings', ['update']),
  ...actionsOf('warranty_record', ['create', 'void']),
  // repair quotes
  ...actionsOf('repair_quote', [
    'create',
    'update',
    'status',
    'line_add',
    'line_update',
    'line_remove',
    'convert',
  ]),
  // purchasing
  ...actionsOf('purchase_request', ['create', 'update', 'need', 'send', 'cancel', 'receive', 'received']),
  // cash desks and bank accounts (ADR 0018)
  ...actionsOf('money_account', ['create', 'update', 'archive', 'restore']),
  ...actionsOf('money_movement', ['create', 'reverse']),
  // attachments
  ...actionsOf('attachment', ['create', 'delete', 'sign', 'unsign']),
  // fiscal device (ADR 0017)
  ...actionsOf('fiscal_site', ['create', 'update']),
  ...actionsOf('fiscal_workstation', ['create', 'update']),
  ...actionsOf('fiscal_device', [
    'create',
    'update',
    'test',
    'receipt',
    'reversal',
    'deposit',
    'withdraw',
    'x_report',
    'z_report',
    'duplicate',
  ]),
  // sales: invoices (issue 13)
  ...actionsOf('sales_invoice', ['create', 'update', 'delete', 'post', 'cancel']),
  // customer payments (ADR 0020)
  ...actionsOf('customer_payment', ['create', 'allocate']),
  ...actionsOf('payment_allocation', ['undo', 'write_off']),
  ...actionsOf('credit_note_settlement', ['create']),
  ...actionsOf('customer_refund', ['create', 'undo']),
  ...actionsOf('payment_settings', ['update']),
  // bank statement import (ADR 0023)
  ...actionsOf('money_account', ['import_statement']),
  // sale receipts (ADR 0022)
  ...actionsOf('sale_receipt', [
    'create',
    'counter_sale',
    'print',
    'storno',
    'refund_storno',
    'storno_print',
  ]),
  // proforma invoices (ADR 0025)
  ...actionsOf('sales_proforma', ['create', 'convert', 'cancel']),
  // goods delivery notes (ADR 0024)
  ...actionsOf('goods_note', ['create']),
  // visit requests and the technicians' schedule (ADR 0031)
  ...actionsOf('visit_request', ['create', 'update', 'status']),
  ...actionsOf('visit_booking', ['create', 'override', 'move', 'reassign', 'cancel', 'done', 'start']),
  ...actionsOf('visit_day_off', ['create', 'delete']),
  ...actionsOf('visit_settings', ['update', 'site_travel']),
  // sending documents by e-mail (ADR 0036)
  ...actionsOf('mail_settings', ['update']),
  ...actionsOf('mail_outbox', ['queue', 'sent', 'failed', 'retry']),
  ...actionsOf('einvoice_consent', ['record', 'withdraw']),
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The record an audit row is about: the part of each action before its dot, and the records of imports. */
export const AUDIT_ENTITIES = [
  'user',
  'api_token',
  'company',
  'numbering_series',
  'vat_rate',
  'import_job',
  ...CATALOG_TABLES,
  'catalog_norm_override',
  'party',
  'site',
  'item',
  'technician',
  'stock_warehouse',
  'stock_document',
  'stock_reservation',
  'service_order',
  'service_settings',
  'warranty_record',
  'repair_quote',
  'purchase_request',
  'attachment',
  'fiscal_device',
  'fiscal_site',
  'fiscal_workstation',
  'sales_invoice',
  'money_account',
  'money_movement',
  'customer_payment',
  'payment_allocation',
  'credit_note_settlement',
  'customer_refund',
  'payment_settings',
  'sale_receipt',
  'sales_proforma',
  'goods_note',
  'visit_request',
  'visit_booking',
  'visit_day_off',
  'visit_settings',
  'mail_settings',
  'mail_outbox',
  'einvoice_consent',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
