import { expect } from 'chai';
import { journalLock } from '../../../src/sdk/crypto/index.js';
import { StorageError, databaseName, type BackupDocument, type JournalEntry, type StepProgress } from '../../../src/sdk/index.js';
import { waitFor } from '../../helpers/fixture.js';
import { closeJournals, containsText, journalProgram, openJournal, rawDatabase, rawUpdate, twinOf } from '../../fixtures/journal-helpers.js';

const PASS = 'quiet river morning lantern';

afterEach(closeJournals);

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/**
 * Every record of every object store the database has, keys included, read with raw IndexedDB:
 * a store added later is walked too, without this test knowing its name.
 */
async function everyStore(programId: string): Promise<{ stores: string[]; text: string }> {
  const db = await request(indexedDB.open(databaseName(programId)));
  try {
    const stores = [...db.objectStoreNames];
    const parts: unknown[] = [];
    for (const name of stores) {
      const os = db.transaction(name).objectStore(name);
      parts.push(name, await request(os.getAllKeys()), await request(os.getAll()));
    }
    return { stores, text: JSON.stringify(parts) };
  } finally {
    db.close();
  }
}

async function expectError(promise: Promise<unknown>, code: string): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected StorageError "${code}"`).to.be.instanceOf(StorageError);
  expect((error as StorageError).code).to.equal(code);
  return error as StorageError;
}

describe('sealing: everything a participant writes is sealed when the lock is on', () => {
  it('leaves no marker in any object store or in the export, whichever SDK path wrote it', async () => {
    const sdk = await openJournal();
    // Written before the lock: sealed when it is turned on.
    const early = await sdk.journal.save({ templateId: 'free-reflection', title: 'MARK-early-title', fields: { reflection: 'MARK-early-body' }, tags: ['MARK-early-tag'] });
    await sdk.progress.complete('w1-practice', { note: 'MARK-early-note' });
    // A plain backup, made now, imported later while the lock is on.
    const other = await openJournal();
    await other.journal.save({ id: 'from-file', templateId: 'free-reflection', title: 'MARK-file-title', fields: { reflection: 'MARK-file-body' }, tags: [] });
    await other.progress.complete('w2-practice', { note: 'MARK-file-note' });
    const file = await other.backup.export();
    (file.stores.entries as unknown[]).push({ id: 'broken', templateId: 'free-reflection', title: 'MARK-quarantined', fields: {}, tags: [], createdAt: 1, updatedAt: 2, revision: 1, deletedAt: 'yesterday' });

    // A damaged record kept aside before the lock: its raw text is sealed when the lock goes on.
    const early2 = await sdk.backup.export();
    early2.stores.progress = [{ stepId: 'w3-practice', weekId: 'week-3', completedAt: -1, note: 'MARK-early-quarantine' }];
    expect((await sdk.backup.import(early2)).quarantined).to.have.length(1);

    await journalLock(sdk).enable(PASS);
    const saved = await sdk.journal.save({ templateId: 'free-reflection', title: 'MARK-save-title', fields: { reflection: 'MARK-save-1' }, tags: ['MARK-save-tag'] });
    const edited = await sdk.journal.save({ ...saved, fields: { reflection: 'MARK-save-2' } });
    await sdk.journal.restoreRevision(edited.id, 1);
    await sdk.journal.save({ ...(await sdk.journal.get(early.id))!, fields: { reflection: 'MARK-early-edit' } });
    await sdk.progress.complete('w1-reflect-1', { note: 'MARK-step-note' });
    await sdk.journal.keepCopy(saved.id, { title: 'MARK-copy-title', fields: { reflection: 'MARK-copy-body' }, tags: [] }, 'conflict-copy');
    await sdk.journal.keepCopy('recreated', { title: 'MARK-recreated', fields: { reflection: 'MARK-recreated-body' }, tags: [] }, 'conflict-copy');
    const report = await sdk.backup.import(file, { allowOtherProgram: true });
    expect(report.lock).to.equal('seal');
    expect(report.quarantined).to.have.length(1);

    const markers = ['MARK-early-quarantine', 'MARK-early-title', 'MARK-early-body', 'MARK-early-tag', 'MARK-early-note', 'MARK-early-edit', 'MARK-save-title', 'MARK-save-1', 'MARK-save-2', 'MARK-save-tag', 'MARK-step-note', 'MARK-copy-title', 'MARK-copy-body', 'MARK-recreated', 'MARK-recreated-body', 'MARK-file-title', 'MARK-file-body', 'MARK-file-note', 'MARK-quarantined'];
    const { stores, text } = await everyStore(sdk.id);
    expect(stores).to.include.members(['entries', 'revisions', 'progress', 'quarantine', 'settings']);
    const exported = await sdk.backup.exportText();
    for (const marker of markers) {
      expect(containsText(text, marker), `${marker} in IndexedDB`).to.equal(false);
      expect(exported.includes(marker), `${marker} in the export`).to.equal(false);
    }
    // And the participant still reads all of it.
    expect(sdk.journal.list({ query: 'MARK-file-body' })).to.have.length(1);
    expect(sdk.progress.snapshot.completed.get('w1-reflect-1')?.note).to.equal('MARK-step-note');
    expect(sdk.progress.snapshot.completed.get('w2-practice')?.note).to.equal('MARK-file-note');
    expect(sdk.progress.snapshot.completed.get('w1-practice')?.note).to.equal('MARK-early-note');
  });

  it('refuses a step note while locked instead of storing it in the clear, and keeps the sealed one', async () => {
    const sdk = await openJournal();
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await sdk.progress.complete('w1-practice', { note: 'sealed note words' });
    await lock.lock();
    await waitFor(() => sdk.progress.snapshot.completed.get('w1-practice')?.note === undefined, 'the note to leave memory');
    expect(sdk.progress.snapshot.sealedNotes).to.deep.equal(['w1-practice']);
    await expectError(sdk.progress.complete('w2-practice', { note: 'written while locked' }), 'locked');
    // Completing without a note still works, and never replaces the sealed note.
    await sdk.progress.complete('w1-practice');
    await sdk.progress.complete('w1-read');
    const { text } = await everyStore(sdk.id);
    expect(containsText(text, 'written while locked')).to.equal(false);
    expect(sdk.progress.isComplete('w2-practice')).to.equal(false);
    await lock.unlock(PASS);
    await waitFor(() => sdk.progress.snapshot.completed.get('w1-practice')?.note === 'sealed note words', 'the note to open again');
  });

  it('opens every step note when the lock is turned off, and seals a note that arrived in the clear at unlock', async () => {
    const sdk = await openJournal();
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await sdk.progress.complete('w1-practice', { note: 'note to open' });
    await lock.lock();
    // An older tab (or an import before the lock) left a plain note behind.
    await sdk.progress.complete('w2-read');
    await rawUpdate(sdk.id, 'progress', 'w2-read', (r) => ({ ...r, note: 'plain note left behind' }));
    expect(containsText((await everyStore(sdk.id)).text, 'plain note left behind')).to.equal(true);
    await lock.unlock(PASS);
    expect(containsText((await everyStore(sdk.id)).text, 'plain note left behind')).to.equal(false);
    await lock.disable(PASS);
    const progress = (await rawDatabase(sdk.id)).progress as StepProgress[];
    expect(progress.find((p) => p.stepId === 'w1-practice')).to.deep.include({ note: 'note to open' });
    expect(progress.find((p) => p.stepId === 'w2-read')).to.deep.include({ note: 'plain note left behind' });
    expect(progress.every((p) => !p.sealed)).to.equal(true);
  });

  it('knows the lock state by the time ready resolves, and tells listeners when it changes', async () => {
    const sdk = await openJournal();
    expect(sdk.sealing.state).to.equal('off');
    const lock = journalLock(sdk);
    const seen: string[] = [];
    const stop = sdk.sealing.onChange((s) => seen.push(s));
    await lock.enable(PASS);
    await lock.lock();
    await lock.unlock(PASS);
    stop();
    expect(seen).to.deep.equal(['unlocked', 'locked', 'unlocked']);
    const other = await twinOf(sdk);
    expect(other.sealing.state).to.equal('locked');
    const fresh = await openJournal({ ...(await journalProgram()), id: sdk.id });
    expect(fresh.sealing.state).to.equal('locked');
    await expectError(fresh.sealing.sealValue('draft', 'entry:x', 'words'), 'locked');
    // Another tab turning the lock off is heard too.
    const heard: string[] = [];
    other.sealing.onChange((s) => heard.push(s));
    await lock.disable(PASS);
    await waitFor(() => heard.includes('off'), 'the other tab to hear the lock turned off');
  });

  it('seals any value bound to its purpose and id: moved to another id it fails closed', async () => {
    const sdk = await openJournal();
    await expectError(sdk.sealing.sealValue('draft', 'entry:a', 'x'), 'unavailable');
    await journalLock(sdk).enable(PASS);
    const value = { text: 'draft words 😊', at: 3 };
    const sealed = await sdk.sealing.sealValue('draft', 'entry:a', value);
    expect(JSON.stringify(sealed)).not.to.contain('draft words');
    expect(await sdk.sealing.openValue('draft', 'entry:a', sealed)).to.deep.equal(value);
    await expectError(sdk.sealing.openValue('draft', 'entry:b', sealed), 'decrypt-failed');
    await expectError(sdk.sealing.openValue('note', 'entry:a', sealed), 'decrypt-failed');
  });

  it('seals a field nobody listed: an entry field added later is sealed and reads back', async () => {
    const sdk = await openJournal();
    await journalLock(sdk).enable(PASS);
    const draft = { templateId: 'free-reflection', title: 't', fields: { reflection: 'r' }, mood: 'MARK-unlisted-field' };
    const saved = await sdk.journal.save(draft);
    expect(containsText((await everyStore(sdk.id)).text, 'MARK-unlisted-field')).to.equal(false);
    expect(((await sdk.journal.get(saved.id)) as unknown as { mood?: string }).mood).to.equal('MARK-unlisted-field');
    await journalLock(sdk).disable(PASS);
    expect(((await rawDatabase(sdk.id)).entries as { mood?: string }[])[0]!.mood).to.equal('MARK-unlisted-field');
  });

  it('refuses, on any write path, a record holding text in the clear while the lock is on', async () => {
    const sdk = await openJournal();
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    const session = { mode: 'timer' as const, startedAt: Date.now() - 60_000, endedAt: Date.now(), seconds: 60 };
    // The practice log seals nothing itself: a text field added to it is caught before it is stored.
    const error = await expectError(sdk.practice.log({ ...session, note: 'MARK-practice-text' } as typeof session), 'locked');
    expect(error.message).to.match(/practice record .* may not be stored in the clear/);
    await sdk.practice.log(session);
    await lock.lock();
    await expectError(sdk.practice.log({ ...session, note: 'MARK-practice-text' } as typeof session), 'locked');
    expect(containsText((await everyStore(sdk.id)).text, 'MARK-practice-text')).to.equal(false);
  });

  it('refuses to import a plain backup while locked, writing nothing', async () => {
    const sdk = await openJournal();
    await sdk.journal.save({ templateId: 'free-reflection', title: 'here', fields: { reflection: 'x' } });
    const other = await openJournal();
    await other.journal.save({ templateId: 'free-reflection', title: 'plain in file', fields: { reflection: 'plain words in the file' } });
    const file: BackupDocument = await other.backup.export();
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await lock.lock();
    const error = await expectError(sdk.backup.import(file, { allowOtherProgram: true }), 'locked');
    expect(error.message).to.match(/unlock/i);
    expect(containsText((await everyStore(sdk.id)).text, 'plain words in the file')).to.equal(false);
    expect(((await sdk.backup.export()).stores.entries as JournalEntry[]).length).to.equal(1);
  });
});
