import type {
  EntryRevision,
  JournalEntry,
  PlaybackPosition,
  PracticeSession,
  QuarantinedRecord,
  Setting,
  StepProgress,
} from './records.js';

/** The database version this build writes. Bump it and add a step to `MIGRATIONS` together. */
export const DB_VERSION = 4;

/** Maps each object store to the record type it holds. */
export interface StoreRecords {
  entries: JournalEntry;
  revisions: EntryRevision;
  progress: StepProgress;
  practice: PracticeSession;
  playback: PlaybackPosition;
  settings: Setting;
  quarantine: QuarantinedRecord;
}
export type StoreName = keyof StoreRecords;

export interface IndexSpec {
  keyPath: string;
  multiEntry?: boolean;
}
export interface StoreSpec {
  keyPath: string;
  indexes: Record<string, IndexSpec>;
}

/** The current layout; both the IndexedDB upgrade and the memory fallback are driven by it. */
export const STORES: { readonly [S in StoreName]: StoreSpec } = {
  entries: {
    keyPath: 'id',
    indexes: {
      updatedAt: { keyPath: 'updatedAt' },
      templateId: { keyPath: 'templateId' },
      weekId: { keyPath: 'weekId' },
      tags: { keyPath: 'tags', multiEntry: true },
      // A record without the field is not in the index: `deletedAt` holds only deleted entries and
      // `stepId` only a course step's answers, so the journal counts and lists "recently deleted"
      // and finds a step's entry without reading the other entries.
      deletedAt: { keyPath: 'deletedAt' },
      stepId: { keyPath: 'stepId' },
    },
  },
  // `label` indexes only the labelled copies (a record without one is not in the index): a save
  // learns which of an entry's revisions it must never prune from keys alone, reading no text.
  revisions: { keyPath: 'key', indexes: { entryId: { keyPath: 'entryId' }, label: { keyPath: 'label' } } },
  progress: { keyPath: 'stepId', indexes: { weekId: { keyPath: 'weekId' } } },
  practice: { keyPath: 'id', indexes: { startedAt: { keyPath: 'startedAt' }, meditationId: { keyPath: 'meditationId' } } },
  playback: { keyPath: 'meditationId', indexes: {} },
  settings: { keyPath: 'key', indexes: {} },
  quarantine: { keyPath: 'id', indexes: {} },
};

export const STORE_NAMES = Object.keys(STORES) as StoreName[];

/** The database name for a program: one database per program so two programs on one site never mix. */
export function databaseName(programId: string): string {
  return `compassion-kit:${programId}`;
}
