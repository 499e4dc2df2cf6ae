import type { Technician } from '@servix/server/modules/technicians/technicians.schema';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { techniciansKey } from '../../api/technicians';
import type { PageOf } from '../../ui/list';

/** The active technicians as select options (a shop has a handful to a few dozen). */
export function useTechnicianOptions(): { value: string; label: string }[] {
  const found = useQuery({
    queryKey: [...techniciansKey, 'options'],
    queryFn: () =>
      api.get<PageOf<Technician>>('/technicians', { active: 'true', pageSize: 200, sort: 'name' }),
    staleTime: 60_000,
  });
  return (found.data?.items ?? []).map((tech) => ({ value: tech.id, label: tech.name }));
}
