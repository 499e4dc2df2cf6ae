import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { listAllUsers } from '../auth';
import { insertTechnicianRows, type TechnicianImportRow, techniciansImport } from './technicians.import';
import * as repo from './technicians.repository';

/** The demo technicians' pay terms apply from the first day of 2026 (the first euro year). */
export const DEMO_PAY_TERMS_FROM = '2026-01-01';

/**
 * Demo data of the technicians module: the 10 technicians of server/seed-data/technicians.csv with their skills,
 * hours and pay terms, through the import's row parser. The demo user with the technician role is linked to the
 * technician of the same name (the user's name without its "(демо)" mark). Skipped when technicians exist already; needs the catalog's categories first.
 */
export async function seedTechniciansDemo(db: Executor, actor: Actor): Promise<void> {
  if ((await repo.countAllTechnicians(db)) > 0) return;
  const text = fs.readFileSync(new URL('../../../seed-data/technicians.csv', import.meta.url), 'utf8');
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const rows: TechnicianImportRow[] = records.map((record, i) => {
    const parsed = techniciansImport.row.safeParse(record);
    if (!parsed.success) throw new Error(`technicians.csv row ${i + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
  await insertTechnicianRows(db, actor, rows, DEMO_PAY_TERMS_FROM);
  const technicianUsers = (await listAllUsers(db)).filter((u) => u.role === 'technician');
  for (const user of technicianUsers) {
    const name = user.fullName.replace(/\s*\(демо\)$/, '');
    const match = (await repo.listTechnicianNames(db)).filter((t) => t.name === name);
    if (match.length === 1 && match[0] && !(await repo.findTechnicianByUser(db, user.id)))
      await repo.updateTechnicianRow(db, match[0].id, { user_id: user.id });
  }
}
