import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import * as repo from './company.repository';

/**
 * The demo company's requisites: an invented Sofia service company (valid check digits, fictitious numbers, example
 * addresses, a bank account named as a sample); only a company made as the demo gets them.
 */
export async function seedCompanyDemo(db: Executor, actor: Actor): Promise<void> {
  const row = await repo.findCompany(db);
  if (!row?.is_demo) return;
  await repo.updateCompanyRow(db, row.id, {
    uic: '206417593',
    vat_number: 'BG206417593',
    vat_registered: true,
    vat_registered_from: '2019-03-01',
    city: 'София',
    address: 'бул. „Княгиня Мария Луиза“ 102, партер',
    postcode: '1202',
    mol: 'Николай Димитров (демо)',
    phone: '+359 2 481 2290',
    email: 'office@servix-demo.example',
    website: 'https://servix-demo.example',
    default_vat_rate_bp: 2000,
    // Off: the demo has no fiscal device set up, and with the setting on its cash and card sales and payments would
    // be refused (409 fiscal_device_required, ADR 0037). A real shop turns it on once its device is set up.
    fiscal_device_required: false,
    updated_at: nowIso(),
  });
  await repo.replaceBankAccounts(db, row.id, [
    {
      id: newId(),
      company_id: row.id,
      iban: 'BG80BNBG96611020345678',
      bic: 'BNBGBGSD',
      bank_name: 'Измислена сметка (демо)',
      currency: 'EUR',
      is_default: true,
      position: 0,
    },
  ]);
  await recordAudit(db, actor, { action: 'company.seed_demo', entity: 'company', entityId: row.id });
}
