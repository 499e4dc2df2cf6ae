import { ACCESS } from '../../access-table';
import type { Executor } from '../../db/database';
import { allows, type Role } from '../../kernel/access';
import { findAuditEntries } from '../audit';
import { listAllUsers } from '../auth';
import { countCatalogue } from '../catalog';
import { getCompanySettings } from '../company';
import { countFinishedImports } from '../imports';
import { listNumberingSeries } from '../numbering';
import { countPostedReceipts, countWarehousesInUse } from '../stock';
import { countActiveTechnicians } from '../technicians';
import { FIRST_STEP_KEYS, type FirstStep, type FirstStepKey, type FirstSteps } from './onboarding.schema';

/** The route each step's screen writes with: the user may act on the step when the access table lets them call it. */
const ACTION_ROUTES: Record<FirstStepKey, readonly string[]> = {
  company: ['PUT /api/v1/company'],
  warehouse: ['POST /api/v1/warehouses'],
  catalog: ['POST /api/v1/models', 'POST /api/v1/parts'],
  technicians: ['POST /api/v1/technicians'],
  users: ['POST /api/v1/users'],
  numbering: ['PATCH /api/v1/numbering-series/:id'],
  stockReceipt: ['POST /api/v1/stock/documents'],
};

function mayAct(key: FirstStepKey, role: Role): boolean {
  return ACTION_ROUTES[key].some((route) => {
    const access = ACCESS[route];
    return access !== undefined && allows(access, role);
  });
}

const filled = (s: string | null | undefined) => (s ?? '').trim().length > 0;

/**
 * The numbering series count as reviewed once someone has saved one (edited a series or added their own; setup only
 * makes the default MAIN series), or once a document has taken a number, after which the start can no longer change.
 */
async function numberingReviewed(db: Executor): Promise<boolean> {
  const series = await listNumberingSeries(db);
  if (series.some((s) => s.used || s.code !== 'MAIN')) return true;
  const audit = await findAuditEntries(db, { entity: 'numbering_series', page: 1, pageSize: 200 });
  return audit.items.some((e) => e.action === 'numbering_series.update');
}

/**
 * What a new company still has to set up before its first service order, in order, each ticked from the data
 * itself: the requisites (legal name, ЕИК, address), a warehouse, a catalogue (a model, a part or a finished
 * import), a technician, a second user, the numbering series reviewed and the first stock receipt posted.
 */
export async function getFirstSteps(db: Executor, role: Role): Promise<FirstSteps> {
  const company = await getCompanySettings(db);
  const warehouses = await countWarehousesInUse(db);
  const catalogue = await countCatalogue(db);
  const imports = await countFinishedImports(db);
  const technicians = await countActiveTechnicians(db);
  const users = (await listAllUsers(db)).filter((u) => u.active).length;
  const receipts = await countPostedReceipts(db);

  const state: Record<FirstStepKey, { done: boolean; count: number | null }> = {
    company: {
      done: filled(company.legalName) && filled(company.uic) && filled(company.address),
      count: null,
    },
    warehouse: { done: warehouses > 0, count: warehouses },
    catalog: {
      done: catalogue.models > 0 || catalogue.parts > 0 || imports > 0,
      count: catalogue.models + catalogue.parts,
    },
    technicians: { done: technicians > 0, count: technicians },
    users: { done: users > 1, count: users },
    numbering: { done: await numberingReviewed(db), count: null },
    stockReceipt: { done: receipts > 0, count: receipts },
  };
  const steps: FirstStep[] = FIRST_STEP_KEYS.map((key) => ({
    key,
    ...state[key],
    mayAct: mayAct(key, role),
  }));
  const doneCount = steps.filter((s) => s.done).length;
  return { steps, doneCount, total: steps.length, allDone: doneCount === steps.length };
}
