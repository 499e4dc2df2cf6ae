import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { instantAt } from '@servix/server/kernel/calendar';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../ui/date-field';

/** A slot on the schedule as the fields give it: who, when, how long. */
export interface Slot {
  technicianId: string;
  start: Date;
  durationMinutes: number;
}

/**
 * The fields of a slot (technician, day, start "HH:MM", duration in minutes) for the schedule's move dialog and a
 * shop order's work block: the fields to show, the slot they give (null while incomplete) and the chosen day.
 */
export function useSlotFields(
  initial: { technicianId: string | null; day: string | null; start: string; durationMinutes: number },
  technicians: readonly { id: string; name: string }[],
): { fields: ReactNode; slot: Slot | null; day: string | null } {
  const { t } = useTranslation();
  const [technicianId, setTechnicianId] = useState(initial.technicianId);
  const [day, setDay] = useState(initial.day);
  const [start, setStart] = useState(initial.start);
  const [duration, setDuration] = useState<number | string>(initial.durationMinutes);
  const m = /^(\d{1,2}):(\d{2})$/.exec(start.trim());
  const slot =
    technicianId && day && m && typeof duration === 'number' && duration >= 5
      ? { technicianId, start: instantAt(day, Number(m[1]) * 60 + Number(m[2])), durationMinutes: duration }
      : null;
  const fields = (
    <>
      <Select
        label={t('visits.schedule.technician')}
        data={technicians.map((x) => ({ value: x.id, label: x.name }))}
        value={technicianId}
        onChange={setTechnicianId}
        searchable
        allowDeselect={false}
      />
      <DateField label={t('visits.schedule.date')} value={day} onChange={(v) => setDay(v)} />
      <Group grow>
        <TextInput
          label={t('visits.schedule.start')}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
        />
        <NumberInput
          label={t('visits.schedule.duration')}
          value={duration}
          onChange={setDuration}
          min={5}
          step={15}
        />
      </Group>
    </>
  );
  return { fields, slot, day };
}
