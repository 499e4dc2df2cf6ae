import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { findUserByUsername } from './auth.repository';
import type { Role } from './auth.schema';
import { createUser } from './auth.service';

export const DEMO_USERS: { username: string; fullName: string; role: Role }[] = [
  { username: 'manager', fullName: 'Николай Димитров', role: 'manager' },
  { username: 'reception', fullName: 'Десислава Маринова', role: 'reception' },
  { username: 'technician', fullName: 'Иван Колев', role: 'technician' },
  { username: 'storekeeper', fullName: 'Петър Андонов', role: 'storekeeper' },
  { username: 'accountant', fullName: 'Силвия Тодорова', role: 'accountant' },
];

/** One demo user per role, all with the same demo password. */
export async function seedAuthDemo(db: Executor, actor: Actor, password: string): Promise<void> {
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(db, u.username)) continue;
    await createUser(db, actor, { ...u, password, locale: 'bg', email: `${u.username}@servix-demo.example` });
  }
}
