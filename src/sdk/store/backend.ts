import { openDB, type IDBPDatabase } from 'idb';
import { toStorageError } from '../errors.js';
import { migrate } from './migrations.js';
import { DB_VERSION, STORES, type StoreName, type StoreRecords } from './schema.js';

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

/** Records a walk asks for in its first batch: a page of the journal (20) and a few deleted entries among them. */
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
      const rangeFrom = (bound: IDBValidKey | undefined) => (bound === undefined ? null : direction === 'prev' ? IDBKeyRange.upperBound(bound) : IDBKeyRange.lowerBound(bound));
      if (!source.getAllRecords) {
        let cursor = await source.openCursor(rangeFrom(from), direction);
        while (cursor) {
          if (!visit(cursor.value as never)) return false;
          cursor = await cursor.continue();
        }
        return true;
      }
      // Where the browser has getAllRecords (Chromium 141 on), records come in batches, one request
      // each, instead of one request per record: a first page of 20 is one round trip, not 20.
      // Each batch starts at the last index key of the one before, inclusive, skipping the records
      // already visited at that key (several entries may share one). Batches double, so a key
      // shared by more records than a batch holds is still passed.
      let bound = from;
      let seen = new Set<string>();
      for (let size = FIRST_BATCH; ; size *= 2) {
        const records = await source.getAllRecords({ query: rangeFrom(bound), count: size, direction });
        for (const r of records) {
          if (seen.size && indexedDB.cmp(r.key, bound) === 0 && seen.has(keyOf(r.primaryKey))) continue;
          if (!visit(r.value as never)) return false;
        }
        if (records.length < size) return true;
        const last = records[records.length - 1]!.key;
        const next = bound !== undefined && indexedDB.cmp(last, bound) === 0 ? seen : new Set<string>();
        for (let i = records.length - 1; i >= 0 && indexedDB.cmp(records[i]!.key, last) === 0; i--) next.add(keyOf(records[i]!.primaryKey));
        bound = last;
        seen = next;
      }
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

/**
 * Keeps records in memory for this page only: used when IndexedDB is missing, throws, or hangs.
 * Writes are atomic (rolled back when `fn` throws) and values are cloned like IndexedDB would.
 */
export class MemoryBackend implements Backend {
  readonly mode = 'memory';
  private readonly data = new Map<StoreName, Map<string, unknown>>();

  constructor() {
    for (const name of Object.keys(STORES) as StoreName[]) this.data.set(name, new Map());
  }

  read<T>(_stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    return fn(this.tx());
  }

  async write<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    const before = stores.map((s) => [s, new Map(this.data.get(s))] as const);
    try {
      return await fn(this.tx());
    } catch (error) {
      for (const [s, copy] of before) this.data.set(s, copy);
      throw error;
    }
  }

  close(): void {
    // Nothing to release; the data lives as long as the page.
  }

  private tx(): Tx {
    const table = (s: StoreName) => this.data.get(s)!;
    return {
      get: async (store, key) => clone(table(store).get(keyOf(key))) as never,
      getAll: async (store, index, query) => {
        const spec = STORES[store];
        let rows = [...table(store).entries()].sort(([a], [b]) => compare(a, b)).map(([, v]) => v);
        if (index) {
          const { keyPath, multiEntry } = spec.indexes[index]!;
          const value = (r: unknown) => (r as Record<string, unknown>)[keyPath];
          rows = rows.filter((r) => {
            const v = value(r);
            if (v === undefined) return false;
            if (query === undefined) return true;
            return multiEntry && Array.isArray(v) ? v.includes(query) : keyOf(v as IDBValidKey) === keyOf(query);
          });
          if (query === undefined) rows.sort((a, b) => compare(keyOf(value(a) as IDBValidKey), keyOf(value(b) as IDBValidKey)));
        }
        return rows.map(clone) as never;
      },
      getAllKeys: async (store, index, query) => {
        const { keyPath } = STORES[store].indexes[index]!;
        const rows = [...table(store).entries()].sort(([a], [b]) => compare(a, b)).map(([, v]) => v as Record<string, IDBValidKey | IDBValidKey[] | undefined>);
        return rows
          .filter((r) => {
            const v = r[keyPath];
            if (v === undefined) return false;
            return query === undefined || (Array.isArray(v) ? v.some((x) => keyOf(x) === keyOf(query)) : keyOf(v) === keyOf(query));
          })
          .sort((a, b) => (query === undefined ? compare(keyOf(a[keyPath] as IDBValidKey), keyOf(b[keyPath] as IDBValidKey)) : 0))
          .map((r) => r[STORES[store].keyPath] as IDBValidKey);
      },
      put: async (store, value) => {
        const key = (value as unknown as Record<string, IDBValidKey>)[STORES[store].keyPath]!;
        table(store).set(keyOf(key), clone(value));
      },
      delete: async (store, key) => {
        table(store).delete(keyOf(key));
      },
      clear: async (store) => {
        table(store).clear();
      },
      count: async (store, index, query) => (index ? (await this.indexed(store, index, query)).length : query === undefined ? table(store).size : Number(table(store).has(keyOf(query)))),
      walk: async (store, index, direction, from, visit) => {
        let rows = await this.indexed(store, index);
        if (from !== undefined) rows = rows.filter(([k]) => (direction === 'prev' ? k <= keyOf(from) : k >= keyOf(from)));
        if (direction === 'prev') rows.reverse();
        for (const [, , value] of rows) if (!visit(clone(value) as never)) return false;
        return true;
      },
      indexKeys: async (store, index) => {
        const { keyPath } = STORES[store].indexes[index]!;
        const keys = new Map<string, IDBValidKey>();
        for (const v of table(store).values()) {
          const k = (v as Record<string, IDBValidKey | IDBValidKey[] | undefined>)[keyPath];
          for (const one of k === undefined ? [] : Array.isArray(k) ? k : [k]) keys.set(keyOf(one), one);
        }
        return [...keys.entries()].sort(([a], [b]) => compare(a, b)).map(([, k]) => k);
      },
      batch: async (store, after, count) =>
        [...table(store).entries()]
          .filter(([k]) => after === undefined || k > keyOf(after))
          .sort(([a], [b]) => compare(a, b))
          .slice(0, count)
          .map(([, v]) => clone(v)) as never,
    };
  }

  /** The records in `index` (equal to `query` when given) as [index key, primary key, record], in index then key order. */
  private async indexed(store: StoreName, index: string, query?: IDBValidKey): Promise<[string, string, unknown][]> {
    const { keyPath, multiEntry } = STORES[store].indexes[index]!;
    const rows: [string, string, unknown][] = [];
    for (const [key, v] of this.data.get(store)!) {
      const k = (v as Record<string, IDBValidKey | IDBValidKey[] | undefined>)[keyPath];
      if (k === undefined) continue;
      for (const one of multiEntry && Array.isArray(k) ? k : [k as IDBValidKey]) {
        if (query === undefined || keyOf(one) === keyOf(query)) rows.push([keyOf(one), key, v]);
      }
    }
    return rows.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  }
}

function keyOf(key: IDBValidKey): string {
  return typeof key === 'number' ? `n:${String(key).padStart(20, '0')}` : `s:${String(key)}`;
}
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
