import type {
  Brand,
  BrandInput,
  BrandPatch,
  Category,
  CategoryInput,
  CategoryPatch,
  Model,
  ModelInput,
  ModelPatch,
  NormOverride,
  NormOverrideInput,
  NormOverridePatch,
  Part,
  PartInput,
  PartPatch,
  ServiceQuote,
  ServiceType,
  ServiceTypeInput,
  ServiceTypePatch,
} from '@servix/server/modules/catalog/catalog.schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageOf } from '../ui/list/use-paged-list';
import { api } from './client';

/** One catalogue of the server: its path under /api/v1 and its cache key; the types tie its item and bodies. */
export interface CatalogResource<Item, Input, Patch> {
  key: readonly string[];
  path: string;
  /** Never set: carries the item, create and change types. */
  readonly types?: { item: Item; input: Input; patch: Patch };
}

function resource<Item, Input, Patch>(name: string): CatalogResource<Item, Input, Patch> {
  return { key: ['catalog', name], path: `/${name}` };
}

export const CATEGORIES = resource<Category, CategoryInput, CategoryPatch>('categories');
export const BRANDS = resource<Brand, BrandInput, BrandPatch>('brands');
export const MODELS = resource<Model, ModelInput, ModelPatch>('models');
export const SERVICE_TYPES = resource<ServiceType, ServiceTypeInput, ServiceTypePatch>('service-types');
export const PARTS = resource<Part, PartInput, PartPatch>('parts');

const byId = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;

export function useCatalogRecord<Item, Input, Patch>(
  res: CatalogResource<Item, Input, Patch>,
  id: string | undefined,
) {
  return useQuery({
    queryKey: [...res.key, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Item>(byId(res.path, id ?? '')),
  });
}

function useInvalidate(key: readonly string[]) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreateRecord<Item, Input, Patch>(res: CatalogResource<Item, Input, Patch>) {
  const invalidate = useInvalidate(res.key);
  return useMutation({
    mutationFn: (body: Input) => api.post<Item>(res.path, body),
    onSuccess: invalidate,
  });
}

export function useUpdateRecord<Item, Input, Patch>(res: CatalogResource<Item, Input, Patch>) {
  const invalidate = useInvalidate(res.key);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Patch }) => api.patch<Item>(byId(res.path, id), patch),
    onSuccess: invalidate,
  });
}

/** Archives (hides from pickers and default lists) or restores a record. */
export function useSetArchived<Item, Input, Patch>(res: CatalogResource<Item, Input, Patch>) {
  const invalidate = useInvalidate(res.key);
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      api.post<Item>(`${byId(res.path, id)}/${archived ? 'archive' : 'unarchive'}`),
    onSuccess: invalidate,
  });
}

/** Deletes a record nothing uses; the server answers 409 in_use with its reasons otherwise. */
export function useDeleteRecord<Item, Input, Patch>(res: CatalogResource<Item, Input, Patch>) {
  const invalidate = useInvalidate(res.key);
  return useMutation({
    mutationFn: (id: string) => api.delete(byId(res.path, id)),
    onSuccess: invalidate,
  });
}

const PICKER_SIZE = 200;

/** Every active category, for pickers and filters (a shop has a few dozen). */
export function useCategoryOptions() {
  return useQuery({
    queryKey: [...CATEGORIES.key, 'picker'],
    queryFn: async () =>
      (await api.get<PageOf<Category>>(CATEGORIES.path, { pageSize: PICKER_SIZE, sort: 'nameBg' })).items,
    staleTime: 60_000,
  });
}

/** Every active brand, for pickers and filters. */
export function useBrandOptions() {
  return useQuery({
    queryKey: [...BRANDS.key, 'picker'],
    queryFn: async () =>
      (await api.get<PageOf<Brand>>(BRANDS.path, { pageSize: PICKER_SIZE, sort: 'name' })).items,
    staleTime: 60_000,
  });
}

/** Models matching a search (and a brand), for pickers: there may be thousands, so the server searches. */
export function useModelSearch(params: { q: string; brandId?: string | null }, enabled = true) {
  return useQuery({
    queryKey: [...MODELS.key, 'picker', params],
    enabled,
    queryFn: async () =>
      (
        await api.get<PageOf<Model>>(MODELS.path, {
          q: params.q || undefined,
          brandId: params.brandId ?? undefined,
          pageSize: 30,
          sort: 'name',
        })
      ).items,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

// Norm-time overrides and the price of a service on a model -----------------------------------------------------

const overridesKey = (serviceTypeId: string) => [...SERVICE_TYPES.key, 'overrides', serviceTypeId];

export function useOverrides(serviceTypeId: string) {
  return useQuery({
    queryKey: overridesKey(serviceTypeId),
    queryFn: async () =>
      (await api.get<{ items: NormOverride[] }>(`${byId(SERVICE_TYPES.path, serviceTypeId)}/overrides`))
        .items,
  });
}

/** After an override changes, the service's count and every quote change too. */
function useInvalidateService() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SERVICE_TYPES.key });
}

export function useCreateOverride(serviceTypeId: string) {
  const invalidate = useInvalidateService();
  return useMutation({
    mutationFn: (body: NormOverrideInput) =>
      api.post<NormOverride>(`${byId(SERVICE_TYPES.path, serviceTypeId)}/overrides`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateOverride(serviceTypeId: string) {
  const invalidate = useInvalidateService();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: NormOverridePatch }) =>
      api.patch<NormOverride>(
        `${byId(SERVICE_TYPES.path, serviceTypeId)}/overrides/${encodeURIComponent(id)}`,
        patch,
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteOverride(serviceTypeId: string) {
  const invalidate = useInvalidateService();
  return useMutation({
    mutationFn: (id: string) =>
      api.delete(`${byId(SERVICE_TYPES.path, serviceTypeId)}/overrides/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

/** Norm minutes and price of the service on a model, and where they came from (model, brand or the default). */
export function useServiceQuote(serviceTypeId: string, modelId: string | null) {
  return useQuery({
    queryKey: [...SERVICE_TYPES.key, 'quote', serviceTypeId, modelId],
    enabled: modelId !== null,
    queryFn: () =>
      api.get<ServiceQuote>(`${byId(SERVICE_TYPES.path, serviceTypeId)}/quote`, {
        modelId: modelId ?? undefined,
      }),
  });
}
