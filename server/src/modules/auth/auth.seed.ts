import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { findUserByUsername } from './auth.repository';
import type { Role } from './auth.schema';
import { createUser } from './auth.service';

/** The demo company's people, one per role: their names say they are demo users wherever a name is shown. */
export const DEMO_USERS: { username: string; fullName: string; role: Role }[] = [
  { username: 'manager', fullName: 'Николай Димитров (демо)', role: 'manager' },
  { username: 'reception', fullName: 'Десислава Маринова (демо)', role: 'reception' },
  { username: 'technician', fullName: 'Иван Колев (демо)', role: 'technician' },
  { username: 'storekeeper', fullName: 'Петър Андонов (демо)', role: 'storekeeper' },
  { username: 'accountant', fullName: 'Силвия Тодорова (демо)', role: 'accountant' },
];

/** One demo user per role, all with the same demo password; a username the owner already took is skipped. */
export async function seedAuthDemo(db: Executor, actor: Actor, password: string): Promise<void> {
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(db, u.username)) continue;
    await createUser(db, actor, { ...u, password, locale: 'bg', email: `${u.username}@servix-demo.example` });
  }
}
