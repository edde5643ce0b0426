import type { JournalEntry } from '../../../sdk/store/records.js';

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
export function describeStatus(status: SaveStatus, memoryOnly: boolean, time: Intl.DateTimeFormat, idle?: 'stored' | 'new'): string {
  switch (status.state) {
    case 'idle':
      if (idle === 'new') return 'Not saved yet — your answer saves as you type';
      if (idle === 'stored') return memoryOnly ? 'Kept until this page closes (not saved on this device)' : 'Saved';
      return '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      // "Saved" promises a durable commit (D1); memory-only mode cannot keep that promise.
      return memoryOnly ? `Kept until this page closes (not saved on this device) · ${time.format(status.savedAt ?? Date.now())}` : `Saved at ${time.format(status.savedAt ?? Date.now())}`;
    case 'retrying':
      return 'Not saved — retrying';
    case 'full':
      return 'Storage full — export your entries';
    case 'locked':
      return 'Not saved — the journal is locked';
    case 'conflict':
      return 'Not saved — edited in another tab';
  }
}
