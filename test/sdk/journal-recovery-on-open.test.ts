import { expect } from 'chai';
// Only the program module, as on a page with a course overview or a player (see journal-on-demand.test.ts).
import { openProgram } from '../../src/sdk/program.js';
import { journalParts } from '../../src/sdk/store/journal-slot.js';
import { databaseName } from '../../src/sdk/store/schema.js';
import { waitFor } from '../helpers/fixture.js';
import { deleteDatabase, makeProgram, uniqueId } from '../fixtures/programs.js';

describe("words left by a closed page, on a page that has no journal", () => {
  it('loads the journal code at open and saves the words, because copies are on this device', async () => {
    const id = uniqueId('recover-on-open');
    // What a journal page that closed mid-save leaves in localStorage (src/sdk/store/drafts.ts, StoredDraft).
    const entry = { id: 'e-left', templateId: 'free', title: 'Left behind', fields: { body: 'Words typed just before the tab closed' }, tags: [] };
    localStorage.setItem(`compassion-kit:draft:${id}:entry:gone-tab:e-left`, JSON.stringify({ v: 1, kind: 'entry', id: 'e-left', tab: 'gone-tab', seq: 1, at: Date.now() - 60_000, plain: { entry } }));
    expect(journalParts()).to.equal(undefined);

    const program = await openProgram({ program: makeProgram(1, { id }) });
    try {
      const recovered = await waitFor(() => (journalParts() ? program.drafts.snapshot.recovered.find((r) => r.id === 'e-left') : undefined), 'the copy recovered');
      expect(recovered.outcome).to.equal('saved');
      expect((await program.journal.get('e-left'))?.fields.body).to.equal('Words typed just before the tab closed');
      expect(Object.keys(localStorage).filter((k) => k.includes(id)), 'the copy is removed once saved').to.deep.equal([]);
    } finally {
      program.close();
      await deleteDatabase(databaseName(id)).catch(() => undefined);
    }
  });
});
