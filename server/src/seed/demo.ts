import type { Executor } from '../db/database';
import { SYSTEM_ACTOR } from '../kernel/actor';
import { seedAuthDemo } from '../modules/auth';
import { seedCatalogDemo } from '../modules/catalog';
import { seedCompanyDemo } from '../modules/company';
import { seedItemsDemo } from '../modules/items';
import { seedPartiesDemo } from '../modules/parties';
import { seedStockDemo } from '../modules/stock';
import { seedTechniciansDemo } from '../modules/technicians';

/**
 * Fills the demo company with realistic Bulgarian demo data; each domain adds its own part here, in dependency order.
 * The system writes it: its audit rows name no user, so nobody's login stands for invented data.
 */
export async function seedDemo(trx: Executor, demoPassword: string): Promise<void> {
  const actor = SYSTEM_ACTOR;
  await seedCompanyDemo(trx, actor);
  await seedAuthDemo(trx, actor, demoPassword);
  await seedCatalogDemo(trx, actor);
  await seedPartiesDemo(trx, actor);
  await seedItemsDemo(trx, actor);
  await seedTechniciansDemo(trx, actor);
  await seedStockDemo(trx, actor);
}
