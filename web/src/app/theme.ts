import type { ActionIconProps, BadgeProps, InputWrapperProps, TableProps } from '@mantine/core';
import { createTheme } from '@mantine/core';

/**
 * A component's default props, checked against its props. Written with the props' types rather than
 * `Table.extend(…)`, so the theme does not bring Table, Badge and ActionIcon into the sign-in screen's download.
 */
function defaultsOf<P>(defaultProps: Partial<P>) {
  return { defaultProps };
}

export const theme = createTheme({
  primaryColor: 'blue',
  // Someone who asks their system for less motion gets no sliding or fading (and the browser tests, which ask
  // for it, do not wait for animations).
  respectReducedMotion: true,
  defaultRadius: 'sm',
  fontFamily:
    'Inter, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  components: {
    // Hints under the input keep inputs of a row aligned whether or not they have a hint.
    InputWrapper: defaultsOf<InputWrapperProps>({
      inputWrapperOrder: ['label', 'input', 'description', 'error'],
    }),
    Table: defaultsOf<TableProps>({
      verticalSpacing: 6,
      horizontalSpacing: 'sm',
      fz: 'sm',
      highlightOnHover: true,
    }),
    Badge: defaultsOf<BadgeProps>({ tt: 'none', fw: 500 }),
    ActionIcon: defaultsOf<ActionIconProps>({ variant: 'subtle' }),
  },
});
