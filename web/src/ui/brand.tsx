import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';

/** The Servix word mark. */
export function Brand({ size = 'lg' }: { size?: 'lg' | 'xl' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'xl' ? 36 : 28} radius="md" variant="filled" aria-hidden>
        <IconTool size={size === 'xl' ? 22 : 18} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} fz={size === 'xl' ? 26 : 20} lh={1} style={{ letterSpacing: '-0.02em' }}>
        Servix
      </Text>
    </Group>
  );
}
