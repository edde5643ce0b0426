import type { Backend, Tx } from './backend.js';
import { STORES, type StoreName } from './schema.js';

// Loaded only when a page keeps its records in memory (storage: 'memory', or IndexedDB missing,
// failing or hanging; see Database.connect), so the pages that use IndexedDB never download it.

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
