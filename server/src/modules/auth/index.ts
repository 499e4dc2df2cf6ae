export { ROLES, type Role } from './auth.schema';
export { createUser, type Principal, purgeExpiredAuthData } from './auth.service';
