import { expect } from 'chai';
import { PAGE_SIZE, type CompassionProgram, type JournalEntry, type JournalSnapshot } from '../../../src/sdk/index.js';
import { journalLock } from '../../../src/sdk/crypto/index.js';
import { backupOf, makeEntries } from '../../fixtures/journal-entries.js';
import { closeJournals, openJournal, twinOf } from '../../fixtures/journal-helpers.js';
import { waitFor } from '../../helpers/fixture.js';

afterEach(closeJournals);

/** A journal seeded with `count` entries (entry-i, newest last), of which those in `deleted` are in "recently deleted". */
async function seeded(count: number, deleted: readonly number[] = []) {
  const sdk = await openJournal();
  const entries: JournalEntry[] = makeEntries(count).map((e, i) => (deleted.includes(i) ? { ...e, deletedAt: e.updatedAt + 1 } : e));
  await sdk.backup.import(backupOf(sdk.id, entries));
  return { sdk, entries };
}

/** The snapshot once the live entries have been counted (after the first page). */
const counted = (sdk: CompassionProgram): Promise<JournalSnapshot> => waitFor(() => (sdk.journal.snapshot.counted ? sdk.journal.snapshot : undefined), 'the count');

const ids = (list: readonly JournalEntry[]) => list.map((e) => e.id);
const newest = (entries: readonly JournalEntry[], n: number) => ids([...entries].filter((e) => !e.deletedAt).reverse().slice(0, n));

describe('journal pages', () => {
  it('opens on the newest page of live entries, with the counts from indexes, and reads more on demand', async () => {
    const { sdk, entries } = await seeded(65, [64, 60, 3]);
    const other = await twinOf(sdk);
    const first = await other.journal.load();
    expect(ids(first.entries)).to.deep.equal(newest(entries, PAGE_SIZE));
    expect(first).to.include({ deletedCount: 3, hasMore: true });
    const s = await counted(other);
    expect(s).to.include({ total: 62, deletedCount: 3, hasMore: true });
    expect(s.deleted).to.have.length(0);
    await other.journal.loadMore();
    expect(ids(other.journal.snapshot.entries)).to.deep.equal(newest(entries, 40));
    await other.journal.loadMore(100);
    expect(ids(other.journal.snapshot.entries)).to.deep.equal(newest(entries, 62));
    expect(other.journal.snapshot.hasMore).to.equal(false);
    await other.journal.loadDeleted();
    expect(ids(other.journal.snapshot.deleted)).to.deep.equal(['entry-64', 'entry-60', 'entry-3']);
  });

  it('pages through entries that share one time (an import of copies made in one moment) without losing or repeating one', async () => {
    // 90 entries saved at the same millisecond, 7 of them deleted, between 10 older and 10 newer
    // ones: every read is cut inside the group, where only the ids tell the entries apart.
    const at = Date.UTC(2025, 5, 1);
    const entries: JournalEntry[] = makeEntries(110).map((e, i) => {
      const updatedAt = i < 10 ? at - 1000 + i : i < 100 ? at : at + i;
      return { ...e, id: `e-${String(i).padStart(3, '0')}`, updatedAt, createdAt: updatedAt, ...(i % 13 === 5 ? { deletedAt: updatedAt } : {}) };
    });
    const sdk = await openJournal();
    await sdk.backup.import(backupOf(sdk.id, entries));
    const live = entries.filter((e) => !e.deletedAt);
    // Newest first; among equal times, the highest id first (the index's own order).
    const expected = ids([...live].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)));
    // Read on in small steps, and in one long read that takes several batches.
    const other = await twinOf(sdk);
    await other.journal.load();
    while (other.journal.snapshot.hasMore) await other.journal.loadMore(17);
    expect(ids(other.journal.snapshot.entries)).to.deep.equal(expected);
    const third = await twinOf(sdk);
    await third.journal.load();
    await third.journal.loadMore(200);
    expect(ids(third.journal.snapshot.entries)).to.deep.equal(expected);
    await other.journal.loadDeleted();
    expect([...ids(other.journal.snapshot.deleted)].sort()).to.deep.equal(ids(entries.filter((e) => e.deletedAt)).sort());
  });

  it('keeps the counts and the page right through saves, deletes, restores and purges', async () => {
    const { sdk } = await seeded(30);
    await counted(sdk);
    const made = await sdk.journal.save({ templateId: 'free-reflection', title: 'New', fields: { reflection: 'new words' } });
    expect(sdk.journal.snapshot.entries[0]!.id).to.equal(made.id);
    expect(sdk.journal.snapshot.total).to.equal(31);
    await sdk.journal.delete('entry-2');
    expect(sdk.journal.snapshot).to.include({ total: 30, deletedCount: 1 });
    expect(ids(sdk.journal.snapshot.deleted)).to.deep.equal(['entry-2']);
    await sdk.journal.restore('entry-2');
    expect(sdk.journal.snapshot).to.include({ total: 31, deletedCount: 0 });
    await sdk.journal.delete(made.id);
    await sdk.journal.purge(made.id);
    expect(sdk.journal.snapshot).to.include({ total: 30, deletedCount: 0 });
    expect(ids(sdk.journal.snapshot.entries)).to.not.include(made.id);
  });

  it('filters the whole journal by template, week and tag from their indexes, newest first', async () => {
    const { sdk, entries } = await seeded(120, [119, 115]);
    const live = [...entries].filter((e) => !e.deletedAt).reverse();
    const byTemplate = await sdk.journal.query({ templateId: 'self-criticism-log' }, 5);
    const expected = live.filter((e) => e.templateId === 'self-criticism-log');
    expect(byTemplate.total).to.equal(expected.length);
    expect(ids(byTemplate.entries)).to.deep.equal(ids(expected.slice(0, 5)));
    const both = await sdk.journal.query({ weekId: 'week-3', tag: 'body' }, Infinity);
    expect(ids(both.entries)).to.deep.equal(ids(live.filter((e) => e.weekId === 'week-3' && e.tags.includes('body'))));
    expect(await sdk.journal.tags()).to.deep.equal(['body', 'family', 'friends', 'sleep', 'work']);
    expect(ids(await sdk.journal.find({ tag: 'sleep' }))).to.deep.equal(ids(live.filter((e) => e.tags.includes('sleep'))));
  });

  it('searches every entry, not only those read, accent-insensitively, and follows later writes', async () => {
    const { sdk } = await seeded(300, [194]);
    await sdk.journal.load();
    expect(sdk.journal.snapshot.entries).to.have.length(PAGE_SIZE);
    const found = await sdk.journal.query({ query: 'ZOE CAFÉ' });
    // Every 97th entry mentions Zoë and the café: 0, 97, 194 (deleted) and 291.
    expect(ids(found.entries)).to.deep.equal(['entry-291', 'entry-97', 'entry-0']);
    expect(found.total).to.equal(3);
    const saved = await sdk.journal.save({ templateId: 'free-reflection', title: '', fields: { reflection: 'Zoë came to the cafe today' } });
    expect(ids((await sdk.journal.query({ query: 'zoe cafe' })).entries)).to.deep.equal([saved.id, 'entry-291', 'entry-97', 'entry-0']);
    await sdk.journal.delete('entry-97');
    expect((await sdk.journal.query({ query: 'zoe cafe' })).total).to.equal(3);
    await sdk.journal.purge(saved.id);
    expect(ids((await sdk.journal.query({ query: 'zoe cafe', templateId: 'free-reflection' }, Infinity)).entries)).to.deep.equal(['entry-0']);
    expect(sdk.journal.snapshot.entries.length).to.be.below(30);
  });

  it("sees another tab's writes in a search after it reloads", async () => {
    const { sdk } = await seeded(40);
    const other = await twinOf(sdk);
    await other.journal.load();
    expect((await other.journal.query({ query: 'heron' })).total).to.equal(0);
    await sdk.journal.save({ templateId: 'free-reflection', title: 'A heron', fields: { reflection: 'by the river' } });
    await other.journal.reload();
    expect((await other.journal.query({ query: 'heron' })).total).to.equal(1);
    expect((await counted(other)).total).to.equal(41);
  });

  it("reads a step's entries from the step index, and an entry by id, into the snapshot", async () => {
    const { sdk } = await seeded(50);
    const old = await sdk.journal.save({ id: 'entry-1', templateId: 'free-reflection', title: '', fields: { reflection: 'answer' }, stepId: 'w1-reflect' });
    await sdk.journal.save({ id: 'entry-0', templateId: 'free-reflection', title: '', fields: { reflection: 'later' }, weekId: 'week-1' });
    const other = await twinOf(sdk);
    await other.journal.load();
    expect(ids(await other.journal.forStep('w1-reflect'))).to.deep.equal([old.id]);
    expect(ids(other.journal.snapshot.entries)).to.include(old.id);
    const opened = await other.journal.open('entry-20');
    expect(opened?.id).to.equal('entry-20');
    expect(ids(other.journal.snapshot.entries)).to.include('entry-20');
    // Held entries stay through a reload.
    await other.journal.reload();
    expect(ids(other.journal.snapshot.entries)).to.include.members(['entry-20', old.id]);
  });

  it('with the lock unlocked, opens only the entries read; search decrypts in memory and stores no plaintext index', async () => {
    const { sdk, entries } = await seeded(45);
    await sdk.journal.load();
    const lock = journalLock(sdk);
    await lock.enable('correct horse battery staple', { autoLockMinutes: null });
    const other = await twinOf(sdk);
    await journalLock(other).unlock('correct horse battery staple');
    const s = other.journal.snapshot;
    expect(s.lock).to.equal('unlocked');
    expect(s.entries.length).to.be.at.most(PAGE_SIZE + 1);
    expect(s.entries.every((e) => other.journal.canRead(e))).to.equal(true);
    expect((await other.journal.query({ query: 'zoë' })).total).to.equal(1);
    // Tags are sealed with the text: the tag filter works from the opened search index.
    expect(ids((await other.journal.query({ tag: 'body' }, Infinity)).entries)).to.have.length(entries.filter((e) => e.tags.includes('body')).length);
    await journalLock(other).lock();
    expect((await other.journal.query({ query: 'zoë' })).total).to.equal(0);
    // Storage holds the stores it always had: no index of words.
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open(`compassion-kit:${sdk.id}`);
      r.onsuccess = () => resolve(r.result);
    });
    expect([...db.objectStoreNames].sort()).to.deep.equal(['entries', 'playback', 'practice', 'progress', 'quarantine', 'revisions', 'settings']);
    db.close();
  });
});
