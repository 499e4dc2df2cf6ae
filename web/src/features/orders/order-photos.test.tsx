import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { mapUrl, OrderPhotosCard } from './order-photos';

const PHOTO = {
  id: 'p-1',
  kind: 'photo',
  fileName: 'IMG_1.jpg',
  contentType: 'image/jpeg',
  sizeBytes: 200_000,
  sha256: 'abc',
  width: 2000,
  height: 1500,
  latitude: 42.691667,
  longitude: 23.32,
  createdAt: '2026-12-07T09:25:00.000Z',
  createdByName: 'Георги Техников',
};

afterEach(() => vi.unstubAllGlobals());

describe('the order’s photos', () => {
  it('shows where a photo was taken as a map link when its position was kept, and none when it was not', async () => {
    fakeServer(() => jsonResponse(200, [PHOTO]));
    const { unmount } = renderScreen(<OrderPhotosCard orderId="o-1" canWrite={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Отвори снимка IMG_1.jpg' }));
    const link = await screen.findByRole('link', { name: /Място на снимката \(42\.69167, 23\.32000\)/ });
    expect(link.getAttribute('href')).toBe(mapUrl(42.691667, 23.32));
    expect(link.getAttribute('href')).toContain('mlat=42.691667&mlon=23.320000');
    unmount();

    fakeServer(() => jsonResponse(200, [{ ...PHOTO, latitude: null, longitude: null }]));
    renderScreen(<OrderPhotosCard orderId="o-1" canWrite={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Отвори снимка IMG_1.jpg' }));
    expect(await screen.findByText(/2000 × 1500 px/)).toBeTruthy();
    expect(screen.queryByTestId('photo-map-link')).toBeNull();
  });
});
