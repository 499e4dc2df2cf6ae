import type { CreateUserBody, UpdateUserBody, User } from '@servix/server/modules/auth/auth.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { meKey } from './session';

export const usersKey = ['users'] as const;

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: usersKey,
    enabled,
    queryFn: async () => (await api.get<{ items: User[] }>('/users')).items,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<User>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateUserBody }) =>
      api.patch<User>(`/users/${encodeURIComponent(id)}`, patch),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      // The signed-in user may have changed themselves (name, language).
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
