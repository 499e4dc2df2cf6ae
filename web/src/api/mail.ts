import type {
  EinvoiceConsent,
  EinvoiceConsentInput,
  MailDocumentType,
  MailDraft,
  OutboxEntry,
  SendDocumentInput,
  SmtpSettings,
  SmtpSettingsInput,
  TestMailResult,
} from '@servix/server/modules/mail/mail.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from './client';

/** How often a message still queued is asked about again. */
export const OUTBOX_POLL_MS = 1500;

const smtpKey = ['mail', 'smtp'] as const;
export const outboxKey = ['mail', 'outbox'] as const;
const consentKey = (partyId: string) => ['mail', 'consent', partyId] as const;

/** The document a message carries, and the language of its PDF. */
export interface MailedDocument {
  type: MailDocumentType;
  id: string;
}

/** The send action's path beside the document's PDF. */
export function mailPath(doc: MailedDocument): string {
  if (doc.type === 'invoice') return `/invoices/${doc.id}/email`;
  if (doc.type === 'proforma') return `/proformas/${doc.id}/email`;
  return `/service-orders/${doc.id}/work-report/email`;
}

export function useSmtpSettings() {
  return useQuery({ queryKey: smtpKey, queryFn: () => api.get<SmtpSettings>('/company/smtp') });
}

export function useSaveSmtpSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SmtpSettingsInput>) => api.put<SmtpSettings>('/company/smtp', body),
    onSuccess: (s) => queryClient.setQueryData(smtpKey, s),
  });
}

export function useTestSmtp() {
  return useMutation({
    mutationFn: (to: string) => api.post<TestMailResult>('/company/smtp/test', { to }),
  });
}

/** What the dialog is prefilled with, in the chosen language. */
export function useMailDraft(doc: MailedDocument, language: string, enabled = true) {
  return useQuery({
    queryKey: ['mail', 'draft', doc.type, doc.id, language],
    queryFn: () => request<MailDraft>('GET', mailPath(doc), { query: { language } }),
    enabled,
  });
}

export function useSendDocument(doc: MailedDocument) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ language, body }: { language: string; body: z.input<typeof SendDocumentInput> }) =>
      request<OutboxEntry>('POST', mailPath(doc), { body, query: { language } }),
    onSuccess: (entry) => {
      queryClient.setQueryData([...outboxKey, entry.id], entry);
      void queryClient.invalidateQueries({ queryKey: ['mail', 'draft'] });
      if (entry.partyId) void queryClient.invalidateQueries({ queryKey: consentKey(entry.partyId) });
    },
  });
}

/** One message, asked again while it is queued (the dialog shows it go). */
export function useOutboxEntry(id: string | null) {
  return useQuery({
    queryKey: [...outboxKey, id],
    queryFn: () => api.get<OutboxEntry>(`/mail/outbox/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'queued' ? OUTBOX_POLL_MS : false),
  });
}

export function useRetryOutbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OutboxEntry>(`/mail/outbox/${id}/retry`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });
}

export function useEinvoiceConsent(partyId: string) {
  return useQuery({
    queryKey: consentKey(partyId),
    queryFn: () => api.get<EinvoiceConsent>(`/parties/${partyId}/einvoice-consent`),
  });
}

export function useRecordConsent(partyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof EinvoiceConsentInput>) =>
      api.put<EinvoiceConsent>(`/parties/${partyId}/einvoice-consent`, body),
    onSuccess: (c) => queryClient.setQueryData(consentKey(partyId), c),
  });
}

export function useWithdrawConsent(partyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<EinvoiceConsent>(`/parties/${partyId}/einvoice-consent`),
    onSuccess: (c) => queryClient.setQueryData(consentKey(partyId), c),
  });
}
