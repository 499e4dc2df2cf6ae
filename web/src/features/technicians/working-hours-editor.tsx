import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../ui/phone';
import { type HoursRow, newKey, type TechnicianValues, WEEKDAYS } from './technician-values';

const WORKDAYS = [2, 3, 4, 5];

/**
 * Working hours by weekday: each day has any number of intervals (a lunch break makes two). The rows are kept
 * in one list, in the order the server reads them, so its errors ("hours.3.endMinute") land on the right input.
 */
export function WorkingHoursEditor({
  form,
  disabled,
  error,
}: {
  form: UseFormReturnType<TechnicianValues>;
  disabled: boolean;
  /** An error about the hours as a whole (overlapping intervals), from the server. */
  error?: string | null;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const rows = form.values.hours;
  const setRows = (next: HoursRow[]) => form.setFieldValue('hours', next);
  const path = (i: number, field: 'start' | 'end') => `hours.${i}.${field}`;

  const add = (weekday: number) => {
    const ofDay = rows.filter((r) => r.weekday === weekday);
    const last = ofDay[ofDay.length - 1];
    const row: HoursRow = last
      ? { key: newKey(), weekday, start: '', end: '' }
      : { key: newKey(), weekday, start: '09:00', end: '18:00' };
    setRows([...rows, row]);
  };
  const remove = (key: string) => setRows(rows.filter((r) => r.key !== key));
  const copyMonday = () => {
    const monday = rows.filter((r) => r.weekday === 1);
    const kept = rows.filter((r) => !WORKDAYS.includes(r.weekday));
    const copies = WORKDAYS.flatMap((weekday) => monday.map((r) => ({ ...r, key: newKey(), weekday })));
    setRows([...kept, ...copies]);
  };

  return (
    <Stack gap="xs">
      {error && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          role="alert"
          py="xs"
          data-testid="hours-error"
        >
          {error}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {WEEKDAYS.map((weekday, n) => {
          const ofDay = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.weekday === weekday);
          const dayName = (
            <Text key="day" size="sm" fw={500} w={phone ? undefined : 110} pt={6} style={{ flexShrink: 0 }}>
              {t(`technicians.weekday.${weekday}`)}
            </Text>
          );
          const intervals = (
            <Stack key="intervals" gap={6} style={{ flex: 1, minWidth: 0 }}>
              {ofDay.length === 0 && (
                <Text size="sm" c="dimmed" pt={phone ? 0 : 6}>
                  {t('technicians.dayOff')}
                </Text>
              )}
              {ofDay.map(({ r, i }) => (
                <Group key={r.key} gap={6} wrap="nowrap" align="flex-start">
                  <TextInput
                    aria-label={`${t(`technicians.weekday.${weekday}`)} ${t('technicians.from')}`}
                    disabled={disabled}
                    placeholder="09:00"
                    inputMode="numeric"
                    maxLength={5}
                    w={phone ? undefined : 120}
                    style={phone ? { flex: 1, minWidth: 0 } : undefined}
                    {...form.getInputProps(path(i, 'start'))}
                  />
                  <Text size="sm" pt={6}>
                    –
                  </Text>
                  <TextInput
                    aria-label={`${t(`technicians.weekday.${weekday}`)} ${t('technicians.to')}`}
                    disabled={disabled}
                    placeholder="18:00"
                    inputMode="numeric"
                    maxLength={5}
                    w={phone ? undefined : 120}
                    style={phone ? { flex: 1, minWidth: 0 } : undefined}
                    {...form.getInputProps(path(i, 'end'))}
                  />
                  {!disabled && (
                    <Tooltip label={t('technicians.removeInterval')}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={4}
                        aria-label={`${t('technicians.removeInterval')} ${t(`technicians.weekday.${weekday}`)}`}
                        onClick={() => remove(r.key)}
                      >
                        <IconX size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              ))}
            </Stack>
          );
          const addButton = !disabled && (
            <Button
              key="add"
              variant="subtle"
              size="xs"
              mt={2}
              leftSection={<IconPlus size={14} />}
              onClick={() => add(weekday)}
              aria-label={`${t('technicians.addInterval')} ${t(`technicians.weekday.${weekday}`)}`}
            >
              {t('technicians.addInterval')}
            </Button>
          );
          const border = n > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined;
          // A phone has no room for the day, its intervals and the button side by side: the day heads its intervals.
          return phone ? (
            <Stack key={weekday} gap={4} px="sm" py="xs" style={border} data-weekday={weekday}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                {dayName}
                {addButton}
              </Group>
              {intervals}
            </Stack>
          ) : (
            <Group
              key={weekday}
              align="flex-start"
              wrap="nowrap"
              gap="md"
              px="md"
              py="xs"
              style={border}
              data-weekday={weekday}
            >
              {dayName}
              {intervals}
              {addButton}
            </Group>
          );
        })}
      </Paper>
      {!disabled && rows.some((r) => r.weekday === 1) && (
        <Group>
          <Button variant="default" size="xs" leftSection={<IconCopy size={14} />} onClick={copyMonday}>
            {t('technicians.copyMonday')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
