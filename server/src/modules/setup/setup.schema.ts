import { z } from 'zod';
import { Locale, Password, Username } from '../auth/auth.schema';

export const SetupStatus = z.object({ needsSetup: z.boolean(), version: z.string() });

export const SetupBody = z.strictObject({
  companyName: z.string().trim().min(1).max(200),
  adminUsername: Username,
  adminFullName: z.string().trim().min(1).max(200),
  adminPassword: Password,
  locale: Locale.default('bg'),
  demo: z.boolean().default(false),
});
export type SetupBody = z.infer<typeof SetupBody>;
