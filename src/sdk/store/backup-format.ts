import type { StoreName, StoreRecords } from './schema.js';

// The backup file's format and the types of what an import reports: kept apart from the code that
// reads and writes backups (backup-run.ts, import-planner.ts), which loads only on first use.

export const BACKUP_FORMAT = 'compassion-kit-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** One JSON document holding everything a participant has stored for one program. */
export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  programId: string;
  /** ISO 8601 time of export. */
  exportedAt: string;
  databaseVersion: number;
  stores: { [S in StoreName]?: StoreRecords[S][] };
}

export const CORRUPT_POLICIES = ['quarantine', 'reject'] as const;
export type CorruptPolicy = (typeof CORRUPT_POLICIES)[number];

export interface ImportOptions {
  /**
   * `quarantine` (default): malformed records are kept aside in the quarantine store and
   * reported; the rest are imported. `reject`: any malformed record cancels the whole import.
   */
  corrupt?: CorruptPolicy;
  /** Import a backup made for a different program id. Off by default. */
  allowOtherProgram?: boolean;
  /**
   * `import` only: called as the records are encrypted (while the lock is on) and written, with
   * how many steps are done of how many, so a view can show a progress bar for a large backup.
   */
  onProgress?: (done: number, total: number) => void;
}

export interface QuarantineNote {
  store: string;
  /** Position in the backup's list for that store. */
  index: number;
  id?: string;
  reason: string;
}

/**
 * What an import does with the passphrase lock:
 * - `none`: neither this journal nor the backup is locked;
 * - `seal`: this journal is locked and the backup is not: its text is encrypted with this journal's key as it is imported;
 * - `same-key`: the backup is encrypted with this journal's key; this device's lock record is kept;
 * - `adopt`: the backup is locked and this journal is not: the backup's lock comes with it, so the journal
 *   opens with the backup's passphrase; entries already here stay readable and are encrypted at the first unlock.
 * A backup locked with another key than this journal's, or a damaged lock record, is refused at preview.
 */
export const IMPORT_LOCK_PLANS = ['none', 'seal', 'same-key', 'adopt'] as const;
export type ImportLockPlan = (typeof IMPORT_LOCK_PLANS)[number];

export interface EntryImportCounts {
  /** Not on this device yet: added. */
  new: number;
  /** Here in a version the backup's history continues: the backup's becomes current; this device's stays in History. */
  updated: number;
  /** Changed on both sides: both texts kept, the newer (by `updatedAt`) current, the other an `imported-copy` in History. */
  bothKept: number;
  /** Already here (the same text, or a version this device's History already holds): nothing to add. */
  identical: number;
  /** Entries whose id appears again later in the same file: each different text is kept as an `imported-copy`. */
  duplicateIds: number;
}

export interface RevisionImportCounts {
  /** Versions added to History (beside this device's, never over them). */
  added: number;
  /** Of those, how many took a new number because theirs was taken by a different version here or in the file. */
  renumbered: number;
  /** Versions already here: skipped. */
  identical: number;
}

export interface StepImportCounts {
  new: number;
  /** Done on both sides: the earlier completion time is kept and both notes (when they differ) are joined. */
  merged: number;
  identical: number;
  /** A second note that could not be joined (sealed with a key this device does not hold yet): kept aside in quarantine. */
  keptAside: number;
}

export interface ImportPreview {
  programId: string;
  exportedAt: string;
  /** Well-formed records per store in the file. */
  counts: Record<StoreName, number>;
  /** Records the import will write, per store (the report's `written` is the same). */
  added: Record<StoreName, number>;
  entries: EntryImportCounts;
  revisions: RevisionImportCounts;
  progress: StepImportCounts;
  /** Journal entries already here: nothing to add (`entries.identical`). */
  duplicates: number;
  /** Journal entries here in another version (`entries.updated + entries.bothKept`): both versions are kept. */
  conflicts: number;
  lock: ImportLockPlan;
  /** Settings keys this version does not know: not imported. */
  ignoredSettings: readonly string[];
  /** Damaged records: kept aside in quarantine, not imported. */
  quarantined: readonly QuarantineNote[];
  /** Oldest and newest journal entry times (epoch ms), if any. */
  dateRange?: { from: number; to: number };
}

export interface ImportReport extends ImportPreview {
  /** Records written per store. */
  written: Record<StoreName, number>;
}
