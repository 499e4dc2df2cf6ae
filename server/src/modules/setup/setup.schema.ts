import { z } from 'zod';
import { Locale, Password, Username } from '../auth/auth.schema';

/** The demo company's legal name: fixed, and says what it is on every screen and document, in any language. */
export const DEMO_COMPANY_NAME = 'Демо Сервиз ЕООД (демо)';
/** The password of every demo user; the setup screen, `servix seed --demo` and README.md say it. */
export const DEMO_PASSWORD = 'servix-demo-2026';

export const SetupStatus = z.object({ needsSetup: z.boolean(), version: z.string() });

/**
 * The first run, one of two choices: the owner's own company (`demo` false: its name is required) or the demo company
 * (`demo` true: a fixed, clearly demo name, invented data and demo users; a company name sent along is not used).
 * Either way the person creates their own administrator account.
 */
export const SetupBody = z
  .strictObject({
    companyName: z.string().trim().min(1).max(200).optional(),
    adminUsername: Username,
    adminFullName: z.string().trim().min(1).max(200),
    adminPassword: Password,
    locale: Locale.default('bg'),
    demo: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    if (!body.demo && body.companyName === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['companyName'],
        params: { code: 'required' },
        message: 'required',
      });
  });
export type SetupBody = z.infer<typeof SetupBody>;
