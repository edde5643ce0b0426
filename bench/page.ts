/**
 * Runs in headless Chromium; scripts/bench.mjs drives it phase by phase through `window.bench`, on
 * fresh pages: one page imports the journal into a store, then a new page opens that store cold
 * (a fresh JS heap and a fresh connection; for the SDK a fresh program instance on the existing
 * database) and measures the first page, the heap it holds, search and saves. See bench/stores.ts
 * for what each store does.
 */
import { journalLock, type Program } from '../src/sdk/index.js';
import { journalEntries } from './entries.js';
import { databaseOf, mainText, openStore, type BenchStore, type StoreKind } from './stores.js';

export const PAGE_SIZE = 20;

let program: Program | undefined;
let store: BenchStore | undefined;
/** The first page, held as a list view would hold it (so the heap figure counts it). */
let shown: unknown;

async function programJson(): Promise<Program> {
  program ??= (await (await fetch('/packages/default-program/program.json')).json()) as Program;
  return program;
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error ?? new Error(`could not delete ${name}`));
    // A page that just closed may not have let go of its connection yet: wait for it.
    r.onblocked = () => console.warn(`deleting ${name} waits for a connection to close`);
  });
}

const api = {
  /** Deletes the databases each store of `kinds` used for `name`. */
  async drop(kinds: StoreKind[], name: string): Promise<void> {
    for (const kind of kinds) await deleteDb(databaseOf(kind, name));
  },

  /** Bulk import of `count` entries into an empty store: one timing, from the first write until it is durable. */
  async seed(kind: StoreKind, name: string, count: number): Promise<{ ms: number }> {
    const entries = journalEntries(count);
    const s = await openStore(kind, name, await programJson());
    const t = performance.now();
    await s.importAll(entries);
    const ms = performance.now() - t;
    s.close();
    return { ms };
  },

  /** Loads what opening needs but is not storage (the program's JSON), so the timed open does not fetch. */
  async prepare(): Promise<void> {
    await programJson();
  },

  /** Cold open and the first page of the newest entries. */
  async open(kind: StoreKind, name: string): Promise<{ ms: number; connectMs: number; ids: string[] }> {
    const p = await programJson();
    const t = performance.now();
    store = await openStore(kind, name, p);
    const connectMs = performance.now() - t;
    const page = await store.firstPage(PAGE_SIZE);
    const ms = performance.now() - t;
    shown = page;
    return { ms, connectMs, ids: page.map((e) => e.id) };
  },

  async search(query: string): Promise<{ ms: number; found: number }> {
    const t = performance.now();
    const found = await store!.search(query);
    return { ms: performance.now() - t, found };
  },

  /** `count` sequential saves of the newest entry, each durable with a revision, as autosave while typing. */
  async saves(count: number): Promise<{ ms: number }> {
    let entry = (shown as Awaited<ReturnType<BenchStore['firstPage']>>)[0]!;
    let text = mainText(entry);
    const t = performance.now();
    for (let i = 0; i < count; i++) {
      text = `${text} word${i}`;
      entry = await store!.save(entry, text);
    }
    return { ms: performance.now() - t };
  },

  /** SDK only: the passphrase lock over the whole journal (turn on, lock, unlock, search while unlocked). */
  async lock(): Promise<Record<string, number>> {
    const live = store!.program!;
    const lock = journalLock(live);
    let t = performance.now();
    await lock.enable('benchmark passphrase words', { autoLockMinutes: null });
    const on = performance.now() - t;
    await lock.lock();
    t = performance.now();
    await lock.unlock('benchmark passphrase words');
    const unlock = performance.now() - t;
    t = performance.now();
    await live.journal.query({ query: 'cafe' });
    return { on, unlock, search: performance.now() - t };
  },

  close(): void {
    store?.close();
    store = undefined;
    shown = undefined;
  },
};

declare global {
  interface Window {
    bench: typeof api;
  }
}
window.bench = api;
