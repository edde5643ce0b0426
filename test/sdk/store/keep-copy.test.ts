import { expect } from 'chai';
import { REVISIONS_KEPT, StorageError, type EntryRevision, type JournalEntry } from '../../../src/sdk/index.js';
import { journalLock } from '../../../src/sdk/crypto/index.js';
import { closeJournals, containsText, openJournal, rawDatabase, twinOf } from '../../fixtures/journal-helpers.js';

afterEach(closeJournals);

describe('journal.keepCopy', () => {
  it('adds a labelled copy beside the history without changing the entry, and the next save numbers above it', async () => {
    const sdk = await openJournal();
    const entry = await sdk.journal.save({ templateId: 'free-reflection', title: 'Mine', fields: { reflection: 'first' } });
    const copy = await sdk.journal.keepCopy(entry.id, { title: 'Theirs', fields: { reflection: 'words from the other tab' }, tags: ['x'] }, 'conflict-copy', 1_700_000_000_000);
    expect(copy).to.include({ entryId: entry.id, revision: 2, label: 'conflict-copy', title: 'Theirs', savedAt: 1_700_000_000_000 });
    const stored = (await sdk.journal.get(entry.id))!;
    expect(stored).to.deep.equal(entry);
    const next = await sdk.journal.save({ ...stored, fields: { reflection: 'second' } }, { expectedRevision: stored.revision });
    expect(next.revision).to.equal(3);
    const history = await sdk.journal.revisions(entry.id);
    expect(history.map((r) => [r.revision, r.fields.reflection, r.label ?? null])).to.deep.equal([
      [3, 'second', null],
      [2, 'words from the other tab', 'conflict-copy'],
      [1, 'first', null],
    ]);
  });

  it(`never prunes a labelled copy, however many ordinary saves follow (${REVISIONS_KEPT} are kept)`, async () => {
    const sdk = await openJournal();
    let entry = await sdk.journal.save({ templateId: 'free-reflection', title: 't', fields: { reflection: 'v0' } });
    await sdk.journal.keepCopy(entry.id, { title: 't', fields: { reflection: 'the copy' }, tags: [] }, 'conflict-copy');
    for (let i = 1; i <= REVISIONS_KEPT + 3; i++) entry = await sdk.journal.save({ ...entry, fields: { reflection: `v${i}` } });
    const history = await sdk.journal.revisions(entry.id);
    expect(history.filter((r) => !r.label)).to.have.length(REVISIONS_KEPT);
    expect(history.find((r) => r.label)?.fields.reflection).to.equal('the copy');
  });

  it("never writes over a copy another tab kept, even before this tab hears of it (a save remembers revision keys)", async () => {
    const sdk = await openJournal();
    let entry = await sdk.journal.save({ templateId: 'free-reflection', title: 't', fields: { reflection: 'v1' } });
    entry = await sdk.journal.save({ ...entry, fields: { reflection: 'v2' } });
    const other = await twinOf(sdk);
    await other.journal.keepCopy(entry.id, { title: 't', fields: { reflection: 'theirs' }, tags: [] }, 'conflict-copy');
    // At once: this tab still remembers revisions 1 and 2 only.
    const next = await sdk.journal.save({ ...entry, fields: { reflection: 'v3' } });
    expect(next.revision).to.equal(4);
    const history = await sdk.journal.revisions(entry.id);
    expect(history.map((r) => [r.revision, r.fields.reflection, r.label ?? null])).to.deep.equal([
      [4, 'v3', null],
      [3, 'theirs', 'conflict-copy'],
      [2, 'v2', null],
      [1, 'v1', null],
    ]);
  });

  it('recreates an entry that no longer exists from its copy', async () => {
    const sdk = await openJournal();
    const copy = await sdk.journal.keepCopy('gone-1', { title: 'Kept', fields: { reflection: 'still here' }, tags: [] }, 'conflict-copy');
    const entry = (await sdk.journal.get('gone-1'))!;
    expect(entry).to.include({ title: 'Kept', revision: copy.revision });
    expect(entry.fields.reflection).to.equal('still here');
    expect(sdk.journal.snapshot.entries.map((e) => e.id)).to.include('gone-1');
  });

  it('seals the copy with the lock on, and refuses it while locked', async () => {
    const sdk = await openJournal();
    const entry = await sdk.journal.save({ templateId: 'free-reflection', title: 'a', fields: { reflection: 'b' } });
    const lock = journalLock(sdk);
    await lock.enable('quiet river morning lantern');
    const copy = await sdk.journal.keepCopy(entry.id, { title: 'Sealed title', fields: { reflection: 'sealed copy words' }, tags: [] }, 'conflict-copy');
    expect(copy.title).to.equal('Sealed title');
    const raw = await rawDatabase(sdk.id);
    expect(containsText(raw, 'sealed copy words')).to.equal(false);
    expect((raw.revisions as EntryRevision[]).find((r) => r.label)?.sealed).to.have.keys('iv', 'data');
    await lock.lock();
    const error = await sdk.journal.keepCopy(entry.id, { title: 'x', fields: { reflection: 'plain words while locked' }, tags: [] }, 'conflict-copy').catch((e: unknown) => e);
    expect((error as StorageError).code).to.equal('locked');
    expect(containsText(await rawDatabase(sdk.id), 'plain words while locked')).to.equal(false);
    expect(((await rawDatabase(sdk.id)).entries as JournalEntry[])[0]!.revision).to.equal(entry.revision);
  });
});
