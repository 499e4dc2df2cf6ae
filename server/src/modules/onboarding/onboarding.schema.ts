import { z } from 'zod';

/** The first steps of a new company, in the order the checklist shows them. */
export const FIRST_STEP_KEYS = [
  'company',
  'warehouse',
  'catalog',
  'technicians',
  'users',
  'numbering',
  'stockReceipt',
] as const;
export const FirstStepKey = z.enum(FIRST_STEP_KEYS);
export type FirstStepKey = z.infer<typeof FirstStepKey>;

export const FirstStep = z.object({
  key: FirstStepKey,
  done: z.boolean(),
  count: z
    .number()
    .int()
    .nullable()
    .describe('How many there are (warehouses, technicians…); null where no count fits'),
  mayAct: z.boolean().describe('The signed-in user may do this step (the screen it links to lets them)'),
});
export type FirstStep = z.infer<typeof FirstStep>;

export const FirstSteps = z.object({
  steps: z.array(FirstStep),
  doneCount: z.number().int(),
  total: z.number().int(),
  allDone: z.boolean(),
});
export type FirstSteps = z.infer<typeof FirstSteps>;
