import type { ImportField, ImportJob, ImportPreview } from '@servix/server/modules/imports/imports.schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { API_BASE, api } from './client';

/** No charset: the file goes as saved (UTF-8 or Windows-1251) and the server finds out which. */
const CSV = 'text/csv';
/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 300;

export interface ImportEntity {
  entity: string;
  columns: string[];
  requiredColumns: string[];
  fields: ImportField[];
}

/** What can be imported: customers, parts, service-types… (the server's names), each with its file's columns. */
export function useImportEntities() {
  return useQuery({
    queryKey: ['imports', 'entities'],
    queryFn: async () => (await api.get<{ entities: ImportEntity[] }>('/imports')).entities,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Checks a CSV file without writing anything: the columns, the first rows and every error. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ entity, bytes }: { entity: string; bytes: ArrayBuffer }) =>
      api.postText<ImportPreview>(`/imports/${encodeURIComponent(entity)}/preview`, {
        body: bytes,
        contentType: CSV,
      }),
  });
}

/** Starts the import in the background; the job is then polled for progress. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({
      entity,
      bytes,
      onlyValid,
      fileName,
    }: {
      entity: string;
      bytes: ArrayBuffer;
      onlyValid: boolean;
      fileName: string;
    }) =>
      api.postText<ImportJob>(
        `/imports/${encodeURIComponent(entity)}/jobs`,
        { body: bytes, contentType: CSV },
        { onlyValid: String(onlyValid), fileName },
      ),
  });
}

const finished = (job: ImportJob | undefined) => job?.status === 'done' || job?.status === 'failed';

/** An import job, asked again every 300 ms until it is done or failed. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    enabled: id !== null,
    queryFn: () => api.get<ImportJob>(`/imports/jobs/${encodeURIComponent(id ?? '')}`),
    refetchInterval: (query) => (finished(query.state.data) ? false : IMPORT_POLL_MS),
  });
}

/** The rejected rows and why, as CSV (a plain link: the session cookie authorises the GET). */
export function importReportUrl(jobId: string): string {
  return `${API_BASE}/imports/jobs/${encodeURIComponent(jobId)}/report.csv`;
}
