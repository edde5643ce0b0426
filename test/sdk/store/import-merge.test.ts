import { expect } from 'chai';
import { journalLock } from '../../../src/sdk/crypto/index.js';
import { StorageError, type BackupDocument, type CompassionProgram, type EntryRevision, type ImportPreview, type ImportReport, type JournalEntry } from '../../../src/sdk/index.js';
import { closeJournals, journalProgram, openJournal, rawDatabase } from '../../fixtures/journal-helpers.js';

const PASS = 'quiet river morning lantern';
const OTHER_PASS = 'another lantern by the river';

afterEach(closeJournals);

/** Two devices: two databases for the same program (the second under another id, so both live in one browser). */
async function twoDevices(): Promise<{ here: CompassionProgram; there: CompassionProgram }> {
  const program = await journalProgram();
  const here = await openJournal(program);
  const there = await openJournal({ ...program, id: `${program.id}-there` });
  return { here, there };
}

/** Copies everything from one device to the other, as a backup file would. */
async function carry(from: CompassionProgram, to: CompassionProgram): Promise<ImportReport> {
  return to.backup.import(await from.backup.exportText(), { allowOtherProgram: true });
}

/** Every text this device holds for an entry: its current fields and every kept revision. */
async function textsOf(sdk: CompassionProgram, id: string): Promise<string[]> {
  const entry = await sdk.journal.get(id);
  const history = await sdk.journal.revisions(id);
  return [String(entry?.fields.reflection), ...history.map((r) => String(r.fields.reflection))];
}

/** Imports `file` after previewing it, and checks the report says exactly what the preview said. */
async function previewThenImport(sdk: CompassionProgram, file: BackupDocument | string): Promise<{ preview: ImportPreview; report: ImportReport }> {
  const preview = await sdk.backup.preview(file, { allowOtherProgram: true });
  const report = await sdk.backup.import(file, { allowOtherProgram: true });
  const { written, ...rest } = report;
  expect(rest).to.deep.equal(preview);
  expect(written).to.deep.equal(preview.added);
  return { preview, report };
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

function expectUniqueKeysAndCounter(raw: Record<string, unknown[]>, id: string): void {
  const revisions = (raw.revisions as EntryRevision[]).filter((r) => r.entryId === id);
  expect(new Set(revisions.map((r) => r.key)).size).to.equal(revisions.length);
  for (const r of revisions) expect(r.key).to.equal(`${id}:${r.revision}`);
  const entry = (raw.entries as JournalEntry[]).find((e) => e.id === id)!;
  expect(entry.revision).to.be.at.least(Math.max(...revisions.map((r) => r.revision)));
}

describe('backup import merges and never destroys', () => {
  it('takes a later edit from the other device as current and keeps this device’s version in History', async () => {
    const { here, there } = await twoDevices();
    const e = await here.journal.save({ id: 'e1', templateId: 'free-reflection', title: 'Walk', fields: { reflection: 'first words' } });
    await carry(here, there);
    const onThere = (await there.journal.get('e1'))!;
    await there.journal.save({ ...onThere, fields: { reflection: 'later words, written there' } });
    const { preview } = await previewThenImport(here, await there.backup.exportText());
    expect(preview.entries).to.deep.include({ new: 0, updated: 1, bothKept: 0, identical: 0, duplicateIds: 0 });
    expect(preview.conflicts).to.equal(1);
    expect((await here.journal.get('e1'))!.fields.reflection).to.equal('later words, written there');
    expect(await textsOf(here, 'e1')).to.include.members(['first words', 'later words, written there']);
    expectUniqueKeysAndCounter(await rawDatabase(here.id), 'e1');
    expect(e.revision).to.equal(1);
  });

  it('keeps every version of diverged histories, and the counter stays above all after one more local edit', async () => {
    const { here, there } = await twoDevices();
    let mine = await here.journal.save({ id: 'd1', templateId: 'free-reflection', title: 'Letter', fields: { reflection: 'v1 shared' } });
    mine = await here.journal.save({ ...mine, fields: { reflection: 'v2 shared' } });
    await carry(here, there);
    await here.journal.save({ ...mine, fields: { reflection: 'v3 here' } });
    let theirs = (await there.journal.get('d1'))!;
    theirs = await there.journal.save({ ...theirs, fields: { reflection: 'v3 there' } });
    await there.journal.save({ ...theirs, fields: { reflection: 'v4 there' } });
    const localBefore = await textsOf(here, 'd1');

    const { preview } = await previewThenImport(here, await there.backup.exportText());
    expect(preview.entries).to.deep.include({ bothKept: 1, updated: 0, new: 0 });
    expect(preview.revisions).to.deep.include({ identical: 2, renumbered: 1 });
    // The newer (there) is current; this device's newest is a labelled copy in History.
    expect((await here.journal.get('d1'))!.fields.reflection).to.equal('v4 there');
    const history = await here.journal.revisions('d1');
    expect(history.find((r) => r.fields.reflection === 'v3 here' && r.label === 'imported-copy')).to.exist;
    expect(await textsOf(here, 'd1')).to.include.members([...localBefore, 'v3 there', 'v4 there']);
    expectUniqueKeysAndCounter(await rawDatabase(here.id), 'd1');

    // The same file again adds nothing: every version in it is here now.
    const again = await here.backup.preview(await there.backup.exportText(), { allowOtherProgram: true });
    expect(again.entries).to.deep.include({ identical: 1, bothKept: 0, updated: 0 });
    expect(again.revisions.added).to.equal(0);

    // One ordinary edit afterwards writes over nothing.
    const current = (await here.journal.get('d1'))!;
    const edited = await here.journal.save({ ...current, fields: { reflection: 'v5 here after import' } }, { expectedRevision: current.revision });
    const after = await textsOf(here, 'd1');
    expect(after).to.include.members([...localBefore, 'v3 there', 'v4 there', 'v5 here after import']);
    const raw = await rawDatabase(here.id);
    expectUniqueKeysAndCounter(raw, 'd1');
    expect(edited.revision).to.be.above(Math.max(...(raw.revisions as EntryRevision[]).filter((r) => r.entryId === 'd1' && r.revision !== edited.revision).map((r) => r.revision)));
  });

  it('keeps this device’s newer text current and the file’s other text as a labelled copy', async () => {
    const { here, there } = await twoDevices();
    const e = await here.journal.save({ id: 'n1', templateId: 'free-reflection', title: 't', fields: { reflection: 'base' } });
    await carry(here, there);
    await there.journal.save({ ...(await there.journal.get('n1'))!, fields: { reflection: 'older edit there' } });
    await new Promise((r) => setTimeout(r, 5));
    await here.journal.save({ ...e, fields: { reflection: 'newer edit here' } });
    const { preview } = await previewThenImport(here, await there.backup.exportText());
    expect(preview.entries.bothKept).to.equal(1);
    expect((await here.journal.get('n1'))!.fields.reflection).to.equal('newer edit here');
    const copy = (await here.journal.revisions('n1')).find((r) => r.fields.reflection === 'older edit there');
    expect(copy?.label).to.equal('imported-copy');
    expectUniqueKeysAndCounter(await rawDatabase(here.id), 'n1');
  });

  it('counts an identical backup as already here and writes nothing', async () => {
    const sdk = await openJournal();
    await sdk.journal.save({ id: 'same', templateId: 'free-reflection', title: 't', fields: { reflection: 'x' } });
    await sdk.progress.complete('w1-practice', { note: 'a note' });
    const before = await rawDatabase(sdk.id);
    const { preview } = await previewThenImport(sdk, await sdk.backup.exportText());
    expect(preview.entries).to.deep.include({ identical: 1, new: 0 });
    expect(preview.progress).to.deep.include({ identical: 1 });
    expect(Object.values(preview.added).every((n) => n === 0)).to.equal(true);
    expect(await rawDatabase(sdk.id)).to.deep.equal(before);
  });

  it('counts duplicate ids inside one file exactly and keeps both texts, one as a copy', async () => {
    const sdk = await openJournal();
    await sdk.journal.save({ id: 'mine', templateId: 'free-reflection', title: 'here', fields: { reflection: 'local text' } });
    const doc = await sdk.backup.export();
    const base = { templateId: 'free-reflection', title: 'dup', tags: [], createdAt: 1_700_000_000_000, revision: 1 };
    doc.stores.entries!.push({ ...base, id: 'twice', fields: { reflection: 'first text of twice' }, updatedAt: 1_700_000_000_001 });
    doc.stores.entries!.push({ ...base, id: 'twice', fields: { reflection: 'second text of twice' }, updatedAt: 1_700_000_000_002 });
    doc.stores.entries!.push({ ...base, id: 'twice', fields: { reflection: 'first text of twice' }, updatedAt: 1_700_000_000_001 });
    doc.stores.entries!.push({ ...base, id: 'mine', fields: { reflection: 'a different text under my id' }, updatedAt: 1_600_000_000_000 });
    const { preview } = await previewThenImport(sdk, doc);
    expect(preview.entries.duplicateIds).to.equal(3);
    expect(preview.entries.new).to.equal(1);
    expect(await textsOf(sdk, 'twice')).to.include.members(['first text of twice', 'second text of twice']);
    expect((await sdk.journal.revisions('twice')).filter((r) => r.fields.reflection === 'second text of twice')[0]?.label).to.equal('imported-copy');
    expect((await sdk.journal.get('mine'))!.fields.reflection).to.equal('local text');
    expect(await textsOf(sdk, 'mine')).to.include.members(['local text', 'a different text under my id']);
    expectUniqueKeysAndCounter(await rawDatabase(sdk.id), 'twice');
  });

  it('refuses a backup whose lock record is damaged at preview, and the journal stays open and writable', async () => {
    const sdk = await openJournal();
    await sdk.journal.save({ id: 'plain', templateId: 'free-reflection', title: 'mine', fields: { reflection: 'still mine' } });
    const doc = await sdk.backup.export();
    doc.stores.settings = [...(doc.stores.settings ?? []), { key: 'journal-lock', value: { format: 'compassion-kit-journal-lock', version: 1, keyId: 'k' } }];
    const before = await rawDatabase(sdk.id);
    const error = await expectError(sdk.backup.preview(doc), 'invalid-backup');
    expect(error.message).to.match(/journal lock record \(settings "journal-lock"\) is damaged/);
    expect(error.message).to.match(/nothing was imported/i);
    await expectError(sdk.backup.import(doc), 'invalid-backup');
    expect(await rawDatabase(sdk.id)).to.deep.equal(before);
    expect(sdk.sealing.state).to.equal('off');
    expect((await sdk.journal.get('plain'))!.fields.reflection).to.equal('still mine');
    await sdk.journal.save({ templateId: 'free-reflection', title: 'after', fields: { reflection: 'still writable' } });
  });

  it('counts a date that is not a date as damaged: kept aside, the rest imported, local versions intact', async () => {
    const sdk = await openJournal();
    const mine = await sdk.journal.save({ id: 'keep', templateId: 'free-reflection', title: 'k', fields: { reflection: 'kept v1' } });
    await sdk.journal.save({ ...mine, fields: { reflection: 'kept v2' } });
    const doc = await sdk.backup.export();
    const base = { templateId: 'free-reflection', title: 't', fields: { reflection: 'x' }, tags: [], createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, revision: 1 };
    doc.stores.entries!.push({ ...base, id: 'yesterday', deletedAt: 'yesterday' } as unknown as JournalEntry);
    doc.stores.entries!.push({ ...base, id: 'far-future', updatedAt: 1e20 });
    doc.stores.entries!.push({ ...base, id: 'negative', createdAt: -5 });
    doc.stores.entries!.push({ ...base, id: 'week', weekId: 3 } as unknown as JournalEntry);
    doc.stores.revisions!.push({ key: 'keep:9', entryId: 'keep', revision: 9, savedAt: Number.NaN, title: '', fields: {}, tags: [] });
    doc.stores.revisions!.push({ key: 'keep:8', entryId: 'keep', revision: 8, savedAt: 1, title: '', fields: {}, tags: [], label: 'mystery' } as unknown as EntryRevision);
    doc.stores.entries!.push({ ...base, id: 'good-new', fields: { reflection: 'a good new one' } });
    doc.stores.settings = [...(doc.stores.settings ?? []), { key: 'progress.lastStep', value: 42 }, { key: 'some.future.setting', value: true }];
    const { preview } = await previewThenImport(sdk, JSON.stringify(doc));
    expect(preview.quarantined.map((q) => [q.store, q.id, q.reason])).to.deep.equal([
      ['entries', 'yesterday', '"deletedAt" must be absent or a time (epoch milliseconds, 1970 to 2200)'],
      ['entries', 'far-future', '"updatedAt" must be a time (epoch milliseconds, 1970 to 2200)'],
      ['entries', 'negative', '"createdAt" must be a time (epoch milliseconds, 1970 to 2200)'],
      ['entries', 'week', '"weekId" must be absent or text'],
      ['revisions', 'keep:9', '"savedAt" must be a time (epoch milliseconds, 1970 to 2200)'],
      ['revisions', 'keep:8', '"label" must be absent or one of conflict-copy, imported-copy'],
      ['settings', 'progress.lastStep', '"value" of "progress.lastStep" must be a step id (text)'],
    ]);
    expect(preview.ignoredSettings).to.deep.equal(['some.future.setting']);
    expect(preview.entries.new).to.equal(1);
    expect(await sdk.journal.get('yesterday')).to.equal(undefined);
    expect((await sdk.journal.get('good-new'))!.fields.reflection).to.equal('a good new one');
    expect(await textsOf(sdk, 'keep')).to.include.members(['kept v1', 'kept v2']);
    expect(((await rawDatabase(sdk.id)).quarantine as unknown[]).length).to.equal(7);
  });

  it('adopts a locked backup’s lock on a plain device: entries here stay readable, and the backup’s passphrase opens everything', async () => {
    const { here, there } = await twoDevices();
    await here.journal.save({ id: 'local-plain', templateId: 'free-reflection', title: 'here', fields: { reflection: 'plain words here' } });
    await there.journal.save({ id: 'from-there', templateId: 'free-reflection', title: 'there', fields: { reflection: 'sealed words there' } });
    await journalLock(there).enable(OTHER_PASS);
    const { preview } = await previewThenImport(here, await there.backup.exportText());
    expect(preview.lock).to.equal('adopt');
    expect(here.sealing.state).to.equal('locked');
    // Nothing already here became unreadable.
    const local = (await here.journal.get('local-plain'))!;
    expect(here.journal.canRead(local)).to.equal(true);
    expect(local.fields.reflection).to.equal('plain words here');
    await journalLock(here).unlock(OTHER_PASS);
    expect(here.journal.snapshot.unreadable).to.deep.equal([]);
    expect((await here.journal.get('from-there'))!.fields.reflection).to.equal('sealed words there');
    expect((await here.journal.get('local-plain'))!.fields.reflection).to.equal('plain words here');
    expect(((await rawDatabase(here.id)).entries as JournalEntry[]).every((e) => e.sealed)).to.equal(true);
  });

  it('refuses a backup locked with another key than this journal’s at preview, changing nothing', async () => {
    const { here, there } = await twoDevices();
    await here.journal.save({ id: 'mine', templateId: 'free-reflection', title: 'here', fields: { reflection: 'my sealed words' } });
    await journalLock(here).enable(PASS);
    await there.journal.save({ templateId: 'free-reflection', title: 'there', fields: { reflection: 'theirs' } });
    await journalLock(there).enable(OTHER_PASS);
    const before = await rawDatabase(here.id);
    const error = await expectError(here.backup.preview(await there.backup.exportText(), { allowOtherProgram: true }), 'invalid-backup');
    expect(error.message).to.match(/different passphrase.*Nothing was imported/);
    await expectError(here.backup.import(await there.backup.exportText(), { allowOtherProgram: true }), 'invalid-backup');
    expect(await rawDatabase(here.id)).to.deep.equal(before);
    expect((await here.journal.get('mine'))!.fields.reflection).to.equal('my sealed words');
  });

  it('with the lock on, finds an older same-key backup already in History, and seals a plain entry added to it', async () => {
    const sdk = await openJournal();
    await journalLock(sdk).enable(PASS);
    const e = await sdk.journal.save({ id: 's1', templateId: 'free-reflection', title: 't', fields: { reflection: 'sealed base' } });
    const doc = await sdk.backup.export();
    await sdk.journal.save({ ...e, fields: { reflection: 'sealed edit here' } });
    doc.stores.entries!.push({ id: 'plain-in-file', templateId: 'free-reflection', title: 'p', fields: { reflection: 'plain words in a locked file' }, tags: [], createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, revision: 1 });
    const { preview } = await previewThenImport(sdk, doc);
    expect(preview.lock).to.equal('same-key');
    expect(preview.entries).to.deep.include({ identical: 1, new: 1 });
    expect((await sdk.journal.get('s1'))!.fields.reflection).to.equal('sealed edit here');
    expect(await textsOf(sdk, 's1')).to.include.members(['sealed base', 'sealed edit here']);
    expect((await sdk.journal.get('plain-in-file'))!.fields.reflection).to.equal('plain words in a locked file');
    expect(JSON.stringify(await rawDatabase(sdk.id))).not.to.contain('plain words in a locked file');
  });
});
