import type { ReactiveControllerHost } from 'lit';
import { CompassionKitError } from '../../../sdk/errors.js';
import { CompassionErrorEvent, EntrySavedEvent } from '../../../sdk/events.js';
import type { JournalEntry } from '../../../sdk/store/records.js';
import type { EntryEditorOptions } from './entry-editor.js';

/** The editor's callbacks that tell the page: `ck-entry-saved` on each save, `ck-error` once per kind of failure. */
export function saveEvents(host: ReactiveControllerHost & HTMLElement, programId: () => string): Pick<EntryEditorOptions, 'onSaved' | 'onError'> {
  let lastErrorCode: string | undefined;
  return {
    onSaved(entry: JournalEntry, created: boolean): void {
      lastErrorCode = undefined;
      host.dispatchEvent(
        new EntrySavedEvent({
          programId: programId(),
          entryId: entry.id,
          templateId: entry.templateId,
          revision: entry.revision,
          created,
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
