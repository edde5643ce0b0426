/** Records kept in the participant's browser. Every one is plain JSON so that export is lossless. */

export type FieldValue = string | number | readonly string[] | null;

/** AES-GCM sealed text (see the journal's passphrase lock): base64 IV and ciphertext. */
export interface Sealed {
  iv: string;
  data: string;
}

export interface JournalEntry {
  id: string;
  /** Id of the journal template the entry follows. */
  templateId: string;
  title: string;
  /** Field id → value, as the template defines. */
  fields: Readonly<Record<string, FieldValue>>;
  tags: readonly string[];
  weekId?: string;
  stepId?: string;
  /** The question the entry answers, when written from a course step. */
  prompt?: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Increases by one with every save; used to detect edits from another tab. */
  revision: number;
  /** Set when moved to "recently deleted". */
  deletedAt?: number;
  /** When the passphrase lock is on, title and fields live here instead (title '' and fields {}). */
  sealed?: Sealed;
}

/** What a caller passes to save: an entry without the bookkeeping the store owns. */
export type EntryDraft = Omit<JournalEntry, 'createdAt' | 'updatedAt' | 'revision' | 'id' | 'tags' | 'title'> & {
  id?: string;
  title?: string;
  tags?: readonly string[];
};

/**
 * Why a revision was kept beside the entry's own history: `conflict-copy` holds the words of an
 * edit that met another tab's change; `imported-copy` holds a version from a backup that lost to
 * this device's newer one (or this device's version that lost to the backup's newer one).
 */
export const REVISION_LABELS = ['conflict-copy', 'imported-copy'] as const;
export type RevisionLabel = (typeof REVISION_LABELS)[number];

export interface EntryRevision {
  /** `${entryId}:${revision}` */
  key: string;
  entryId: string;
  revision: number;
  savedAt: number;
  title: string;
  fields: Readonly<Record<string, FieldValue>>;
  tags: readonly string[];
  sealed?: Sealed;
  /** Set on a copy kept beside the entry's history (never pruned before unlabelled revisions). */
  label?: RevisionLabel;
}

export interface StepProgress {
  stepId: string;
  weekId: string;
  completedAt: number;
  /** The participant's optional note on a practice step. */
  note?: string;
  /**
   * A `measure` step's answers, item id → the scale value chosen (null: skipped). The score is
   * worked out from these and the program (scoreMeasure), on the device; sealed with the lock on.
   */
  answers?: Record<string, number | null>;
  /** With the passphrase lock on, the note lives here instead (see sealing.ts). */
  sealed?: Sealed;
}

export const PRACTICE_MODES = ['guided', 'timer', 'breathing'] as const;
export type PracticeMode = (typeof PRACTICE_MODES)[number];

export interface PracticeSession {
  id: string;
  mode: PracticeMode;
  meditationId?: string;
  startedAt: number;
  endedAt: number;
  /** Seconds actually practised (listened, timed or paced), not the track length. */
  seconds: number;
}

export interface PlaybackPosition {
  meditationId: string;
  /** Seconds. */
  position: number;
  duration: number;
  updatedAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** A record that failed validation on import or load, kept so that nothing is thrown away. */
export interface QuarantinedRecord {
  id: string;
  store: string;
  reason: string;
  /** The record as it was found; absent while sealed. */
  record?: unknown;
  quarantinedAt: number;
  /** With the passphrase lock on, the raw record lives here instead (it may hold participant text). */
  sealed?: Sealed;
}
