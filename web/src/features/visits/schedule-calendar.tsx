/**
 * The drag-and-drop calendar of the schedule (react-big-calendar, MIT, with its drag-and-drop addon): one column
 * per technician, day or week. Loaded only with the schedule screen (its own chunk with its CSS).
 */
import type { Technician } from '@servix/server/modules/technicians/technicians.schema';
import type { VisitRequestListItem } from '@servix/server/modules/visits/visits.schema';
import dayjs from 'dayjs';
import 'dayjs/locale/bg';
import 'dayjs/locale/en-gb';
import { useMemo } from 'react';
import { Calendar, dayjsLocalizer, type EventProps, type Formats } from 'react-big-calendar';
import withDragAndDropModule from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import { useTranslation } from 'react-i18next';
import classes from './schedule.module.css';
import { eventColor, isDayOff, isWorkingAt, mondayOf, type ScheduleEvent } from './schedule-model';

// The addon is CommonJS (exports.default): the build hands over either the function or its module object.
const withDragAndDrop = ((withDragAndDropModule as unknown as { default?: typeof withDragAndDropModule })
  .default ?? withDragAndDropModule) as typeof withDragAndDropModule;
const DnDCalendar = withDragAndDrop<ScheduleEvent, Technician>(Calendar);

/** The localizer with weeks from Monday whatever the language (dayjs's English starts them on Sunday). */
function mondayLocalizer() {
  const localizer = dayjsLocalizer(dayjs);
  const startOf = localizer.startOf.bind(localizer);
  const endOf = localizer.endOf.bind(localizer);
  localizer.startOf = (date, unit) =>
    unit === 'week' ? mondayOf(new Date(date as Date)) : startOf(date, unit);
  localizer.endOf = (date, unit) => {
    if (unit !== 'week') return endOf(date, unit);
    const sunday = mondayOf(new Date(date as Date));
    sunday.setDate(sunday.getDate() + 6);
    return endOf(sunday, 'day');
  };
  localizer.startOfWeek = () => 1;
  return localizer;
}
const localizer = mondayLocalizer();

/** 24-hour times and dates the way the rest of Servix writes them. */
const FORMATS: Formats = {
  timeGutterFormat: 'HH:mm',
  eventTimeRangeFormat: ({ start, end }, culture, l) =>
    `${l?.format(start, 'HH:mm', culture)} – ${l?.format(end, 'HH:mm', culture)}`,
  selectRangeFormat: ({ start, end }, culture, l) =>
    `${l?.format(start, 'HH:mm', culture)} – ${l?.format(end, 'HH:mm', culture)}`,
  dayFormat: 'dd D.MM',
  dayHeaderFormat: 'dddd, D MMMM YYYY',
  dayRangeHeaderFormat: ({ start, end }, culture, l) =>
    `${l?.format(start, 'D MMMM', culture)} – ${l?.format(end, 'D MMMM YYYY', culture)}`,
};

export interface Drop {
  start: Date;
  end: Date;
  resourceId?: string;
}

function EventBox({ event }: EventProps<ScheduleEvent>) {
  const { t } = useTranslation();
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return (
    <div data-testid="schedule-event" data-booking={event.bookingId} className={classes.event}>
      <div className={classes.eventTime}>
        {time(event.start)}–{time(event.end)}
        {event.overridden ? ' ⚠' : ''}
      </div>
      <div className={classes.eventTitle}>{event.title}</div>
      <div className={classes.eventKind}>
        {t(`visits.schedule.kind.${event.kind}`)} · {t(`visits.schedule.bookingStatus.${event.status}`)}
      </div>
    </div>
  );
}

export function ScheduleCalendar({
  view,
  date,
  events,
  technicians,
  daysOff,
  dragged,
  onNavigate,
  onMove,
  onDropRequest,
  onOpen,
}: {
  view: 'day' | 'week';
  date: Date;
  events: ScheduleEvent[];
  technicians: Technician[];
  /** The days off, as daysOffSet makes them: greyed like the hours outside work. */
  daysOff: Set<string>;
  /** The waiting request being dragged from the side list, if any. */
  dragged: VisitRequestListItem | null;
  onNavigate: (date: Date) => void;
  onMove: (event: ScheduleEvent, drop: Drop) => void;
  onDropRequest: (request: VisitRequestListItem, drop: Drop) => void;
  onOpen: (event: ScheduleEvent) => void;
}) {
  const { i18n, t } = useTranslation();
  const culture = i18n.language === 'en' ? 'en-gb' : 'bg';
  const byId = useMemo(() => new Map(technicians.map((x) => [x.id, x])), [technicians]);
  // The hours shown: from the earliest start to the latest end of anyone's working hours (8–18 without any).
  const [minHour, maxHour] = useMemo(() => {
    const hours = technicians.flatMap((x) => x.hours);
    if (!hours.length) return [8, 18];
    return [
      Math.floor(Math.min(...hours.map((h) => h.startMinute)) / 60),
      Math.ceil(Math.max(...hours.map((h) => h.endMinute)) / 60),
    ];
  }, [technicians]);
  const min = new Date(1970, 0, 1, minHour, 0);
  const max = new Date(1970, 0, 1, Math.min(maxHour, 23), maxHour >= 24 ? 59 : 0);
  const toDrop = (start: unknown, end: unknown, resourceId: unknown): Drop => ({
    start: new Date(start as Date),
    end: new Date(end as Date),
    resourceId: resourceId === undefined || resourceId === null ? undefined : String(resourceId),
  });

  return (
    <div
      className={view === 'week' ? `${classes.calendar} ${classes.week}` : classes.calendar}
      data-testid="schedule-calendar"
    >
      <DnDCalendar
        localizer={localizer}
        culture={culture}
        formats={FORMATS}
        events={events}
        resources={technicians}
        resourceIdAccessor="id"
        resourceTitleAccessor="name"
        view={view}
        views={['day', 'week']}
        onView={() => {}}
        date={date}
        onNavigate={onNavigate}
        toolbar={false}
        step={15}
        timeslots={4}
        min={min}
        max={max}
        dayLayoutAlgorithm="no-overlap"
        messages={{
          allDay: t('visits.schedule.allDay'),
          showMore: (count) => t('visits.schedule.more', { count }),
        }}
        components={{ event: EventBox }}
        draggableAccessor={(e) => e.status === 'planned'}
        resizableAccessor={(e) => e.status === 'planned'}
        resizable
        eventPropGetter={(e) => {
          const c = eventColor(e);
          return {
            style: {
              background: c.background,
              borderLeft: `4px solid ${c.border}`,
              color: 'var(--mantine-color-dark-7)',
            },
          };
        }}
        slotPropGetter={(slot, resourceId) => {
          const tech = resourceId === undefined ? undefined : byId.get(String(resourceId));
          return tech && (!isWorkingAt(tech.hours, slot) || isDayOff(daysOff, tech.id, slot))
            ? { className: classes.offHours }
            : {};
        }}
        onEventDrop={({ event, start, end, resourceId }) => onMove(event, toDrop(start, end, resourceId))}
        onEventResize={({ event, start, end, resourceId }) => onMove(event, toDrop(start, end, resourceId))}
        onDoubleClickEvent={onOpen}
        dragFromOutsideItem={() =>
          (dragged
            ? {
                start: new Date(),
                end: new Date(Date.now() + dragged.expectedMinutes * 60_000),
              }
            : {}) as ScheduleEvent
        }
        onDragOver={(e) => e.preventDefault()}
        onDropFromOutside={({ start, resource }) => {
          if (!dragged) return;
          const s = new Date(start as Date);
          onDropRequest(dragged, {
            start: s,
            end: new Date(s.getTime() + dragged.expectedMinutes * 60_000),
            resourceId: resource === undefined ? undefined : String(resource),
          });
        }}
      />
    </div>
  );
}
