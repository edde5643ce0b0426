/**
 * Runs in headless Chromium (see scripts/bench.mjs). Each measurement uses a fresh database, so
 * runs do not warm each other's caches more than a real second visit would.
 */
import { openDB, type IDBPDatabase } from 'idb';
import '../src/elements/reflection-journal/define.js';
import type { CompassionProgramElement } from '../src/elements/compassion-program/compassion-program.js';
import type { ReflectionJournal } from '../src/elements/reflection-journal/reflection-journal.js';
import { journalLock } from '../src/sdk/crypto/journal-lock.js';
import { openProgram, type CompassionProgram } from '../src/sdk/program.js';
import type { Program } from '../src/sdk/content/types.js';
import type { JournalEntry } from '../src/sdk/store/records.js';
import { STORES, databaseName } from '../src/sdk/store/schema.js';
import { backupOf, makeEntries } from '../test/fixtures/journal-entries.js';

export interface Sample {
  sdk: number;
  baseline?: number;
}
export type Results = Record<string, Sample>;

const stage = document.getElementById('stage')!;
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
let seq = 0;

async function loadProgram(): Promise<Program> {
  const p = (await (await fetch('/content/default/program.json')).json()) as Program;
  return { ...p, id: `bench-${Date.now().toString(36)}-${seq++}` };
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });
}

/** A plain idb database with the same stores and indexes as the SDK's, for a fair baseline. */
function openBaseline(name: string): Promise<IDBPDatabase> {
  return openDB(name, 1, {
    upgrade(db) {
      const s = db.createObjectStore('entries', { keyPath: STORES.entries.keyPath });
      for (const [index, spec] of Object.entries(STORES.entries.indexes)) s.createIndex(index, spec.keyPath, { multiEntry: spec.multiEntry ?? false });
    },
  });
}

async function until<T>(check: () => T | undefined | null | false): Promise<T> {
  for (;;) {
    const v = check();
    if (v) return v;
    await frame();
  }
}

function textOf(e: JournalEntry): string {
  return [e.title, ...e.tags, ...Object.values(e.fields).flatMap((v) => (v === null ? [] : Array.isArray(v) ? v : [String(v)]))].join('\n').toLowerCase();
}

async function run(count: number, singles: number): Promise<Results> {
  const results: Results = {};
  const entries = makeEntries(count);
  const program = await loadProgram();

  // 1. Bulk import: the SDK validates every record and checks duplicates, in one durable transaction.
  const sdk = await openProgram({ program });
  let t = performance.now();
  await sdk.backup.import(backupOf(program.id, entries));
  const importMs = performance.now() - t;
  const baseName = `${program.id}-baseline`;
  const base = await openBaseline(baseName);
  t = performance.now();
  const tx = base.transaction('entries', 'readwrite', { durability: 'strict' });
  for (const e of entries) void tx.store.put(e);
  await tx.done;
  results['bulk import (one durable transaction)'] = { sdk: importMs, baseline: performance.now() - t };
  base.close();
  sdk.close();

  // 2. First rendered page of the list, from a cold start (open storage, read, sort, render).
  t = performance.now();
  const provider = document.createElement('compassion-program') as CompassionProgramElement;
  provider.program = program;
  const journal = document.createElement('reflection-journal') as ReflectionJournal;
  provider.append(journal);
  stage.append(provider);
  await until(() => journal.shadowRoot?.querySelector('.card'));
  await frame();
  const firstPageMs = performance.now() - t;
  t = performance.now();
  const plain = await openDB(databaseName(program.id));
  const rows = (await plain.getAll('entries')) as JournalEntry[];
  rows.sort((a, b) => b.updatedAt - a.updatedAt);
  const list = document.createElement('ul');
  for (const e of rows.slice(0, 50)) {
    const li = document.createElement('li');
    li.textContent = `${e.title || e.templateId} ${new Date(e.createdAt).toLocaleString()}`;
    list.append(li);
  }
  stage.append(list);
  await frame();
  results['first page of the list rendered (cold)'] = { sdk: firstPageMs, baseline: performance.now() - t };
  list.remove();

  // 3. Search for a word: the SDK folds case and accents over the loaded journal; the baseline reads and lower-cases.
  const live = provider.sdk as CompassionProgram;
  t = performance.now();
  const found = live.journal.list({ query: 'café' }).length;
  const coldSearch = performance.now() - t;
  t = performance.now();
  const baseFound = ((await plain.getAll('entries')) as JournalEntry[]).filter((e) => textOf(e).includes('café')).length;
  results[`search "café" (first search; ${found} found)`] = { sdk: coldSearch, baseline: performance.now() - t };
  if (baseFound !== found) console.warn(`baseline found ${baseFound}, SDK ${found}`);
  t = performance.now();
  const rain = live.journal.list({ query: 'rain' }).length;
  const warmSearch = performance.now() - t;
  t = performance.now();
  ((await plain.getAll('entries')) as JournalEntry[]).filter((e) => textOf(e).includes('rain'));
  results[`search "rain" (a later search; ${rain} found)`] = { sdk: warmSearch, baseline: performance.now() - t };

  // 4. The same search typed into the element, until its first page of results is on screen.
  const search = journal.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
  t = performance.now();
  search.value = 'morning';
  search.dispatchEvent(new Event('input'));
  await until(() => journal.shadowRoot!.querySelector('.result-count')?.textContent?.includes('match'));
  await frame();
  const elementSearch = performance.now() - t;
  t = performance.now();
  const hits = ((await plain.getAll('entries')) as JournalEntry[]).filter((e) => textOf(e).includes('morning'));
  const ul = document.createElement('ul');
  for (const e of hits.slice(0, 50)) ul.append(Object.assign(document.createElement('li'), { textContent: e.title || e.templateId }));
  stage.append(ul);
  await frame();
  results['search typed in the element, results rendered'] = { sdk: elementSearch, baseline: performance.now() - t };
  ul.remove();
  plain.close();

  // 5. Autosave as the participant types in an open entry: each save is its own durable
  //    transaction with a revision and a conflict check.
  search.value = '';
  search.dispatchEvent(new Event('input'));
  await frame();
  journal.shadowRoot!.querySelector<HTMLButtonElement>('.card-title button')!.click();
  const area = await until(() => journal.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea'));
  t = performance.now();
  for (let i = 0; i < singles; i++) {
    area.value = `${area.value} word${i}`;
    area.dispatchEvent(new Event('input'));
    await journal.save();
  }
  const singleMs = performance.now() - t;
  if (!journal.saveStateText.startsWith('Saved at')) console.warn(`autosave ended in "${journal.saveStateText}"`);
  const single = await openBaseline(`${baseName}-single`);
  let doc = { ...entries[0]! };
  t = performance.now();
  for (let i = 0; i < singles; i++) {
    doc = { ...doc, fields: { reflection: `${String(doc.fields.reflection)} word${i}` } };
    const stx = single.transaction('entries', 'readwrite', { durability: 'strict' });
    await stx.store.put(doc);
    await stx.done;
  }
  results[`${singles} saves typed in the element (each durable, with a revision)`] = { sdk: singleMs, baseline: performance.now() - t };
  single.close();

  // 6. The passphrase lock on the whole journal (no plain-idb equivalent).
  const lock = journalLock(live);
  t = performance.now();
  await lock.enable('benchmark passphrase words', { autoLockMinutes: null });
  results[`lock on: encrypt ${count + singles} entries (incl. PBKDF2)`] = { sdk: performance.now() - t };
  await lock.lock();
  t = performance.now();
  await lock.unlock('benchmark passphrase words');
  results[`unlock: open ${count + singles} entries (incl. PBKDF2)`] = { sdk: performance.now() - t };
  t = performance.now();
  live.journal.list({ query: 'café' });
  results['search "café" while unlocked'] = { sdk: performance.now() - t };

  provider.remove();
  live.close();
  for (const name of [databaseName(program.id), baseName, `${baseName}-single`]) await deleteDb(name);
  return results;
}

declare global {
  interface Window {
    runBench(count: number, singles: number): Promise<Results>;
  }
}
window.runBench = run;
