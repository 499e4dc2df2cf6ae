export type { Role } from './auth.schema';
export { createUser, purgeExpiredAuthData } from './auth.service';
