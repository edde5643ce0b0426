import type { JournalRepository, JournalSnapshot } from '../../../sdk/store/journal.js';
import type { Draft, EntryEditor } from './entry-editor.js';

/**
 * A journal with `template` or `step-id`: shows the step's entry (the newest, if several), or starts
 * a new one created on the first keystroke, unless text is already open there. Arrives with the
 * editor (single-entry.ts calls it once the editor's code is here).
 */
export function showStepEntry(
  editor: EntryEditor,
  spec: Omit<Draft, 'id'>,
  s: JournalSnapshot,
  journal: Pick<JournalRepository, 'canRead'>,
  setDamaged: (id: string | undefined) => void,
): void {
  const d = editor.draft;
  if (d && (editor.stored || editor.unsaved)) return;
  const match = spec.stepId ? s.entries.find((e) => e.stepId === spec.stepId && e.templateId === spec.templateId) : undefined;
  if (match) {
    if (journal.canRead(match)) {
      setDamaged(undefined);
      if (d?.id !== match.id) editor.open(match);
    } else {
      setDamaged(match.id);
    }
  } else if (!d) {
    editor.startNew(spec);
  }
}
