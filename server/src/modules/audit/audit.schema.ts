import { z } from 'zod';
import { PageQuery } from '../../kernel/list-query';

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  /** The API token the change was made with, by name; null for a session or the system. */
  apiTokenName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  userId: z.string().max(64).optional(),
  ...PageQuery,
});
