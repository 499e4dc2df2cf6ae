import { ActionIcon, Badge, createTheme, Input, Table } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily:
    'Inter, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  components: {
    // Hints under the input keep inputs of a row aligned whether or not they have a hint.
    InputWrapper: Input.Wrapper.extend({
      defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] },
    }),
    Table: Table.extend({
      defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm', highlightOnHover: true },
    }),
    Badge: Badge.extend({ defaultProps: { tt: 'none', fw: 500 } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { variant: 'subtle' } }),
  },
});
