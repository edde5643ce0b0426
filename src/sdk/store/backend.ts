import { openDB, type IDBPDatabase } from 'idb';
import { toStorageError } from '../errors.js';
import { migrate } from './migrations.js';
import { DB_VERSION, type StoreName, type StoreRecords } from './schema.js';

export const STORAGE_MODES = ['indexeddb', 'memory'] as const;
export type StorageMode = (typeof STORAGE_MODES)[number];

/** The operations a repository may perform inside one transaction. */
export interface Tx {
  get<S extends StoreName>(store: S, key: IDBValidKey): Promise<StoreRecords[S] | undefined>;
  /** All records, or those whose `index` equals `query`, in index (then key) order. */
  getAll<S extends StoreName>(store: S, index?: string, query?: IDBValidKey): Promise<StoreRecords[S][]>;
  /** The primary keys of the records whose `index` equals `query` (all indexed records without one): no record is read. */
  getAllKeys(store: StoreName, index: string, query?: IDBValidKey): Promise<IDBValidKey[]>;
  put<S extends StoreName>(store: S, value: StoreRecords[S]): Promise<void>;
  delete(store: StoreName, key: IDBValidKey): Promise<void>;
  clear(store: StoreName): Promise<void>;
  /** How many records the store holds (with key `query` when given), or how many are in `index` (equal to `query` when given): nothing is read. */
  count(store: StoreName, index?: string, query?: IDBValidKey): Promise<number>;
  /**
   * Visits records with a cursor over `index`, in its order (`prev`: highest key first, and among
   * equal keys the highest primary key first), starting at `from` (inclusive) when given, until
   * `visit` returns false. Resolves true when the records ran out (false when `visit` stopped it).
   */
  walk<S extends StoreName>(store: S, index: string, direction: 'next' | 'prev', from: IDBValidKey | undefined, visit: (value: StoreRecords[S]) => boolean): Promise<boolean>;
  /** Each distinct key of `index` once, ascending (a multi-entry index: each element). Reads no record. */
  indexKeys(store: StoreName, index: string): Promise<IDBValidKey[]>;
  /** Up to `count` records whose primary key is above `after` (all from the first without it), in key order. */
  batch<S extends StoreName>(store: S, after: IDBValidKey | undefined, count: number): Promise<StoreRecords[S][]>;
}

/** Where records live: IndexedDB, or memory when IndexedDB cannot be had. */
export interface Backend {
  readonly mode: StorageMode;
  read<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one atomic read-write transaction; resolves only once it is durably committed. */
  write<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): void;
}

type AnyDb = IDBPDatabase<unknown>;

export interface OpenHooks {
  /** Another tab holds an older connection open, so the upgrade waits. */
  onBlocked(): void;
  /** Another tab wants to upgrade: this connection has closed itself. */
  onVersionChange(): void;
  /** The browser closed the connection (e.g. storage cleared, WebKit's lost connection). */
  onTerminated(): void;
}

/** Opens (creating or migrating) the program's database. Rejects with a StorageError. */
export async function openIndexedDb(name: string, hooks: OpenHooks): Promise<AnyDb> {
  try {
    const db = await openDB<unknown>(name, DB_VERSION, {
      async upgrade(database, oldVersion, newVersion, transaction) {
        await migrate(database, transaction as never, oldVersion, newVersion ?? DB_VERSION);
      },
      blocked: () => hooks.onBlocked(),
      blocking: () => {
        db.close();
        hooks.onVersionChange();
      },
      terminated: () => hooks.onTerminated(),
    });
    return db;
  } catch (error) {
    throw toStorageError(error, `opening the database "${name}"`);
  }
}

export class IndexedDbBackend implements Backend {
  readonly mode = 'indexeddb';
  constructor(private readonly db: AnyDb) {}

  read<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = this.db.transaction(stores, 'readonly');
    return fn(idbTx(tx as never));
  }

  async write<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    // D1: "saved" may only be claimed after a strict-durability commit.
    const tx = this.db.transaction(stores, 'readwrite', { durability: 'strict' });
    try {
      const result = await fn(idbTx(tx as never));
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted by the browser (e.g. on QuotaExceededError).
      }
      await tx.done.catch(() => undefined);
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}

interface LooseCursor {
  readonly key: IDBValidKey;
  readonly value: unknown;
  continue(): Promise<LooseCursor | null>;
  continuePrimaryKey(key: IDBValidKey, primaryKey: IDBValidKey): Promise<LooseCursor | null>;
}

interface LooseTx {
  objectStore(name: string): {
    get(key: IDBValidKey): Promise<unknown>;
    getAll(query?: IDBValidKey | IDBKeyRange | null, count?: number): Promise<unknown[]>;
    put(value: unknown): Promise<IDBValidKey>;
    delete(key: IDBValidKey): Promise<void>;
    clear(): Promise<void>;
    count(query?: IDBValidKey | IDBKeyRange | null): Promise<number>;
    index(name: string): {
      getAll(query?: IDBValidKey | IDBKeyRange | null): Promise<unknown[]>;
      getAllKeys(query?: IDBValidKey | IDBKeyRange | null): Promise<IDBValidKey[]>;
      count(query?: IDBValidKey | IDBKeyRange | null): Promise<number>;
      openCursor(query: IDBKeyRange | null, direction: IDBCursorDirection): Promise<LooseCursor | null>;
      /** Not in every browser yet (nor in TypeScript's DOM types). */
      getAllRecords?(options: { query: IDBKeyRange | null; count: number; direction: IDBCursorDirection }): Promise<{ key: IDBValidKey; primaryKey: IDBValidKey; value: unknown }[]>;
      openKeyCursor(query: IDBKeyRange | null, direction: IDBCursorDirection): Promise<LooseCursor | null>;
    };
  };
}

/** Records a walk reads in one request before it goes on with a cursor: a page of the journal (20) and a few deleted entries among them. */
const FIRST_BATCH = 24;

function idbTx(tx: LooseTx): Tx {
  return {
    get: (store, key) => tx.objectStore(store).get(key) as never,
    getAll: (store, index, query) => {
      const os = tx.objectStore(store);
      return (index ? os.index(index).getAll(query ?? null) : os.getAll()) as never;
    },
    getAllKeys: (store, index, query) => tx.objectStore(store).index(index).getAllKeys(query ?? null),
    put: async (store, value) => {
      await tx.objectStore(store).put(value);
    },
    delete: (store, key) => tx.objectStore(store).delete(key),
    clear: (store) => tx.objectStore(store).clear(),
    count: (store, index, query) => {
      const os = tx.objectStore(store);
      return index ? os.index(index).count(query ?? null) : os.count(query ?? null);
    },
    walk: async (store, index, direction, from, visit) => {
      const source = tx.objectStore(store).index(index);
      const range = from === undefined ? null : direction === 'prev' ? IDBKeyRange.upperBound(from) : IDBKeyRange.lowerBound(from);
      // Where the browser has getAllRecords (Chromium 141 on), the first records come in one
      // request instead of one each: a page of 20 is one round trip. Past them, a cursor goes on
      // from the record after the last one (others may share its key, so by primary key too).
      const first = (await source.getAllRecords?.({ query: range, count: FIRST_BATCH, direction })) ?? [];
      for (const r of first) if (!visit(r.value as never)) return false;
      if (source.getAllRecords && first.length < FIRST_BATCH) return true;
      let cursor = await source.openCursor(range, direction);
      const last = first[first.length - 1];
      if (cursor && last) cursor = (await (await cursor.continuePrimaryKey(last.key, last.primaryKey))?.continue()) ?? null;
      while (cursor) {
        if (!visit(cursor.value as never)) return false;
        cursor = await cursor.continue();
      }
      return true;
    },
    indexKeys: async (store, index) => {
      const keys: IDBValidKey[] = [];
      let cursor = await tx.objectStore(store).index(index).openKeyCursor(null, 'nextunique');
      while (cursor) {
        keys.push(cursor.key);
        cursor = await cursor.continue();
      }
      return keys;
    },
    batch: (store, after, count) => tx.objectStore(store).getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), count) as never,
  };
}
