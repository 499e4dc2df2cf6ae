import type { LoginBody, Me, SessionState, UpdateMeBody } from '@servix/server/modules/auth/auth.schema';
import type { SetupBody, SetupStatus } from '@servix/server/modules/setup/setup.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, setCsrfToken } from './client';

export const setupKey = ['setup'] as const;
export const meKey = ['auth', 'me'] as const;

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<z.infer<typeof SetupStatus>>('/setup'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in user, or null when nobody is signed in. Keeps the CSRF token for the writes that follow. */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: meKey,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    // /auth/session answers 200 with a null user when nobody is signed in: no failed request, no console error.
    queryFn: async (): Promise<Me | null> => {
      const session = await api.get<SessionState>('/auth/session');
      setCsrfToken(session.csrfToken);
      return session.user
        ? { user: session.user, csrfToken: session.csrfToken, technicianId: session.technicianId }
        : null;
    },
  });
}

function useSignedIn() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    queryClient.setQueryData(meKey, me);
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: z.infer<typeof LoginBody>) => api.post<Me>('/auth/login', body),
    onSuccess: signedIn,
  });
}

/**
 * First-run setup. `onDone` runs before the setup status flips (which unmounts the setup screen), so a
 * redirect passed here always happens; a callback given to mutate() would be dropped with the unmounted screen.
 */
export function useSetup(onDone?: () => void) {
  const queryClient = useQueryClient();
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: SetupBody) => api.post<Me>('/setup', body),
    onSuccess: (me) => {
      onDone?.();
      signedIn(me);
      queryClient.setQueryData<z.infer<typeof SetupStatus>>(setupKey, (s) =>
        s ? { ...s, needsSetup: false } : s,
      );
    },
  });
}

/**
 * Leaves the demo company (administrators): the server deletes all its data and every session, so nothing of it
 * stays in the cache and the installation shows its first-run setup again. `onDone` runs before the screen flips.
 */
export function useLeaveDemo(onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/setup/leave-demo'),
    onSuccess: () => {
      onDone?.();
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== setupKey[0] });
      queryClient.setQueryData(meKey, null);
      queryClient.setQueryData<z.infer<typeof SetupStatus>>(setupKey, (s) =>
        s ? { ...s, needsSetup: true } : s,
      );
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      // Nothing of the previous user stays in the cache.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== setupKey[0] });
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof UpdateMeBody>) => api.patch<Me>('/auth/me', body),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}
