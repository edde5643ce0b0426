import type { ReactiveControllerHost } from 'lit';
import { CompassionKitError } from '../../../sdk/errors.js';
import { CompassionErrorEvent } from '../../../sdk/events.js';
import type { FieldValue, JournalEntry } from '../../../sdk/store/records.js';
import { JournalEntrySavedEvent } from '../events.js';
import type { EntryEditorOptions } from './entry-editor.js';

/**
 * True when any field holds an answer: text that is not only white space, a non-empty list, a
 * number or a chosen option. The title and tags are not an answer.
 */
export function hasAnswer(fields: Readonly<Record<string, FieldValue>>): boolean {
  return Object.values(fields).some((v) => (typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.length > 0 : typeof v === 'number'));
}

/** The editor's callbacks that tell the page: `ck-entry-saved` (with `empty`) on each save, `ck-error` once per kind of failure. */
export function saveEvents(host: ReactiveControllerHost & HTMLElement, programId: () => string): Pick<EntryEditorOptions, 'onSaved' | 'onError'> {
  let lastErrorCode: string | undefined;
  return {
    onSaved(entry: JournalEntry, created: boolean): void {
      lastErrorCode = undefined;
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
