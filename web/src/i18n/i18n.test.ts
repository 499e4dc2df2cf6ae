import { ROLES } from '@servix/server/kernel/access';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@servix/server/modules/audit/audit.actions';
import { PriceSource } from '@servix/server/modules/catalog/catalog.schema';
import { IMPORT_ENTITIES, ImportJobStatus } from '@servix/server/modules/imports/imports.schema';
import { JOB_KINDS, JobStatus } from '@servix/server/modules/jobs/jobs.schema';
import { DOC_TYPES } from '@servix/server/modules/numbering/numbering.schema';
import { ORDER_STATUSES } from '@servix/server/modules/orders/orders.lifecycle';
import { EVENT_KINDS, LINE_PAYERS } from '@servix/server/modules/orders/orders.schema';
import { AddressLabel, PartyKind } from '@servix/server/modules/parties/parties.schema';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  WAREHOUSE_KINDS,
} from '@servix/server/modules/stock/stock.schema';
import { PAY_TYPES } from '@servix/server/modules/technicians/technicians.schema';
import { describe, expect, it } from 'vitest';
import { bg, en, FEATURE_MESSAGES } from './resources';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function valueAt(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);
}

const FEATURES = Object.entries(FEATURE_MESSAGES);

describe('translations', () => {
  it.each(FEATURES)('%s: Bulgarian and English have the same keys', (_, messages) => {
    expect(keysOf(messages.en).sort()).toEqual(keysOf(messages.bg).sort());
  });

  it.each(FEATURES)(
    '%s: every text is non-empty and uses the same {{placeholders}} in both languages',
    (_, messages) => {
      for (const key of keysOf(messages.bg)) {
        const b = valueAt(messages.bg, key);
        const e = valueAt(messages.en, key);
        expect(typeof b, key).toBe('string');
        expect(typeof e, key).toBe('string');
        expect((b as string).trim(), key).not.toBe('');
        expect((e as string).trim(), key).not.toBe('');
        expect(placeholdersOf(e as string), key).toEqual(placeholdersOf(b as string));
      }
    },
  );

  it('no key is defined by two features with different texts, and the merged languages keep every key', () => {
    const seen = new Map<string, { feature: string; bg: unknown; en: unknown }>();
    const clashes: string[] = [];
    for (const [feature, messages] of FEATURES)
      for (const key of keysOf(messages.bg)) {
        const texts = { feature, bg: valueAt(messages.bg, key), en: valueAt(messages.en, key) };
        const before = seen.get(key);
        if (before && (before.bg !== texts.bg || before.en !== texts.en))
          clashes.push(`${key}: ${before.feature} and ${feature}`);
        seen.set(key, texts);
        expect(valueAt(bg, key), key).toBe(texts.bg);
        expect(valueAt(en, key), key).toBe(texts.en);
      }
    expect(clashes).toEqual([]);
    expect(keysOf(bg).sort()).toEqual([...seen.keys()].sort());
    expect(keysOf(en).sort()).toEqual(keysOf(bg).sort());
  });
});

/**
 * Codes the server sends that a screen shows by name, each with the key its text lives under. The lists come from
 * the server (audit.actions.ts, the schemas' enums), so a code added there without a text fails here.
 */
const SERVER_CODES: [key: string, codes: readonly string[]][] = [
  ['audit.actions', AUDIT_ACTIONS],
  ['audit.entities', AUDIT_ENTITIES],
  ['imports.entities', IMPORT_ENTITIES],
  ['imports.status', ImportJobStatus.options],
  ['jobs.statuses', JobStatus.options],
  ['jobs.kinds', JOB_KINDS],
  ['roles', ROLES],
  ['numbering.docTypes', DOC_TYPES],
  ['customers.kinds', PartyKind.options],
  ['customers.addressLabels', AddressLabel.options],
  ['catalog.quote.source', PriceSource.options],
  ['stock.docs.type', DOCUMENT_TYPES],
  ['stock.docs.newType', DOCUMENT_TYPES],
  ['stock.docs.newTitle', DOCUMENT_TYPES],
  ['stock.docs.status', DOCUMENT_STATUSES],
  ['stock.reports.warehouses.kinds', WAREHOUSE_KINDS],
  ['stock.reports.warehouses.kindShort', WAREHOUSE_KINDS],
  ['technicians.pay.type', PAY_TYPES],
  ['orderCodes.status', ORDER_STATUSES],
  ['orderCodes.payer', LINE_PAYERS],
  ['orderCodes.event', EVENT_KINDS],
  ['orderCodes.location', ['shop', 'on_site']],
  ['orderCodes.lineKind', ['part', 'labour', 'charge']],
  ['orderCodes.reservation', ['reserved', 'partly', 'waiting', 'none']],
  ['orderCodes.disposition', ['returned', 'scrapped', 'to_warehouse']],
];

describe('codes from the server', () => {
  it.each(SERVER_CODES)('every code under %s has a Bulgarian and an English text', (key, codes) => {
    const missing = codes.flatMap((code) =>
      [
        ['bg', bg],
        ['en', en],
      ].flatMap(([language, tree]) =>
        typeof valueAt(tree, `${key}.${code}`) === 'string' ? [] : [`${language}: ${key}.${code}`],
      ),
    );
    expect(missing).toEqual([]);
  });

  it('the audit log names every action and record in words', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(80);
    expect(valueAt(bg, 'audit.actions.stock_document.post')).toBe('Осчетоводен складов документ');
    expect(valueAt(en, 'audit.actions.stock_document.post')).toBe('Stock document posted');
  });
});
