import { expect } from 'chai';
import { journalLock } from '../../../src/sdk/crypto/index.js';
import type { StepProgress } from '../../../src/sdk/index.js';
import { waitFor } from '../../helpers/fixture.js';
import { closeJournals, openJournal, rawDatabase, twinOf } from '../../fixtures/journal-helpers.js';

// Issue 16, point 2: a questionnaire's answers are stored with the participant's other data, on
// the device only, sealed when the lock is on, and carried by backups.

afterEach(closeJournals);

const ANSWERS = { q1: 3, q2: 0, q3: null };
const progressRecord = async (id: string, stepId: string) => (await rawDatabase(id)).progress.find((r) => (r as StepProgress).stepId === stepId) as Record<string, unknown> | undefined;

describe("a questionnaire's answers in storage", () => {
  it('are kept with the step, read again by a new tab, and replaced when answered again', async () => {
    const sdk = await openJournal();
    await sdk.progress.complete('w1-practice', { answers: ANSWERS });
    const other = await twinOf(sdk);
    await other.progress.load();
    expect(other.progress.snapshot.completed.get('w1-practice')?.answers).to.deep.equal(ANSWERS);
    await sdk.progress.complete('w1-practice', { answers: { q1: 1, q2: 1, q3: 1 } });
    expect((await progressRecord(sdk.id, 'w1-practice'))?.answers).to.deep.equal({ q1: 1, q2: 1, q3: 1 });
    // Completing again without answers keeps the stored ones.
    await sdk.progress.complete('w1-practice');
    expect((await progressRecord(sdk.id, 'w1-practice'))?.answers).to.deep.equal({ q1: 1, q2: 1, q3: 1 });
  });

  it('are sealed with the lock on: the raw record holds no answers, and they come back on unlock', async () => {
    const sdk = await openJournal();
    const lock = journalLock(sdk);
    await sdk.progress.complete('w1-practice', { answers: ANSWERS });
    await lock.enable('quiet river morning lantern');
    await sdk.progress.complete('w2-practice', { answers: { q1: 4 } });
    for (const stepId of ['w1-practice', 'w2-practice']) {
      const raw = await progressRecord(sdk.id, stepId);
      expect(raw, stepId).to.have.property('sealed');
      expect(raw, stepId).not.to.have.property('answers');
    }
    await lock.lock();
    await waitFor(() => sdk.progress.snapshot.completed.get('w2-practice')?.answers === undefined, 'the answers to leave memory');
    await lock.unlock('quiet river morning lantern');
    await waitFor(() => sdk.progress.snapshot.completed.get('w2-practice')?.answers?.q1 === 4, 'the answers to open again');
    expect(sdk.progress.snapshot.completed.get('w1-practice')?.answers).to.deep.equal(ANSWERS);
  });

  it('travel in a backup, and a damaged set of answers is kept aside on import, not loaded', async () => {
    const sdk = await openJournal();
    await sdk.progress.complete('w1-practice', { answers: ANSWERS });
    const file = await sdk.backup.export();
    expect((file.stores.progress as StepProgress[]).find((p) => p.stepId === 'w1-practice')?.answers).to.deep.equal(ANSWERS);
    (file.stores.progress as unknown[]).push({ stepId: 'w2-practice', weekId: 'week-2', completedAt: 5, answers: { q1: 'often' } });
    const fresh = await openJournal();
    const report = await fresh.backup.import(file, { allowOtherProgram: true });
    expect(report.quarantined).to.have.length(1);
    await fresh.progress.load();
    expect(fresh.progress.snapshot.completed.get('w1-practice')?.answers).to.deep.equal(ANSWERS);
    expect(fresh.progress.isComplete('w2-practice')).to.equal(false);
  });
});
