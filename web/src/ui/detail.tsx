import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label and its value on a record's page: the label dimmed in a fixed column, long values wrap. */
export function DetailField({
  label,
  children,
  labelWidth = 170,
}: {
  label: string;
  children: ReactNode;
  labelWidth?: number;
}) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={labelWidth} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

/** A titled card of a record's page, with an optional action at the right of its title. */
export function SectionCard({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} fz="sm" fw={600} c="dimmed" tt="uppercase">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** A SectionCard of DetailFields, one under the other. */
export function InfoCard({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <SectionCard title={title} action={action}>
      <Stack gap={8}>{children}</Stack>
    </SectionCard>
  );
}
