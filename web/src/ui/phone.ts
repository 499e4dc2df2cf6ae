import { useMediaQuery } from '@mantine/hooks';

/** Screens narrower than 600 px: lists and line editors show cards instead of tables. */
export const PHONE_QUERY = '(max-width: 599.98px)';

/** Whether the screen is a phone's (false until the first effect, like Mantine's useMediaQuery). */
export function useIsPhone(): boolean {
  return useMediaQuery(PHONE_QUERY) ?? false;
}
