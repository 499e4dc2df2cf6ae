import type {
  CreatePartyBody,
  CreateSiteBody,
  Party,
  PartyListItem,
  PrivacyExport,
  Site,
  UpdatePartyBody,
  UpdateSiteBody,
} from '@servix/server/modules/parties/parties.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageOf } from '../ui/list/use-paged-list';
import { api } from './client';
import { itemsKey } from './items';

/** Every cached customer list, record and lookup; invalidated after any write to a party. */
export const partiesKey = ['parties'] as const;
/** Every cached site list and record. */
export const sitesKey = ['sites'] as const;

const partyPath = (id: string) => `/parties/${encodeURIComponent(id)}`;
const sitePath = (id: string) => `/sites/${encodeURIComponent(id)}`;

export function useParty(id: string | undefined) {
  return useQuery({
    queryKey: [...partiesKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Party>(partyPath(id ?? '')),
  });
}

/** Customers whose name, ЕИК, phone or e-mail match: for pickers (the first 20, live ones only). */
export function usePartyOptions(q: string, role: 'customer' | 'supplier' | undefined = 'customer') {
  return useQuery({
    queryKey: [...partiesKey, 'options', role, q],
    queryFn: () => api.get<PageOf<PartyListItem>>('/parties', { q: q || undefined, role, pageSize: 20 }),
    staleTime: 30_000,
  });
}

function useAfterPartyWrite() {
  const queryClient = useQueryClient();
  return async (party?: Party) => {
    if (party) queryClient.setQueryData([...partiesKey, 'one', party.id], party);
    await queryClient.invalidateQueries({ queryKey: partiesKey });
  };
}

export function useCreateParty() {
  const after = useAfterPartyWrite();
  return useMutation({
    mutationFn: (body: CreatePartyBody) => api.post<Party>('/parties', body),
    onSuccess: after,
  });
}

export function useUpdateParty() {
  const after = useAfterPartyWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdatePartyBody }) =>
      api.patch<Party>(partyPath(id), patch),
    onSuccess: async (party) => {
      await after(party);
      // Items and sites show the owner's name.
      await queryClient.invalidateQueries({ queryKey: itemsKey });
      await queryClient.invalidateQueries({ queryKey: sitesKey });
    },
  });
}

/** archive, unarchive or anonymise: a POST that answers with the changed party. */
export function usePartyAction() {
  const after = useAfterPartyWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'archive' | 'unarchive' | 'anonymise' }) =>
      api.post<Party>(`${partyPath(id)}/${action}`, action === 'anonymise' ? { confirm: true } : {}),
    onSuccess: async (party) => {
      await after(party);
      await queryClient.invalidateQueries({ queryKey: sitesKey });
      await queryClient.invalidateQueries({ queryKey: itemsKey });
    },
  });
}

export function useDeleteParty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(partyPath(id)),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: [...partiesKey, 'one', id] });
      return queryClient.invalidateQueries({ queryKey: partiesKey });
    },
  });
}

/** Everything held about a party (GDPR), saved by the browser as a JSON file. */
export function usePrivacyExport() {
  return useMutation({
    mutationFn: async (party: Pick<Party, 'id' | 'name'>) => {
      const data = await api.get<PrivacyExport>(`${partyPath(party.id)}/privacy-export`);
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `party-${party.id}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      return data;
    },
  });
}

// ------------------------------------------------------------------ sites

/** All the live sites of a customer, for pickers (a customer rarely has more than a few). */
export function useCustomerSiteOptions(partyId: string | null | undefined) {
  return useQuery({
    queryKey: [...sitesKey, 'options', partyId],
    enabled: !!partyId,
    queryFn: () =>
      api.get<PageOf<Site>>(`/customers/${encodeURIComponent(partyId ?? '')}/sites`, { pageSize: 200 }),
  });
}

function useAfterSiteWrite() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: sitesKey });
    // The customer's site count.
    await queryClient.invalidateQueries({ queryKey: partiesKey });
  };
}

export function useCreateSite() {
  const after = useAfterSiteWrite();
  return useMutation({
    mutationFn: (body: CreateSiteBody) => api.post<Site>('/sites', body),
    onSuccess: after,
  });
}

export function useUpdateSite() {
  const after = useAfterSiteWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateSiteBody }) =>
      api.patch<Site>(sitePath(id), patch),
    onSuccess: async () => {
      await after();
      await queryClient.invalidateQueries({ queryKey: itemsKey });
    },
  });
}

export function useSiteAction() {
  const after = useAfterSiteWrite();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'archive' | 'unarchive' }) =>
      api.post<Site>(`${sitePath(id)}/${action}`),
    onSuccess: after,
  });
}

export function useDeleteSite() {
  const after = useAfterSiteWrite();
  return useMutation({ mutationFn: (id: string) => api.delete(sitePath(id)), onSuccess: after });
}
