import type { BackupApi } from './backup.js';
import type { DraftStore } from './drafts.js';
import type { JournalRepository } from './journal.js';

/**
 * The journal's code (its repository and the write-ahead drafts) is not part of the always-loaded
 * core: a page with only a course overview or a player never writes an entry before it renders.
 * Modules that write (the journal element, a course week, the player's check-in, the SDK entry)
 * import `journal-parts.ts`, which puts the classes here; `CompassionProgram` builds its
 * `journal`, `drafts` and `backup` from them on first use.
 */
export interface JournalParts {
  JournalRepository: typeof JournalRepository;
  DraftStore: typeof DraftStore;
  BackupApi: typeof BackupApi;
}

let parts: JournalParts | undefined;

export function provideJournalParts(given: JournalParts): void {
  parts ??= given;
}

export function journalParts(): JournalParts | undefined {
  return parts;
}

/** Where write-ahead copies live in `localStorage` (see drafts.ts). */
export const DRAFT_PREFIX = 'compassion-kit:draft:';

/**
 * Whether this device holds write-ahead copies for the program (left by a closed page, or by
 * another open tab): then the journal code is loaded at open, to recover them. Reading key names
 * is cheap and loads nothing.
 */
export function hasDraftCopies(programId: string): boolean {
  try {
    const area = globalThis.localStorage;
    const prefix = `${DRAFT_PREFIX}${programId}:`;
    for (let i = 0; i < (area?.length ?? 0); i++) if (area.key(i)?.startsWith(prefix)) return true;
  } catch {
    // localStorage missing or refused (sandboxed frame): drafts are not kept there either.
  }
  return false;
}
