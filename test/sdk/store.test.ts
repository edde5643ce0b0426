import { expect } from 'chai';
import {
  CompassionProgram,
  ConflictError,
  DB_VERSION,
  ProgramContent,
  REVISIONS_KEPT,
  StorageError,
  databaseName,
  openProgram,
  validateProgram,
  type CompassionEventMap,
  type JournalEntry,
  type StorageStatus,
} from '../../src/sdk/index.js';
import { waitFor } from '../helpers/fixture.js';
import { deleteDatabase, makeProgram } from '../fixtures/programs.js';

const opened: CompassionProgram[] = [];
const databases = new Set<string>();

async function open(programOverrides = {}, options: { storage?: 'memory' | 'indexeddb'; openTimeoutMs?: number } = {}): Promise<CompassionProgram> {
  const program = makeProgram(2, programOverrides);
  databases.add(databaseName(program.id));
  const sdk = await openProgram({ program, ...options });
  opened.push(sdk);
  return sdk;
}

/** A second SDK object on the same program and database, as a second tab or widget would have. */
async function twin(sdk: CompassionProgram): Promise<CompassionProgram> {
  const other = new CompassionProgram(new ProgramContent(sdk.content.program, undefined));
  await other.ready;
  opened.push(other);
  return other;
}

function collect<K extends keyof CompassionEventMap>(sdk: CompassionProgram, type: K): CompassionEventMap[K][] {
  const events: CompassionEventMap[K][] = [];
  sdk.addEventListener(type, (e) => events.push(e));
  return events;
}

/** Reads every record of a store with the plain IndexedDB API: what is really on disk. */
async function rawRecords(dbName: string, store: string): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(dbName);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  } finally {
    db.close();
  }
}

afterEach(async () => {
  for (const sdk of opened.splice(0)) sdk.close();
  for (const name of databases) await deleteDatabase(name);
  databases.clear();
});

describe('journal store', () => {
  it('creates, reads, updates and lists entries newest first', async () => {
    const sdk = await open();
    await sdk.journal.load();
    const a = await sdk.journal.save({ templateId: 'free', title: 'First', fields: { body: 'one' } });
    const b = await sdk.journal.save({ templateId: 'free', title: 'Second', fields: { body: 'two' } });
    expect(a.revision).to.equal(1);
    expect((await sdk.journal.get(a.id))!.fields.body).to.equal('one');
    const updated = await sdk.journal.save({ ...a, fields: { body: 'one, edited' } });
    expect(updated.revision).to.equal(2);
    expect(updated.createdAt).to.equal(a.createdAt);
    expect(sdk.journal.snapshot.entries.map((e) => e.id)).to.deep.equal([a.id, b.id]);
  });

  it('moves a deleted entry to "recently deleted", restores it, and purges it for good', async () => {
    const sdk = await open();
    await sdk.journal.load();
    const e = await sdk.journal.save({ templateId: 'free', fields: { body: 'keep me' } });
    await sdk.journal.delete(e.id);
    expect(sdk.journal.snapshot.entries).to.have.length(0);
    expect(sdk.journal.snapshot.deleted.map((d) => d.id)).to.deep.equal([e.id]);
    await sdk.journal.restore(e.id);
    expect(sdk.journal.snapshot.entries.map((d) => d.id)).to.deep.equal([e.id]);
    expect(sdk.journal.snapshot.entries[0]!.deletedAt).to.equal(undefined);
    await sdk.journal.purge(e.id);
    expect(await sdk.journal.get(e.id)).to.equal(undefined);
    expect(await sdk.journal.revisions(e.id)).to.deep.equal([]);
  });

  it('finds entries by each index: template, week and tag', async () => {
    const sdk = await open();
    await sdk.journal.save({ id: 'x', templateId: 'free', weekId: 'week-1', tags: ['calm', 'home'], fields: { body: '' } });
    await sdk.journal.save({ id: 'y', templateId: 'letter', weekId: 'week-2', tags: ['home'], fields: { body: '' } });
    const ids = (list: JournalEntry[]) => list.map((e) => e.id).sort();
    expect(ids(await sdk.journal.find({ templateId: 'letter' }))).to.deep.equal(['y']);
    expect(ids(await sdk.journal.find({ weekId: 'week-1' }))).to.deep.equal(['x']);
    expect(ids(await sdk.journal.find({ tag: 'home' }))).to.deep.equal(['x', 'y']);
    expect(ids(await sdk.journal.find({ tag: 'calm' }))).to.deep.equal(['x']);
  });

  it('searches case- and accent-insensitively across title, fields and tags', async () => {
    const sdk = await open();
    await sdk.journal.load();
    await sdk.journal.save({ id: 'a', templateId: 'free', title: 'Café evening', fields: { body: 'I felt CALM' } });
    await sdk.journal.save({ id: 'b', templateId: 'free', title: 'Other', fields: { body: 'busy' }, tags: ['Zoë'] });
    expect(sdk.journal.list({ query: 'cafe calm' }).map((e) => e.id)).to.deep.equal(['a']);
    expect(sdk.journal.list({ query: 'zoe' }).map((e) => e.id)).to.deep.equal(['b']);
    expect(sdk.journal.list({ query: 'nothing here' })).to.deep.equal([]);
  });

  it(`keeps the last ${REVISIONS_KEPT} revisions and restores an old one as a new revision`, async () => {
    const sdk = await open();
    let e = await sdk.journal.save({ templateId: 'free', fields: { body: 'v1' } });
    for (let i = 2; i <= REVISIONS_KEPT + 5; i++) e = await sdk.journal.save({ ...e, fields: { body: `v${i}` } });
    const revisions = await sdk.journal.revisions(e.id);
    expect(revisions).to.have.length(REVISIONS_KEPT);
    expect(revisions[0]!.fields.body).to.equal(`v${REVISIONS_KEPT + 5}`);
    expect(revisions.at(-1)!.revision).to.equal(6);
    const restored = await sdk.journal.restoreRevision(e.id, 6);
    expect(restored.fields.body).to.equal('v6');
    expect(restored.revision).to.equal(REVISIONS_KEPT + 6);
  });

  it('writes journal entries in a read-write transaction with strict durability', async () => {
    const sdk = await open();
    const seen: { mode?: string; durability?: string; stores: string[] }[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      seen.push({ mode, durability: options?.durability, stores: [stores].flat() });
      return original.call(this, stores, mode, options);
    } as typeof original;
    try {
      await sdk.journal.save({ templateId: 'free', fields: { body: 'hello' } });
      await sdk.progress.complete('w1-read');
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    const writes = seen.filter((s) => s.mode === 'readwrite');
    expect(writes.length).to.be.greaterThan(1);
    expect(writes.every((w) => w.durability === 'strict')).to.equal(true);
    expect(writes.some((w) => w.stores.includes('entries'))).to.equal(true);
    expect(writes.some((w) => w.stores.includes('progress'))).to.equal(true);
  });

  it('refuses to overwrite an entry another tab saved in the meantime', async () => {
    const sdk = await open();
    const other = await twin(sdk);
    const e = await sdk.journal.save({ templateId: 'free', fields: { body: 'mine' } });
    await other.journal.save({ ...e, fields: { body: 'theirs' } }, { expectedRevision: 1 });
    const error = await sdk.journal.save({ ...e, fields: { body: 'mine, edited' } }, { expectedRevision: 1 }).catch((x) => x);
    expect(error).to.be.instanceOf(ConflictError);
    expect((error as ConflictError).storedRevision).to.equal(2);
    expect((await sdk.journal.get(e.id))!.fields.body).to.equal('theirs');
    const kept = await sdk.journal.save({ ...e, fields: { body: 'mine, kept' } }, { expectedRevision: 1, force: true });
    expect(kept.revision).to.equal(3);
  });

  it('keeps every revision in order when another tab saves between two of this tab\'s saves of a shown entry', async () => {
    // A shown entry's save writes while it reads, taking the entry this tab holds to be the stored
    // one; when another tab has saved since, that guess must leave nothing behind.
    const sdk = await open();
    await sdk.journal.load();
    const other = await twin(sdk);
    let e = await sdk.journal.save({ templateId: 'free', fields: { body: 'one' } });
    e = await sdk.journal.save({ ...e, fields: { body: 'two' } }, { expectedRevision: e.revision });
    e = await sdk.journal.save({ ...e, fields: { body: 'three' } }, { expectedRevision: e.revision });
    expect(e.revision).to.equal(3);
    expect(sdk.journal.snapshot.entries.find((x) => x.id === e.id)?.fields.body).to.equal('three');
    const theirs = await other.journal.save({ ...e, fields: { body: 'theirs' } }, { expectedRevision: 3 });
    expect(theirs.revision).to.equal(4);
    const error = await sdk.journal.save({ ...e, fields: { body: 'mine' } }, { expectedRevision: 3 }).catch((x: unknown) => x);
    expect(error).to.be.instanceOf(ConflictError);
    expect((await sdk.journal.get(e.id))!.fields.body).to.equal('theirs');
    const kept = await sdk.journal.save({ ...e, fields: { body: 'mine after all' } });
    expect(kept.revision).to.equal(5);
    const revisions = await other.journal.revisions(e.id);
    expect(revisions.map((r) => [r.revision, r.fields.body]).sort((a, b) => Number(a[0]) - Number(b[0]))).to.deep.equal([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
      [4, 'theirs'],
      [5, 'mine after all'],
    ]);
    expect((await other.journal.get(e.id))!.fields.body).to.equal('mine after all');
  });

  it('fires ck-entry-saved with ids and counts only, never the text', async () => {
    const sdk = await open();
    const events = collect(sdk, 'ck-entry-saved');
    const e = await sdk.journal.save({ templateId: 'free', title: 'secret title', weekId: 'week-1', fields: { body: 'secret text' } });
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.include({ entryId: e.id, templateId: 'free', revision: 1, created: true, weekId: 'week-1' });
    expect(JSON.stringify(events[0]!.detail)).not.to.match(/secret/);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
  });

  it('asks the browser to persist storage after the first saved entry', async () => {
    const sdk = await open();
    let asked = 0;
    const original = navigator.storage.persist;
    navigator.storage.persist = function (this: StorageManager) {
      asked++;
      return original.call(this);
    };
    try {
      await sdk.journal.save({ templateId: 'free', fields: { body: 'first' } });
      await waitFor(() => asked > 0, 'a persist() request');
      expect(typeof sdk.storage.snapshot.persisted).to.equal('boolean');
    } finally {
      navigator.storage.persist = original;
    }
  });
});

describe('two store instances on one page', () => {
  it('see each other\'s journal, progress and practice changes', async () => {
    const a = await open();
    const b = await twin(a);
    await b.journal.load();
    await a.journal.save({ id: 'shared', templateId: 'free', fields: { body: 'from a' } });
    await waitFor(() => b.journal.snapshot.entries.some((e) => e.id === 'shared'), 'B to see A\'s entry');
    await a.progress.complete('w1-read');
    await waitFor(() => b.progress.isComplete('w1-read'), 'B to see A\'s progress');
    await a.practice.log({ mode: 'timer', startedAt: Date.now() - 60000, endedAt: Date.now(), seconds: 60 });
    await waitFor(() => b.practice.snapshot.sessions.length === 1, 'B to see A\'s practice');
  });
});

describe('progress and practice', () => {
  it('fires step, week and program completion once each, and keeps progress across instances', async () => {
    const sdk = await open({ weeks: makeProgram(1).weeks });
    const steps = collect(sdk, 'ck-step-complete');
    const weeks = collect(sdk, 'ck-week-complete');
    const done = collect(sdk, 'ck-program-complete');
    const ids = sdk.content.program.weeks[0]!.steps.map((s) => s.id);
    for (const id of ids) await sdk.progress.complete(id);
    await sdk.progress.complete(ids[0]!);
    expect(steps.map((e) => e.detail.completedSteps)).to.deep.equal([1, 2, 3, 4, 4]);
    expect(weeks.map((e) => e.detail.weekNumber)).to.deep.equal([1]);
    expect(done).to.have.length(1);
    const again = await twin(sdk);
    expect([...again.progress.snapshot.completed.keys()].sort()).to.deep.equal([...ids].sort());
  });

  it('continues at the last visited step, else the first step not done', async () => {
    const sdk = await open();
    expect(sdk.progress.continueStepId).to.equal('w1-read');
    await sdk.progress.complete('w1-read');
    expect(sdk.progress.continueStepId).to.equal('w1-meditate');
    await sdk.progress.visit('w2-reflect-1');
    expect((await twin(sdk)).progress.continueStepId).to.equal('w2-reflect-1');
  });

  it('keeps a note on a practice step and rejects unknown steps clearly', async () => {
    const sdk = await open();
    await sdk.progress.complete('w1-practice', { note: 'walked slowly' });
    expect(sdk.progress.snapshot.completed.get('w1-practice')!.note).to.equal('walked slowly');
    const error = await sdk.progress.complete('w9-nope').catch((e) => e);
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).message).to.contain('"w9-nope"');
  });

  it('logs practice with minutes in the event and gentle weekly statistics', async () => {
    const sdk = await open();
    const logged = collect(sdk, 'ck-practice-logged');
    const now = Date.now();
    await sdk.practice.log({ mode: 'guided', meditationId: 'short', startedAt: now - 400000, endedAt: now, seconds: 390 });
    await sdk.practice.log({ mode: 'timer', startedAt: now - 30 * 86400000, endedAt: now - 30 * 86400000 + 600000, seconds: 600 });
    expect(logged.map((e) => e.detail.minutes)).to.deep.equal([7, 10]);
    expect(sdk.practice.stats(new Date(now))).to.deep.equal({ minutesThisWeek: 7, sessionsThisWeek: 1, minutesTotal: 17, sessionsTotal: 2 });
  });

  it('remembers the playback position of each meditation', async () => {
    const sdk = await open();
    await sdk.playback.save('short', 3.5, 6);
    expect((await (await twin(sdk)).playback.get('short'))!.position).to.equal(3.5);
    await sdk.playback.clear('short');
    expect(await sdk.playback.get('short')).to.equal(undefined);
  });
});

describe('storage fallback and upgrades', () => {
  const originalOpen = IDBFactory.prototype.open;
  afterEach(() => {
    IDBFactory.prototype.open = originalOpen;
  });

  it('falls back to memory, says why, and still works when indexedDB.open throws', async () => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    const sdk = await open();
    expect(sdk.storage.mode).to.equal('memory');
    expect(sdk.storage.snapshot.reason).to.match(/could not be opened/);
    const e = await sdk.journal.save({ templateId: 'free', fields: { body: 'kept in memory' } });
    expect((await sdk.journal.get(e.id))!.fields.body).to.equal('kept in memory');
  });

  it('falls back to memory within the timeout when indexedDB.open never answers', async () => {
    IDBFactory.prototype.open = function () {
      // A real event target dressed as an open request that never fires success, error or blocked.
      return Object.setPrototypeOf(new EventTarget(), IDBOpenDBRequest.prototype) as IDBOpenDBRequest;
    };
    const start = performance.now();
    const sdk = await open({}, { openTimeoutMs: 400 });
    expect(sdk.storage.mode).to.equal('memory');
    expect(sdk.storage.snapshot.reason).to.match(/did not open within/);
    expect(performance.now() - start).to.be.lessThan(4000);
  });

  it('uses memory when asked to, and reports it', async () => {
    const sdk = await open({}, { storage: 'memory' });
    expect(sdk.storage.snapshot).to.include({ mode: 'memory', blocked: false });
  });

  it('reports "outdated" when another tab upgrades the database, and refuses writes until reload', async () => {
    const sdk = await open();
    const statuses: StorageStatus[] = [];
    sdk.storage.subscribe((s) => statuses.push(s));
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(databaseName(sdk.id), DB_VERSION + 1);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    newer.close();
    await waitFor(() => sdk.storage.snapshot.outdated, 'the outdated status');
    const error = await sdk.journal.save({ templateId: 'free', fields: { body: 'x' } }).catch((e) => e);
    expect((error as StorageError).code).to.equal('version-too-new');
    expect(statuses.some((s) => s.outdated)).to.equal(true);
  });

  it('reports "blocked" while an old connection in another tab holds up the upgrade', async () => {
    const program = makeProgram();
    databases.add(databaseName(program.id));
    // An "old tab": version 1, and it ignores versionchange.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open(databaseName(program.id), 1);
      r.onupgradeneeded = () => r.result.createObjectStore('entries', { keyPath: 'id' });
      r.onsuccess = () => resolve(r.result);
    });
    const sdk = new CompassionProgram(new ProgramContent(validateProgram(program).program, undefined), { openTimeoutMs: 10000 });
    opened.push(sdk);
    await waitFor(() => sdk.storage.snapshot.blocked, 'the blocked status');
    old.close();
    await sdk.ready;
    expect(sdk.storage.snapshot).to.include({ blocked: false, mode: 'indexeddb' });
  });
});

describe('migrations', () => {
  it('opens a version 1 database and keeps every record, moving entry text into fields', async () => {
    const fixture = await (await fetch('/test/fixtures/db-v1.json')).json();
    const program = makeProgram(2);
    const name = databaseName(program.id);
    databases.add(name);
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => {
        const db = r.result;
        db.createObjectStore('entries', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        db.createObjectStore('progress', { keyPath: 'stepId' });
        db.createObjectStore('settings', { keyPath: 'key' });
        for (const store of ['entries', 'progress', 'settings']) for (const rec of fixture[store]) r.transaction!.objectStore(store).put(rec);
      };
      r.onsuccess = () => {
        r.result.close();
        resolve();
      };
      r.onerror = () => reject(r.error);
    });
    const sdk = await openProgram({ program });
    opened.push(sdk);
    const { entries } = await sdk.journal.load();
    expect(entries.map((e) => e.id).sort()).to.deep.equal(['e1', 'e2', 'e3']);
    for (const old of fixture.entries) {
      const e = entries.find((x) => x.id === old.id)!;
      expect(e.fields.body).to.equal(old.text);
      expect(e.title).to.equal(old.title);
      expect(e.updatedAt).to.equal(old.updatedAt);
    }
    expect([...sdk.progress.snapshot.completed.keys()].sort()).to.deep.equal(['w1-practice', 'w1-read']);
    expect(sdk.progress.snapshot.completed.get('w1-practice')).to.include({ weekId: 'week-1', note: 'did it twice' });
    expect(sdk.progress.snapshot.lastStepId).to.equal('w2-read');
    expect(await sdk.journal.find({ templateId: 'free-reflection' })).to.have.length(3);
  });
});

describe('migrations from version 2', () => {
  it('opens a version 2 database, keeps every record, and prunes by keys while never pruning a labelled copy', async () => {
    const fixture = await (await fetch('/test/fixtures/db-v2.json')).json();
    const stores = ['entries', 'revisions', 'progress', 'practice', 'playback', 'settings', 'quarantine'] as const;
    const program = makeProgram(2);
    const name = databaseName(program.id);
    databases.add(name);
    // The version 2 layout as it shipped: every store and index of today except revisions' `label`.
    const v2: Record<string, { keyPath: string; indexes: [string, string, boolean?][] }> = {
      entries: { keyPath: 'id', indexes: [['updatedAt', 'updatedAt'], ['templateId', 'templateId'], ['weekId', 'weekId'], ['tags', 'tags', true]] },
      revisions: { keyPath: 'key', indexes: [['entryId', 'entryId']] },
      progress: { keyPath: 'stepId', indexes: [['weekId', 'weekId']] },
      practice: { keyPath: 'id', indexes: [['startedAt', 'startedAt'], ['meditationId', 'meditationId']] },
      playback: { keyPath: 'meditationId', indexes: [] },
      settings: { keyPath: 'key', indexes: [] },
      quarantine: { keyPath: 'id', indexes: [] },
    };
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.open(name, 2);
      r.onupgradeneeded = () => {
        for (const store of stores) {
          const os = r.result.createObjectStore(store, { keyPath: v2[store]!.keyPath });
          for (const [index, keyPath, multiEntry] of v2[store]!.indexes) os.createIndex(index, keyPath, { multiEntry: !!multiEntry });
          for (const rec of fixture[store]) os.put(rec);
        }
      };
      r.onsuccess = () => {
        r.result.close();
        resolve();
      };
      r.onerror = () => reject(r.error);
    });
    const sdk = await openProgram({ program });
    opened.push(sdk);
    await sdk.journal.load();
    sdk.close();
    opened.pop();

    // Every record is still there, unchanged; the label index holds exactly the labelled copy, deletedAt the deleted entry.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      expect(raw.version).to.equal(4);
      const all = (store: string, index?: string) =>
        new Promise<unknown[]>((resolve) => {
          const os = raw.transaction(store).objectStore(store);
          const req = index ? os.index(index).getAll() : os.getAll();
          req.onsuccess = () => resolve(req.result);
        });
      for (const store of stores) {
        const byKey = (list: unknown[]) => JSON.stringify([...list].map((r) => JSON.stringify(r)).sort());
        expect(byKey(await all(store)), store).to.equal(byKey(fixture[store]));
      }
      expect(((await all('revisions', 'label')) as { key: string }[]).map((r) => r.key)).to.deep.equal(['e1:2']);
      expect(((await all('entries', 'deletedAt')) as { id: string }[]).map((r) => r.id)).to.deep.equal(['e3']);
    } finally {
      raw.close();
    }

    // A save keeps 20 ordinary revisions (drops the oldest, 3) and the conflict copy.
    const again = await openProgram({ program });
    opened.push(again);
    await again.journal.load();
    const saved = await again.journal.save({ id: 'e1', templateId: 'free-reflection', title: 'Evening', fields: { body: 'Revision 23' } }, { expectedRevision: 22 });
    expect(saved.revision).to.equal(23);
    const kept = await again.journal.revisions('e1');
    expect(kept.map((r) => r.revision).sort((a, b) => a - b)).to.deep.equal([2, ...Array.from({ length: 20 }, (_, i) => i + 4)]);
    expect(kept.find((r) => r.revision === 2)!.label).to.equal('conflict-copy');
  });
});

describe('backup', () => {
  const tricky = ['emoji 🌱🫶🏽 family 👨‍👩‍👧', 'עברית ومرحبا mixed RTL', 'zero\u200bwidth\u200d\u2060joiners\ufeff', 'x'.repeat(1024 * 1024)];

  it('reports an import\'s progress up to every record written, and writes them all', async () => {
    const sdk = await open();
    for (let i = 0; i < 250; i++) await sdk.journal.save({ id: `p${i}`, templateId: 'free', title: `Entry ${i}`, fields: { body: `café ${i}` } });
    const text = await sdk.backup.exportText();
    await sdk.backup.erase();
    const reports: [number, number][] = [];
    const report = await sdk.backup.import(text, { onProgress: (done, total) => reports.push([done, total]) });
    expect(report.written.entries).to.equal(250);
    const total = reports[0]![1];
    expect(reports[0]).to.deep.equal([0, total]);
    expect(reports.at(-1)).to.deep.equal([total, total]);
    // Every entry and its revision at least; reported in steps, never backwards.
    expect(total).to.be.at.least(500);
    expect(reports.length).to.be.within(3, 102);
    expect(reports.map(([d]) => d)).to.deep.equal(reports.map(([d]) => d).sort((a, b) => a - b));
    expect((await sdk.journal.query()).total).to.equal(250);
    expect((await sdk.journal.query({}, Infinity)).entries).to.have.length(250);
  });

  it('round-trips byte-exact through export, erase and import: emoji, RTL, zero-width characters, a 1 MB entry', async () => {
    const sdk = await open();
    for (const [i, body] of tricky.entries()) await sdk.journal.save({ id: `t${i}`, templateId: 'free', title: body.slice(0, 30), tags: ['ünïcode'], fields: { body } });
    await sdk.progress.complete('w1-read');
    const before = await sdk.backup.export();
    const text = await sdk.backup.exportText();
    await sdk.backup.erase();
    expect(await sdk.journal.get('t0')).to.equal(undefined);
    const report = await sdk.backup.import(text);
    expect(report.written.entries).to.equal(tricky.length);
    const after = await sdk.backup.export();
    expect(JSON.stringify(after.stores)).to.equal(JSON.stringify(before.stores));
    expect((await sdk.journal.get('t3'))!.fields.body).to.have.length(1024 * 1024);
    expect(sdk.progress.isComplete('w1-read')).to.equal(true);
  });

  it('quarantines exactly the one corrupt record by default and imports the rest', async () => {
    const sdk = await open();
    await sdk.journal.save({ id: 'good-1', templateId: 'free', fields: { body: 'a' } });
    await sdk.journal.save({ id: 'good-2', templateId: 'free', fields: { body: 'b' } });
    const doc = await sdk.backup.export();
    (doc.stores.entries![1] as unknown as Record<string, unknown>).revision = 'two';
    await sdk.backup.erase();
    const preview = await sdk.backup.preview(JSON.stringify(doc));
    expect(preview.counts.entries).to.equal(1);
    expect(preview.quarantined).to.deep.equal([{ store: 'entries', index: 1, id: 'good-2', reason: '"revision" must be a whole number ≥ 1' }]);
    const report = await sdk.backup.import(doc);
    expect(report.written.entries).to.equal(1);
    expect(await sdk.journal.get('good-1')).to.exist;
    expect(await sdk.journal.get('good-2')).to.equal(undefined);
    const kept = (await sdk.backup.export()).stores.quarantine!;
    expect(kept).to.have.length(1);
    expect((kept[0]!.record as { id: string }).id).to.equal('good-2');
  });

  it('with corrupt: "reject", refuses the whole import and writes nothing', async () => {
    const sdk = await open();
    await sdk.journal.save({ id: 'a', templateId: 'free', fields: { body: 'a' } });
    const doc = await sdk.backup.export();
    doc.stores.entries!.push({ id: 'b' } as unknown as JournalEntry);
    await sdk.backup.erase();
    const error = await sdk.backup.import(doc, { corrupt: 'reject' }).catch((e) => e);
    expect((error as StorageError).code).to.equal('invalid-backup');
    expect((error as StorageError).message).to.match(/entries\[1\].*Nothing was imported/);
    expect(await rawRecords(databaseName(sdk.id), 'entries')).to.deep.equal([]);
  });

  it('skips entries that are already here and reports them as duplicates', async () => {
    const sdk = await open();
    await sdk.journal.save({ id: 'same', templateId: 'free', fields: { body: 'a' } });
    const text = await sdk.backup.exportText();
    const preview = await sdk.backup.preview(text);
    expect(preview.duplicates).to.equal(1);
    expect(preview.dateRange!.from).to.be.a('number');
  });

  it('refuses a file that is not a backup, or belongs to another program, with a clear message', async () => {
    const sdk = await open();
    expect(((await sdk.backup.import('not json').catch((e) => e)) as StorageError).message).to.match(/not valid JSON/);
    expect(((await sdk.backup.import('{"format":"other"}').catch((e) => e)) as StorageError).message).to.match(/not a compassion-kit backup/);
    const doc = { ...(await sdk.backup.export()), programId: 'someone-else' };
    expect(((await sdk.backup.import(doc).catch((e) => e)) as StorageError).message).to.match(/belongs to program "someone-else"/);
  });
});
