import type { TimelineEvent } from '@servix/server/modules/orders/orders.schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadAllTexts } from '../../i18n';
import { eventText } from './order-page';

const event = (over: Partial<TimelineEvent>): TimelineEvent =>
  ({
    id: 'e-1',
    at: '2026-12-01T08:00:00.000Z',
    kind: 'status',
    fromStatus: null,
    toStatus: null,
    details: null,
    userId: null,
    userName: null,
    ...over,
  }) as TimelineEvent;

describe('timeline texts', () => {
  beforeAll(loadAllTexts);

  it.each([
    [
      'bg',
      'Оферта ОФ-0000007: изпратена на клиента',
      'Смяна на статус: Диагностика → Чака части (част чака доставка)',
    ],
    [
      'en',
      'Quote ОФ-0000007: sent to the customer',
      'Status change: Diagnosing → Awaiting parts (a part waits for delivery)',
    ],
  ])(
    '%s: a quote step and a status moved by the system read as words, never as codes',
    async (lang, quote, waiting) => {
      await i18n.changeLanguage(lang);
      const t = i18n.t.bind(i18n);
      expect(
        eventText(event({ kind: 'quote', details: { action: 'sent', quoteNumber: 'ОФ-0000007' } }), t),
      ).toBe(quote);
      expect(
        eventText(
          event({
            fromStatus: 'diagnosing',
            toStatus: 'awaiting_parts',
            details: { cause: 'parts_waiting' },
          }),
          t,
        ),
      ).toBe(waiting);
    },
  );
});
