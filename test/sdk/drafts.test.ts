import { expect } from 'chai';
import { journalLock } from '../../src/sdk/crypto/journal-lock.js';
import type { CompassionProgram } from '../../src/sdk/program.js';
import type { EntryDraftValue } from '../../src/sdk/store/drafts.js';
import { closeJournals, containsText, openJournal, twinOf } from '../fixtures/journal-helpers.js';

const PASSPHRASE = 'quiet harbour lanterns';

/** The write-ahead copies this program left in localStorage. */
function copies(sdk: CompassionProgram): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)!;
    if (key.startsWith(`compassion-kit:draft:${sdk.id}:`)) out[key] = localStorage.getItem(key)!;
  }
  return out;
}

function reflection(id: string, text: string): EntryDraftValue['entry'] {
  return { id, templateId: 'free-reflection', title: '', fields: { reflection: text }, tags: [] };
}

/** Another page opening the same program after `dead` has gone (its copies stay behind). */
async function reopenAfter(dead: CompassionProgram): Promise<CompassionProgram> {
  dead.close();
  const next = await twinOf(dead);
  await next.drafts.recover();
  return next;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`Timed out waiting for ${what}`);
}

describe('write-ahead drafts (SDK)', () => {
  afterEach(async () => {
    await closeJournals();
    for (const key of Object.keys(localStorage)) if (key.startsWith('compassion-kit:draft:')) localStorage.removeItem(key);
  });

  it('copies typed text into localStorage synchronously, before any save', async () => {
    const sdk = await openJournal();
    sdk.drafts.keep('entry', 'e1', { entry: reflection('e1', 'first words') });
    const stored = Object.values(copies(sdk));
    expect(stored).to.have.length(1);
    expect(stored[0]).to.contain('first words');
  });

  it('saves a never-saved entry left by a page that closed, and says when it was written', async () => {
    const a = await openJournal();
    const before = Date.now();
    a.drafts.keep('entry', 'new-1', { entry: reflection('new-1', 'a sentence typed just before closing') });
    const b = await reopenAfter(a);
    const entry = await b.journal.get('new-1');
    expect(entry?.fields.reflection).to.equal('a sentence typed just before closing');
    const [recovered] = b.drafts.snapshot.recovered;
    expect(recovered).to.include({ kind: 'entry', id: 'new-1', outcome: 'saved' });
    expect(recovered!.writtenAt).to.be.within(before, Date.now());
    expect(copies(b)).to.deep.equal({}, 'the copy is removed once saved');
  });

  it('saves the newer text of an edited entry as its next revision', async () => {
    const a = await openJournal();
    const saved = await a.journal.save(reflection('e2', 'the start'));
    a.drafts.keep('entry', 'e2', { entry: reflection('e2', 'the start, and then more'), base: saved.revision });
    const b = await reopenAfter(a);
    const entry = await b.journal.get('e2');
    expect(entry?.fields.reflection).to.equal('the start, and then more');
    expect(entry?.revision).to.equal(saved.revision + 1);
  });

  it('keeps text as a labelled copy in History when the entry changed elsewhere since (an unresolved conflict)', async () => {
    const a = await openJournal();
    const saved = await a.journal.save(reflection('e3', 'shared start'));
    const other = await twinOf(a);
    await other.journal.save(reflection('e3', 'the other tab’s version'), { expectedRevision: saved.revision });
    a.drafts.keep('entry', 'e3', { entry: reflection('e3', 'words only this tab had'), base: saved.revision });
    const b = await reopenAfter(a);
    expect((await b.journal.get('e3'))?.fields.reflection).to.equal('the other tab’s version');
    const revisions = await b.journal.revisions('e3');
    const copy = revisions.find((r) => r.label === 'conflict-copy');
    expect(copy?.fields.reflection).to.equal('words only this tab had');
    expect(b.drafts.snapshot.recovered[0]).to.include({ id: 'e3', outcome: 'copy' });
  });

  it('saves over the revision this page was writing when it died, instead of keeping a copy', async () => {
    const a = await openJournal();
    const first = await a.journal.save(reflection('e7', 'draft one'));
    // A save of rev 2 was in flight and committed; the page died before it heard back, with newer words typed.
    await a.journal.save(reflection('e7', 'draft one, two'), { expectedRevision: first.revision });
    a.drafts.keep('entry', 'e7', { entry: reflection('e7', 'draft one, two, three'), base: first.revision, saving: first.revision + 1 });
    const b = await reopenAfter(a);
    expect((await b.journal.get('e7'))?.fields.reflection).to.equal('draft one, two, three');
    expect((await b.journal.revisions('e7')).some((r) => r.label)).to.equal(false);
    expect(b.drafts.snapshot.recovered[0]).to.include({ id: 'e7', outcome: 'saved' });
  });

  it('leaves the copy of a page that is still open alone', async () => {
    const a = await openJournal();
    a.drafts.keep('entry', 'e4', { entry: reflection('e4', 'still being typed in another tab') });
    const b = await twinOf(a);
    await b.drafts.recover();
    expect(await b.journal.get('e4')).to.equal(undefined);
    expect(Object.keys(copies(a))).to.have.length(1);
  });

  it('drops a copy whose text was already saved, without adding a revision', async () => {
    const a = await openJournal();
    const saved = await a.journal.save(reflection('e5', 'saved in time'));
    a.drafts.keep('entry', 'e5', { entry: reflection('e5', 'saved in time'), base: saved.revision - 1 });
    const b = await reopenAfter(a);
    expect((await b.journal.get('e5'))?.revision).to.equal(saved.revision);
    expect(b.drafts.snapshot.recovered).to.deep.equal([]);
    expect(copies(b)).to.deep.equal({});
  });

  it('removes the copy once the same text has committed, but not when newer text was typed since', async () => {
    const sdk = await openJournal();
    const first = sdk.drafts.keep('entry', 'e6', { entry: reflection('e6', 'one') });
    const second = sdk.drafts.keep('entry', 'e6', { entry: reflection('e6', 'one two') });
    sdk.drafts.settle('entry', 'e6', first);
    expect(Object.values(copies(sdk))[0]).to.contain('one two');
    sdk.drafts.settle('entry', 'e6', second);
    expect(copies(sdk)).to.deep.equal({});
  });

  it('skips a damaged copy and removes it', async () => {
    const a = await openJournal();
    localStorage.setItem(`compassion-kit:draft:${a.id}:entry:broken`, '{"v":1,"kind":"entry",');
    const b = await reopenAfter(a);
    expect(b.drafts.snapshot.recovered).to.deep.equal([]);
    expect(copies(b)).to.deep.equal({});
  });

  it('keeps nothing on the device in memory-only mode', async () => {
    const sdk = await openJournal(undefined, 'memory');
    sdk.drafts.keep('entry', 'm1', { entry: reflection('m1', 'not to be kept') });
    expect(sdk.drafts.available).to.equal(false);
    expect(copies(sdk)).to.deep.equal({});
  });

  it('saves a recovered note on a step already done, and hands back a note for a step not done', async () => {
    const a = await openJournal();
    await a.progress.complete('w1-practice');
    a.drafts.keep('step-note', 'w1-practice', { stepId: 'w1-practice', note: 'Paused twice on the bus.' });
    a.drafts.keep('step-note', 'w2-practice', { stepId: 'w2-practice', note: 'Will try tomorrow.' });
    const b = await reopenAfter(a);
    expect(b.progress.snapshot.completed.get('w1-practice')?.note).to.equal('Paused twice on the bus.');
    expect(b.progress.isComplete('w2-practice')).to.equal(false);
    expect(b.drafts.stepNote('w2-practice')?.note).to.equal('Will try tomorrow.');
    const outcomes = Object.fromEntries(b.drafts.snapshot.recovered.map((r) => [r.id, r.outcome]));
    expect(outcomes).to.deep.equal({ 'w1-practice': 'saved', 'w2-practice': 'restored' });
  });

  describe('with the passphrase lock on', () => {
    it('never writes a copy in plain text, and recovers it after unlocking on the next open', async () => {
      const a = await openJournal();
      await journalLock(a).enable(PASSPHRASE);
      const marker = 'zebra-marker-7391';
      a.drafts.keep('entry', 'l1', { entry: reflection('l1', `sealed ${marker}`) });
      expect(containsText(copies(a), marker)).to.equal(false);
      await until(() => Object.keys(copies(a)).length === 1, 'the sealed copy');
      expect(containsText(copies(a), marker)).to.equal(false);

      const b = await reopenAfter(a);
      expect(b.drafts.snapshot.recovered, 'nothing can be opened while locked').to.deep.equal([]);
      await journalLock(b).unlock(PASSPHRASE);
      await until(() => b.drafts.snapshot.recovered.length === 1, 'recovery after unlocking');
      expect((await b.journal.get('l1'))?.fields.reflection).to.equal(`sealed ${marker}`);
      expect(copies(b)).to.deep.equal({});
    });

    it('seals the copies of text being typed when the lock is turned on', async () => {
      const sdk = await openJournal();
      const marker = 'otter-marker-2208';
      sdk.drafts.keep('entry', 'l2', { entry: reflection('l2', marker) });
      expect(containsText(copies(sdk), marker)).to.equal(true);
      await journalLock(sdk).enable(PASSPHRASE);
      await until(() => !containsText(copies(sdk), marker), 'the copy to be sealed');
      expect(Object.keys(copies(sdk))).to.have.length(1);
    });
  });
});
