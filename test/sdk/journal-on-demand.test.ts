import { expect } from 'chai';
// Only the program module, as a page with a course overview or a player has it: the journal's code
// (src/sdk/store/journal-parts.ts) is not imported here, so this file sees it arrive on demand.
import { openProgram, type CompassionProgram } from '../../src/sdk/program.js';
import { databaseName } from '../../src/sdk/store/schema.js';
import { journalParts } from '../../src/sdk/store/journal-slot.js';
import { deleteDatabase, makeProgram, uniqueId } from '../fixtures/programs.js';

const opened: CompassionProgram[] = [];
async function open(id: string): Promise<CompassionProgram> {
  const program = await openProgram({ program: makeProgram(1, { id }) });
  opened.push(program);
  return program;
}

describe("the journal's code loads on demand", () => {
  afterEach(async () => {
    for (const p of opened.splice(0)) p.close();
    for (const key of Object.keys(localStorage)) if (key.startsWith('compassion-kit:draft:')) localStorage.removeItem(key);
  });

  it('opens a program, with progress, without the journal; program.journal then says how to load it', async () => {
    const id = uniqueId('on-demand');
    const program = await open(id);
    expect(journalParts(), 'the journal code was loaded by openProgram with nothing to recover').to.equal(undefined);
    expect(program.progress.snapshot.loaded).to.equal(true);
    expect(() => program.journal).to.throw(/loadJournal\(\)/);
    expect(() => program.drafts).to.throw(/loadJournal\(\)/);
    expect(() => program.backup).to.throw(/loadJournal\(\)/);

    // loadJournal() brings it, and from then on journal and drafts work as usual.
    const journal = await program.loadJournal();
    expect(journal).to.equal(program.journal);
    const entry = await journal.save({ templateId: 'free', title: 'On demand', fields: { body: 'Written after loading' } });
    expect((await program.journal.get(entry.id))?.fields.body).to.equal('Written after loading');
    expect(program.drafts.available).to.equal(true);
    expect(JSON.parse(await program.backup.exportText()).stores.entries.map((e: { id: string }) => e.id)).to.deep.equal([entry.id]);
    program.close();
    await deleteDatabase(databaseName(id)).catch(() => undefined);
  });
});
