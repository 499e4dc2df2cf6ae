import { useMediaQuery } from '@mantine/hooks';

/** Screens narrower than 600 px: lists and line editors show cards instead of tables. */
export const PHONE_QUERY = '(max-width: 599.98px)';

/** Whether the screen is a phone's, known at the first render (a phone never draws the table first). */
export function useIsPhone(): boolean {
  return useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
}
