import type {
  ImportField,
  ImportJob,
  ImportPreview,
  TemplateFormat,
} from '@servix/server/modules/imports/imports.schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { API_BASE, api } from './client';

/**
 * The file goes as saved, as bytes of no declared type: the server tells XLSX from CSV by the content, and UTF-8 from
 * Windows-1251 (a browser's own type is no help: a .csv is application/vnd.ms-excel on a Windows with Excel).
 */
const FILE = 'application/octet-stream';
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

/** Checks a CSV or XLSX file without writing anything: the columns, the first rows and every error. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ entity, bytes }: { entity: string; bytes: ArrayBuffer }) =>
      api.postText<ImportPreview>(`/imports/${encodeURIComponent(entity)}/preview`, {
        body: bytes,
        contentType: FILE,
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
        { body: bytes, contentType: FILE },
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

/** An empty file to fill in for an entity: XLSX or CSV, with Bulgarian headers or English names (a plain link). */
export function importTemplateUrl(entity: string, format: TemplateFormat, language: 'bg' | 'en'): string {
  const query = new URLSearchParams({ format, language });
  return `${API_BASE}/imports/${encodeURIComponent(entity)}/template?${query}`;
}
