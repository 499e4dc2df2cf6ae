import { z } from 'zod';
import { API_TOKEN_SCOPES, ROLES } from '../../kernel/access';
import { passwordLongEnough, usernameMixesScripts } from './credentials';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const Locale = z.enum(['bg', 'en']);

/** Stored NFKC-normalised and lower-cased; letters of one script only (no "аdmin" with a Cyrillic "а"). */
export const Username = z
  .string()
  .normalize('NFKC')
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only')
  .refine((u) => !usernameMixesScripts(u), { params: { code: 'username_mixed_scripts' } });
/** At least 12 characters; the service also refuses common passwords (password-strength.ts, server only). */
export const Password = z
  .string()
  .max(200)
  .refine(passwordLongEnough, { params: { code: 'password_too_short' } });

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
});

export const User = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  role: Role,
  locale: Locale,
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

/** The technician linked to the signed-in user (their own orders, "My orders"); null for other users. */
const LinkedTechnician = z
  .string()
  .nullable()
  .describe('The technician linked to this user account, whose orders "My orders" lists; null when none');
export const Me = z.object({ user: User, csrfToken: z.string().nullable(), technicianId: LinkedTechnician });
export type Me = z.infer<typeof Me>;

/** Who this browser is signed in as, if anyone: the sign-in screen asks it without a 401 in the console. */
export const SessionState = z.object({
  user: User.nullable(),
  csrfToken: z.string().nullable(),
  technicianId: LinkedTechnician,
});
export type SessionState = z.infer<typeof SessionState>;

export const UpdateMeBody = z.strictObject({
  locale: Locale.optional(),
  fullName: z.string().trim().min(1).max(200).optional(),
  currentPassword: z.string().max(200).optional(),
  newPassword: Password.optional(),
});

export const CreateUserBody = z.strictObject({
  username: Username,
  fullName: z.string().trim().min(1).max(200),
  email: z.email().nullish(),
  role: Role,
  password: Password,
  locale: Locale.default('bg'),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.strictObject({
  fullName: z.string().trim().min(1).max(200).optional(),
  email: z.email().nullish(),
  role: Role.optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
  locale: Locale.optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  username: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  scope: z.enum(['read', 'write']),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenScope = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** The user the token acts as; defaults to the caller. */
  userId: z.string().max(64).optional(),
  /** 'read' (the default): GET and HEAD only. 'write': everything its user's role may do. */
  scope: ApiTokenScope.default('read'),
  /** When the token stops working: at most a year ahead; 90 days when not given. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;
export const CreatedApiToken = ApiToken.extend({
  token: z.string().describe('Shown once; send as Authorization: Bearer <token>'),
});
