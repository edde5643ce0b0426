import type { JournalEntry } from '../../../sdk/store/records.js';
import { EN_ENTRY_STRINGS } from './en-entry-strings.js';

export const SAVE_STATES = ['idle', 'pending', 'saving', 'saved', 'retrying', 'full', 'locked', 'conflict'] as const;
/**
 * `idle`: nothing typed yet. `pending`/`saving`: typed, not yet committed. `saved`: committed with
 * strict durability. `retrying`: a write failed and will be tried again. `full`: storage is full.
 * `locked`: the passphrase lock is on and locked. `conflict`: another tab saved this entry too.
 */
export type SaveState = (typeof SAVE_STATES)[number];

export interface SaveStatus {
  state: SaveState;
  /** When the last save committed (epoch ms). */
  savedAt?: number;
  /** The failure's message, for `retrying`, `full` and `locked`. */
  message?: string;
  /** For `conflict`: the newer version stored by the other tab. */
  theirs?: JournalEntry;
}

/**
 * What the save-state line says for `status`, e.g. "Saved at 12:03". With `idle` (one entry, as a
 * course step shows it) the line also speaks before anything is typed: "Saved" for a stored answer
 * (or kept, in memory-only mode), "Not saved yet — …" for one not yet written.
 */
export function describeStatus(status: SaveStatus, memoryOnly: boolean, time: Intl.DateTimeFormat, idle?: 'stored' | 'new', t: typeof EN_ENTRY_STRINGS = EN_ENTRY_STRINGS): string {
  switch (status.state) {
    case 'idle':
      if (idle === 'new') return t.notSavedYet;
      if (idle === 'stored') return memoryOnly ? t.keptOnly : t.saved;
      return '';
    case 'pending':
    case 'saving':
      return t.saving;
    case 'saved':
      // "Saved" promises a durable commit (D1); memory-only mode cannot keep that promise.
      return memoryOnly ? t.keptAt(time.format(status.savedAt ?? Date.now())) : t.savedAt(time.format(status.savedAt ?? Date.now()));
    case 'retrying':
      return t.retrying;
    case 'full':
      return t.storageFull;
    case 'locked':
      return t.notSavedLocked;
    case 'conflict':
      return t.notSavedConflict;
  }
}
