import type { Attachment } from '@servix/server/modules/attachments/attachments.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api } from './client';
import { orderPath, ordersKey } from './orders';

const photosKey = (orderId: string) => [...ordersKey, 'photos', orderId] as const;

/** The address of a photo's image (the browser sends the session cookie with it): full size or its thumbnail. */
export function orderPhotoUrl(orderId: string, photoId: string, size: 'full' | 'thumbnail' = 'full'): string {
  const path = `${API_BASE}${orderPath(orderId)}/photos/${encodeURIComponent(photoId)}`;
  return size === 'thumbnail' ? `${path}?size=thumbnail` : path;
}

export function useOrderPhotos(orderId: string) {
  return useQuery({
    queryKey: photosKey(orderId),
    queryFn: () => api.get<Attachment[]>(`${orderPath(orderId)}/photos`),
  });
}

/**
 * Sends one photo as it is (the raw file, as a phone's camera gave it): the server checks it by its content and
 * keeps it re-encoded, upright and without EXIF.
 */
export async function uploadOrderPhoto(orderId: string, file: File): Promise<Attachment> {
  return api.postText<Attachment>(
    `${orderPath(orderId)}/photos`,
    { body: await file.arrayBuffer(), contentType: file.type || 'application/octet-stream' },
    { fileName: file.name || undefined },
  );
}

export function useUploadOrderPhotos(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    /** One after another: a phone on a slow line sends one full-size photo at a time. */
    mutationFn: async (files: readonly File[]) => {
      const added: Attachment[] = [];
      for (const file of files) added.push(await uploadOrderPhoto(orderId, file));
      return added;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: photosKey(orderId) }),
  });
}

export function useDeleteOrderPhoto(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) =>
      api.delete(`${orderPath(orderId)}/photos/${encodeURIComponent(photoId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: photosKey(orderId) }),
  });
}
