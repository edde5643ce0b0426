import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { STORES, type StoreName } from './schema.js';

type AnyDb = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * Version 1 was the first layout: `entries` (key `id`, one index `updatedAt`, the text of an
 * entry in a single `text` string), `progress` and `settings`. Version 2 keeps every record and
 * moves entry text into template fields, adds revisions, practice, playback positions and a
 * quarantine, and indexes entries by template, week and tag. Version 3 keeps every record and
 * adds the `label` index on revisions (only labelled copies are in it), so a save can prune old
 * revisions from their keys without reading their text. Version 4 keeps every record and adds
 * the `deletedAt` and `stepId` indexes on entries, so the journal opens on a page of entries and
 * index counts instead of reading every entry.
 */
const MIGRATIONS: Record<number, (db: AnyDb, tx: UpgradeTx) => Promise<void>> = {
  1: async (db) => {
    db.createObjectStore('entries', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    db.createObjectStore('progress', { keyPath: 'stepId' });
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  2: async (db, tx) => {
    ensureLayout(db, tx);
    // v1 entries carried one `text` string; v2 entries carry template fields.
    let cursor = await tx.objectStore('entries').openCursor();
    while (cursor) {
      const old = cursor.value as Record<string, unknown>;
      if (!('fields' in old)) {
        const { text, ...rest } = old;
        await cursor.update({
          templateId: 'free-reflection',
          tags: [],
          revision: 1,
          createdAt: typeof old.updatedAt === 'number' ? old.updatedAt : Date.now(),
          ...rest,
          title: typeof old.title === 'string' ? old.title : '',
          fields: { body: typeof text === 'string' ? text : '' },
        });
      }
      cursor = await cursor.continue();
    }
    let progress = await tx.objectStore('progress').openCursor();
    while (progress) {
      const old = progress.value as Record<string, unknown>;
      if (typeof old.weekId !== 'string') {
        await progress.update({ ...old, weekId: String(old.stepId).replace(/^w(\d+)-.*$/, 'week-$1') });
      }
      progress = await progress.continue();
    }
  },
  3: async (db, tx) => {
    ensureLayout(db, tx);
  },
  4: async (db, tx) => {
    ensureLayout(db, tx);
  },
};

/** Creates every store and index of the current layout (STORES) that is missing; existing records stay as they are. */
function ensureLayout(db: AnyDb, tx: UpgradeTx): void {
  for (const name of Object.keys(STORES) as StoreName[]) {
    const spec = STORES[name];
    const store = db.objectStoreNames.contains(name) ? tx.objectStore(name) : db.createObjectStore(name, { keyPath: spec.keyPath });
    for (const [indexName, index] of Object.entries(spec.indexes)) {
      if (!store.indexNames.contains(indexName)) store.createIndex(indexName, index.keyPath, { multiEntry: index.multiEntry ?? false });
    }
  }
}

/** Runs every migration step from `oldVersion` (exclusive) to `newVersion` (inclusive), in order, inside the upgrade transaction. */
export async function migrate(db: AnyDb, tx: UpgradeTx, oldVersion: number, newVersion: number): Promise<void> {
  for (let v = oldVersion + 1; v <= newVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration to database version ${v}`);
    await step(db, tx);
  }
}
