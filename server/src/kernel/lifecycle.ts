/**
 * A record's lifecycle as data: its statuses, the moves allowed between them, the statuses in which its content may
 * still change, and the code a refused move answers with. Numbered documents (stock, quotes, invoices, payments)
 * share DOCUMENT_LIFECYCLE; a service order defines its own machine with the same two functions.
 */
import { DomainError, type DomainErrorOptions } from './errors';

export interface LifecycleSpec<S extends string> {
  /** The status a new record starts in. */
  initial: S;
  /** From each status, the statuses it may move to (none for a final status). */
  transitions: { readonly [K in S]: readonly S[] };
  /** Statuses in which the record's content may still be edited or the record deleted; none when omitted. */
  editable?: readonly S[];
  /**
   * The code of a refused move, by the status asked for and, when the reason differs, by the status it is in
   * (`{ reversed: { draft: 'document_not_posted', '*': 'already_reversed' } }`); 'invalid_transition' otherwise.
   */
  refusals?: { readonly [K in S]?: string | { readonly [F in S | '*']?: string } };
  /** The code of an edit refused because of the status; 'not_editable' when omitted. */
  notEditable?: string;
}

export interface Lifecycle<S extends string> {
  readonly statuses: readonly S[];
  readonly initial: S;
  readonly transitions: { readonly [K in S]: readonly S[] };
  readonly editable: readonly S[];
  readonly refusals: NonNullable<LifecycleSpec<S>['refusals']>;
  readonly notEditable: string;
}

/** Checks a lifecycle once, when it is defined: every status named in a move is one of its statuses. */
export function defineLifecycle<const S extends string>(spec: LifecycleSpec<S>): Lifecycle<S> {
  const statuses = Object.keys(spec.transitions) as S[];
  const known = new Set<string>(statuses);
  const unknown = [
    spec.initial,
    ...statuses.flatMap((s) => spec.transitions[s]),
    ...(spec.editable ?? []),
    ...Object.keys(spec.refusals ?? {}),
  ].filter((s) => !known.has(s));
  if (unknown.length)
    throw new Error(`Lifecycle names unknown statuses: ${[...new Set(unknown)].join(', ')}`);
  return Object.freeze({
    statuses: Object.freeze(statuses),
    initial: spec.initial,
    transitions: spec.transitions,
    editable: Object.freeze([...(spec.editable ?? [])]),
    refusals: spec.refusals ?? {},
    notEditable: spec.notEditable ?? 'not_editable',
  });
}

export function isStatusOf<S extends string>(lifecycle: Lifecycle<S>, status: string): status is S {
  return (lifecycle.statuses as readonly string[]).includes(status);
}

export function canTransition<S extends string>(lifecycle: Lifecycle<S>, from: string, to: S): boolean {
  return isStatusOf(lifecycle, from) && lifecycle.transitions[from].includes(to);
}

/** The statuses a record in `from` may move to. */
export function nextStatuses<S extends string>(lifecycle: Lifecycle<S>, from: S): readonly S[] {
  return lifecycle.transitions[from];
}

export function isFinal<S extends string>(lifecycle: Lifecycle<S>, status: S): boolean {
  return lifecycle.transitions[status].length === 0;
}

/** The code a refused move from → to answers with. */
export function refusalCode<S extends string>(lifecycle: Lifecycle<S>, from: string, to: S): string {
  const byTarget = lifecycle.refusals[to];
  if (typeof byTarget === 'string') return byTarget;
  return byTarget?.[from as S] ?? byTarget?.['*'] ?? 'invalid_transition';
}

/** Facts the refusal carries (the record's number, its id…), by the code it answers with. */
export type RefusalDetails = DomainErrorOptions | ((code: string) => DomainErrorOptions);

function detailsOf(details: RefusalDetails | undefined, code: string, from: string, to: string) {
  if (typeof details === 'function') return details(code);
  return details ?? { params: { from, to } };
}

/** Refuses (409 conflict with the lifecycle's code) a move the lifecycle does not allow. */
export function assertTransition<S extends string>(
  lifecycle: Lifecycle<S>,
  from: string,
  to: S,
  details?: RefusalDetails,
): asserts from is S {
  if (canTransition(lifecycle, from, to)) return;
  const code = refusalCode(lifecycle, from, to);
  throw new DomainError('conflict', code, detailsOf(details, code, from, to));
}

/** Refuses (409 conflict) an edit of a record whose status no longer allows it (a posted document). */
export function assertEditable<S extends string>(
  lifecycle: Lifecycle<S>,
  status: string,
  details?: RefusalDetails,
): asserts status is S {
  if ((lifecycle.editable as readonly string[]).includes(status)) return;
  const code = lifecycle.notEditable;
  throw new DomainError(
    'conflict',
    code,
    typeof details === 'function' ? details(code) : (details ?? { params: { status } }),
  );
}

export type DocumentStatus = 'draft' | 'posted' | 'reversed';

/** The codes a kind of document answers a refused move with, where its own words differ from the shared ones. */
export interface DocumentRefusals {
  /** Posting, editing or deleting past the draft; document_not_draft. */
  notDraft?: string;
  /** Reversing a draft; document_not_posted. */
  notPosted?: string;
  /** Reversing a reversed document; already_reversed. */
  alreadyReversed?: string;
}

/**
 * A numbered document's lifecycle (ADR 0008): written as a draft, posted once (taking its number), never edited
 * after, and corrected only by reversing it. A kind may name its refusals in its own words (an invoice's
 * invoice_not_draft, a receipt's receipt_not_issued); the statuses and moves are the same for all.
 */
export function documentLifecycle(codes: DocumentRefusals = {}): Lifecycle<DocumentStatus> {
  const notDraft = codes.notDraft ?? 'document_not_draft';
  return defineLifecycle<DocumentStatus>({
    initial: 'draft',
    transitions: { draft: ['posted'], posted: ['reversed'], reversed: [] },
    editable: ['draft'],
    refusals: {
      posted: notDraft,
      reversed: {
        draft: codes.notPosted ?? 'document_not_posted',
        '*': codes.alreadyReversed ?? 'already_reversed',
      },
    },
    notEditable: notDraft,
  });
}

/** The shared lifecycle in its own words; a reversal is itself posted and cannot be reversed. */
export const DOCUMENT_LIFECYCLE = documentLifecycle();
