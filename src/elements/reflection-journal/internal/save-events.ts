import type { ReactiveControllerHost } from 'lit';
import { CompassionKitError } from '../../../sdk/errors.js';
import { CompassionErrorEvent } from '../../../sdk/events.js';
import type { FieldValue, JournalEntry } from '../../../sdk/store/records.js';
import { JournalEntrySavedEvent } from '../events.js';
import { SupportOfferedEvent } from '../../../sdk/support-offered.js';
import { riskWordsFor, type RiskWords } from '../../../sdk/safety/risk-words.js';
import type { Program } from '../../../sdk/content/types.js';

const checks = new WeakMap<Program, RiskWords | null>();
/** The program's check of words, built once per program (null: off). */
function wordsOf(program: Program): RiskWords | undefined {
  let check = checks.get(program);
  if (check === undefined) checks.set(program, (check = riskWordsFor(program) ?? null));
  return check ?? undefined;
}
import type { EntryEditorOptions } from './entry-editor.js';

/**
 * True when any field holds an answer: text that is not only white space, a non-empty list, a
 * number or a chosen option. The title and tags are not an answer.
 */
export function hasAnswer(fields: Readonly<Record<string, FieldValue>>): boolean {
  return Object.values(fields).some((v) => (typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.length > 0 : typeof v === 'number'));
}

/**
 * What the participant wrote in an entry in their own words, as one text for the check of words:
 * the title and the text fields. Options they picked (a "hopeless" in an emotions list) are the
 * clinic's words, not theirs, and are left out.
 */
function entryWords(entry: JournalEntry, program: Program): string {
  const template = program.templates.find((t) => t.id === entry.templateId);
  const chosen = new Set(template?.fields.filter((f) => f.type !== 'text' && f.type !== 'longtext').map((f) => f.id));
  const values = Object.entries(entry.fields).flatMap(([id, v]) => (typeof v === 'string' && !chosen.has(id) ? [v] : []));
  return [entry.title, ...values].join('\n');
}

/** The editor's callbacks that tell the page: `ck-entry-saved` (with `empty`) on each save, `ck-error` once per kind of failure. */
export function saveEvents(
  host: ReactiveControllerHost & HTMLElement,
  programId: () => string,
  /** The program, for its check of the participant's words (docs/measures.md). */
  program: () => Program | undefined = () => undefined,
): Pick<EntryEditorOptions, 'onSaved' | 'onError'> & { offered(entryId: string): boolean } {
  let lastErrorCode: string | undefined;
  // Entries whose saved words offered the support card: once each, while the page lives; never stored.
  const offered = new Set<string>();
  return {
    offered: (entryId) => offered.has(entryId),
    onSaved(entry: JournalEntry, created: boolean): void {
      lastErrorCode = undefined;
      const p = program();
      if (p && !offered.has(entry.id) && wordsOf(p)?.matches(entryWords(entry, p))) {
        offered.add(entry.id);
        host.dispatchEvent(new SupportOfferedEvent());
        host.requestUpdate();
      }
      host.dispatchEvent(
        new JournalEntrySavedEvent({
          programId: programId(),
          entryId: entry.id,
          templateId: entry.templateId,
          revision: entry.revision,
          created,
          empty: !hasAnswer(entry.fields),
          ...(entry.weekId ? { weekId: entry.weekId } : {}),
          ...(entry.stepId ? { stepId: entry.stepId } : {}),
        }),
      );
    },
    onError(error: unknown): void {
      const code = error instanceof CompassionKitError ? error.code : ((error as { name?: string })?.name ?? 'unknown');
      if (code === lastErrorCode) return;
      lastErrorCode = code;
      host.dispatchEvent(new CompassionErrorEvent({ code, message: error instanceof Error ? error.message : String(error), source: 'journal' }));
    },
  };
}
