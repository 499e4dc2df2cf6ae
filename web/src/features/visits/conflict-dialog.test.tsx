import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aMe, renderScreen } from '../../test-utils';
import { ConflictDialog } from './conflict-dialog';
import type { Refusal } from './schedule-model';

const REFUSAL: Refusal = {
  code: 'booking_overlap',
  message: 'Асен има друго посещение на 08.12.2026 09:00–10:30.',
  conflicts: [
    { code: 'booking_overlap', technicianId: 't-1', bookingId: 'b-9' },
    { code: 'outside_working_hours', technicianId: 't-1' },
  ],
};

describe('the conflict dialog', () => {
  it('names the conflict and lets a manager book anyway with a reason', async () => {
    const onOverride = vi.fn(async () => {});
    renderScreen(<ConflictDialog refusal={REFUSAL} onClose={() => {}} onOverride={onOverride} />, {
      me: aMe('manager'),
    });
    expect(await screen.findByText('Застъпване с друго посещение')).toBeTruthy();
    expect(screen.getByTestId('conflict-message').textContent).toBe(REFUSAL.message);
    expect(screen.getByText('и още 1 конфликт')).toBeTruthy();
    const anyway = screen.getByRole('button', { name: 'Запиши въпреки това' });
    expect((anyway as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /Причина/ }), {
      target: { value: '  Клиентът чака  ' },
    });
    fireEvent.click(anyway);
    await waitFor(() => expect(onOverride).toHaveBeenCalledWith('Клиентът чака'));
  });

  it('only tells the desk why, with no way around it', async () => {
    const onClose = vi.fn();
    renderScreen(<ConflictDialog refusal={REFUSAL} onClose={onClose} onOverride={async () => {}} />, {
      me: aMe('reception'),
    });
    expect(await screen.findByTestId('conflict-message')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Запиши въпреки това' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Остави както беше' }));
    expect(onClose).toHaveBeenCalled();
  });
});
