import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** "Label value" pairs that wrap on a narrow screen. */
export function Figures({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <Group gap={4} mt={4} style={{ columnGap: 'var(--mantine-spacing-md)' }}>
      {items.map(([label, value]) => (
        <Text key={label} size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          <Text span size="xs" c="dimmed">
            {label}:
          </Text>{' '}
          {value}
        </Text>
      ))}
    </Group>
  );
}
