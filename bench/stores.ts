/**
 * One journal workload, four stores. Each adapter is written the way a developer would use that
 * store for this journal, with the same record shapes (an entry, and one revision per save):
 *
 * - `sdk`: compassion-kit's journal through the public SDK, unchanged (openProgram, journal.load
 *   for the first page, journal.query for search, journal.save, backup.import).
 * - `idb`: the `idb` package over the same stores and indexes as the SDK's; strict durability;
 *   the first page from a cursor over the `updatedAt` index, newest first; a save is the entry and
 *   its revision put in one readwrite transaction (no conflict read, no pruning).
 * - `dexie`: Dexie 4 with the same indexes and `chromeTransactionDurability: 'strict'`; the first
 *   page from `orderBy('updatedAt').reverse()`; a save is both puts in one `rw` transaction.
 * - `localforage`: localForage (IndexedDB driver) with one instance per store. It has no indexes,
 *   no transactions over two stores and no durability option: the first page and search iterate
 *   over everything, a save is two `setItem`s (two transactions, default durability).
 * - `idbwords` (not run unless asked for): raw idb with a search index kept in storage, the
 *   design issue 13 suggested for a fast first search: each entry carries its distinct folded
 *   words in a multi-entry `words` index, written in the same transaction as the entry; a search
 *   reads, per query word, the keys of the entries holding a word that starts with it. It is here
 *   to measure what such an index costs saves and imports.
 *
 * Search is the same everywhere: case- and accent-folded with the SDK's own `fold`, over the title,
 * field values and tags, of live (not deleted) entries. The peers scan storage for every query;
 * the SDK's first query builds its in-memory word index in one pass over storage, later queries
 * use that index.
 */
import { openDB, type IDBPDatabase } from 'idb';
import Dexie, { type Table } from 'dexie';
import localforage from 'localforage';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, DB_VERSION, databaseName, fold, openProgram, type CompassionProgram, type EntryRevision, type JournalEntry, type Program } from '../src/sdk/index.js';

export const STORE_KINDS = ['sdk', 'idb', 'dexie', 'localforage', 'idbwords'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** An open store holding a journal. */
export interface BenchStore {
  /** Writes all of `entries` (the store is empty). */
  importAll(entries: readonly JournalEntry[]): Promise<void>;
  /** The `size` newest live entries, newest first. */
  firstPage(size: number): Promise<JournalEntry[]>;
  /** How many live entries match every folded word of `query`. */
  search(query: string): Promise<number>;
  /** Saves `entry` durably as its next revision, with a revision record; resolves with what was stored. */
  save(entry: JournalEntry, text: string): Promise<JournalEntry>;
  close(): void;
  /** The SDK's program, for the SDK-only figures (the passphrase lock). */
  readonly program?: CompassionProgram;
}

function searchable(e: JournalEntry): string {
  const values = Object.values(e.fields).flatMap((v) => (v === null ? [] : Array.isArray(v) ? (v as string[]) : [String(v)]));
  return fold([e.title, ...e.tags, ...values].join('\n'));
}

/** A matcher for live entries, as the SDK's `journal.list({ query })` matches. */
function matcher(query: string): (e: JournalEntry) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return (e) => {
    if (e.deletedAt) return false;
    const text = searchable(e);
    return words.every((w) => text.includes(w));
  };
}

/** The edited entry and its revision record, as a save stores them. */
function nextVersion(entry: JournalEntry, text: string): { entry: JournalEntry; revision: EntryRevision } {
  const field = mainField(entry);
  const next: JournalEntry = { ...entry, fields: { ...entry.fields, [field]: text }, revision: entry.revision + 1, updatedAt: Math.max(Date.now(), entry.updatedAt + 1) };
  const revision: EntryRevision = { key: `${next.id}:${next.revision}`, entryId: next.id, revision: next.revision, savedAt: next.updatedAt, title: next.title, fields: next.fields, tags: next.tags };
  return { entry: next, revision };
}

/** The text field a save rewrites: the entry's main answer (the first text field but the tone). */
function mainField(entry: JournalEntry): string {
  return Object.keys(entry.fields).find((k) => typeof entry.fields[k] === 'string' && k !== 'tone') ?? 'reflection';
}

export function mainText(entry: JournalEntry): string {
  return String(entry.fields[mainField(entry)] ?? '');
}

// ---- compassion-kit ------------------------------------------------------------------------

async function openSdk(name: string, program: Program): Promise<BenchStore> {
  const live = await openProgram({ program: { ...program, id: name } });
  const journal = live.journal;
  return {
    async importAll(entries) {
      await live.backup.import({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, programId: name, exportedAt: new Date().toISOString(), databaseVersion: DB_VERSION, stores: { entries: [...entries] } });
    },
    async firstPage(size) {
      return (await journal.load()).entries.slice(0, size);
    },
    async search(query) {
      return (await journal.query({ query })).total;
    },
    async save(entry, text) {
      const field = mainField(entry);
      const { createdAt: _c, updatedAt: _u, revision: _r, ...draft } = entry;
      return journal.save({ ...draft, fields: { ...entry.fields, [field]: text } }, { expectedRevision: entry.revision });
    },
    close: () => live.close(),
    program: live,
  };
}

// ---- raw idb -------------------------------------------------------------------------------

async function openIdb(name: string, withWords = false): Promise<BenchStore> {
  const db: IDBPDatabase = await openDB(name, 1, {
    upgrade(up) {
      const entries = up.createObjectStore('entries', { keyPath: 'id' });
      entries.createIndex('updatedAt', 'updatedAt');
      entries.createIndex('templateId', 'templateId');
      entries.createIndex('weekId', 'weekId');
      entries.createIndex('tags', 'tags', { multiEntry: true });
      if (withWords) entries.createIndex('words', 'words', { multiEntry: true });
      up.createObjectStore('revisions', { keyPath: 'key' }).createIndex('entryId', 'entryId');
    },
  });
  /** The record as stored: with its distinct folded words when the word index is on (none once deleted). */
  const stored = (e: JournalEntry) => (withWords ? { ...e, words: e.deletedAt ? [] : [...new Set(searchable(e).split(/[^\p{L}\p{N}]+/u).filter(Boolean))] } : e);
  return {
    async importAll(entries) {
      const tx = db.transaction('entries', 'readwrite', { durability: 'strict' });
      for (const e of entries) void tx.store.put(stored(e));
      await tx.done;
    },
    async firstPage(size) {
      const page: JournalEntry[] = [];
      let cursor = await db.transaction('entries').store.index('updatedAt').openCursor(null, 'prev');
      while (cursor && page.length < size) {
        const e = cursor.value as JournalEntry;
        if (!e.deletedAt) page.push(e);
        cursor = await cursor.continue();
      }
      return page;
    },
    async search(query) {
      if (withWords) {
        // Per query word, the entries holding a word that starts with it, from the index's keys.
        const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        const index = db.transaction('entries').store.index('words');
        const sets = await Promise.all(words.map(async (w) => new Set(await index.getAllKeys(IDBKeyRange.bound(w, `${w}\uffff`)))));
        const [first, ...rest] = sets;
        return first ? [...first].filter((id) => rest.every((set) => set.has(id))).length : 0;
      }
      // A scan in batches of 500 by key, so memory stays bounded however large the journal.
      const match = matcher(query);
      let found = 0;
      let after: string | undefined;
      for (;;) {
        const batch = (await db.getAll('entries', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), 500)) as JournalEntry[];
        for (const e of batch) if (match(e)) found++;
        if (batch.length < 500) return found;
        after = batch[batch.length - 1]!.id;
      }
    },
    async save(entry, text) {
      const next = nextVersion(entry, text);
      const tx = db.transaction(['entries', 'revisions'], 'readwrite', { durability: 'strict' });
      void tx.objectStore('entries').put(stored(next.entry));
      void tx.objectStore('revisions').put(next.revision);
      await tx.done;
      return next.entry;
    },
    close: () => db.close(),
  };
}

// ---- Dexie ---------------------------------------------------------------------------------

class DexieJournal extends Dexie {
  entries!: Table<JournalEntry, string>;
  revisions!: Table<EntryRevision, string>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ entries: 'id, updatedAt, templateId, weekId, *tags', revisions: 'key, entryId' });
  }
}

async function openDexie(name: string): Promise<BenchStore> {
  const db = new DexieJournal(name);
  await db.open();
  return {
    async importAll(entries) {
      await db.entries.bulkPut([...entries]);
    },
    firstPage: (size) =>
      db.entries
        .orderBy('updatedAt')
        .reverse()
        .filter((e) => !e.deletedAt)
        .limit(size)
        .toArray(),
    async search(query) {
      return (await db.entries.filter(matcher(query)).toArray()).length;
    },
    async save(entry, text) {
      const next = nextVersion(entry, text);
      await db.transaction('rw', db.entries, db.revisions, async () => {
        await db.entries.put(next.entry);
        await db.revisions.put(next.revision);
      });
      return next.entry;
    },
    close: () => db.close(),
  };
}

// ---- localForage ---------------------------------------------------------------------------

async function openLocalForage(name: string): Promise<BenchStore> {
  const entries = localforage.createInstance({ name, storeName: 'entries', driver: localforage.INDEXEDDB });
  const revisions = localforage.createInstance({ name, storeName: 'revisions', driver: localforage.INDEXEDDB });
  await entries.ready();
  await revisions.ready();
  return {
    async importAll(list) {
      await Promise.all(list.map((e) => entries.setItem(e.id, e)));
    },
    async firstPage(size) {
      // No index to read in order: keep the newest `size` seen so far while iterating over all.
      const page: JournalEntry[] = [];
      await entries.iterate<JournalEntry, void>((e) => {
        if (e.deletedAt) return;
        if (page.length === size && e.updatedAt <= page[size - 1]!.updatedAt) return;
        let at = page.length;
        while (at > 0 && page[at - 1]!.updatedAt < e.updatedAt) at--;
        page.splice(at, 0, e);
        if (page.length > size) page.pop();
      });
      return page;
    },
    async search(query) {
      const match = matcher(query);
      let found = 0;
      await entries.iterate<JournalEntry, void>((e) => {
        if (match(e)) found++;
      });
      return found;
    },
    async save(entry, text) {
      const next = nextVersion(entry, text);
      await entries.setItem(next.entry.id, next.entry);
      await revisions.setItem(next.revision.key, next.revision);
      return next.entry;
    },
    close() {
      // localForage has no close(); its connection closes with the page, and the bench deletes
      // databases from a fresh page.
    },
  };
}

/** Opens (creating if need be) the store of `kind` named `name`. */
export function openStore(kind: StoreKind, name: string, program: Program): Promise<BenchStore> {
  switch (kind) {
    case 'sdk':
      return openSdk(name, program);
    case 'idb':
      return openIdb(name);
    case 'dexie':
      return openDexie(name);
    case 'localforage':
      return openLocalForage(name);
    case 'idbwords':
      return openIdb(name, true);
  }
}

/** The IndexedDB database name each store uses for `name`. */
export function databaseOf(kind: StoreKind, name: string): string {
  return kind === 'sdk' ? databaseName(name) : name;
}
