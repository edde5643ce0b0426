import { expect } from 'chai';
import { html } from 'lit';
import { makeProgram } from '../../fixtures/programs.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { mountJournal, opened, unmountJournals, waitForSaveState } from '../../helpers/journal-object.js';
import { part, text } from '../../helpers/query.js';
import { rawDatabase } from '../../fixtures/journal-helpers.js';

// Issue 16, point 6: the participant's own words, checked on the device when an entry is saved.

const program = (riskCheck?: { enabled?: boolean }) =>
  makeProgram(1, { support: { resources: [{ label: 'Crisis line (example)', phone: '111 222' }], ...(riskCheck ? { riskCheck } : {}) } });

describe('<reflection-journal> support offered from words', () => {
  afterEach(unmountJournals);

  it('offers the calm card once when a saved entry holds words from the list, and saving carries on', async () => {
    const { journal, page, sdk } = await mountJournal(program(), html`<reflection-journal template="free"></reflection-journal>`);
    const offered: Event[] = [];
    journal.addEventListener('ck-support-offered', (e) => offered.push(e));
    await opened(journal);
    await page.write('Today was long. Honestly I feel hopeless about it.');
    await waitForSaveState(journal, /Saved/);
    await waitFor(() => part(journal, 'support-card'), 'the support card');
    const card = part(journal, 'support-card')!;
    expect(text(card)).to.contain('You don’t have to carry this alone').and.to.contain('Crisis line (example)');
    expect(card.querySelector('a')!.getAttribute('href')).to.equal('tel:111222');
    expect(offered).to.have.length(1);
    expect((offered[0] as CustomEvent).detail).to.deep.equal({});
    // Nothing of the match is kept: storage holds the entry and its revision, and no record, setting or copy more.
    const raw = await rawDatabase(sdk.id);
    expect(JSON.stringify(raw.settings)).not.to.match(/support|offer|risk/i);
    expect(Object.keys(localStorage).filter((k) => /support|offer|risk/i.test(k))).to.deep.equal([]);
    await expectAccessible(journal);
    // Writing on: saved as usual, never offered twice for the same entry.
    await page.write('Today was long. Honestly I feel hopeless about it. Talking helped a little.');
    await waitForSaveState(journal, /Saved/);
    expect(offered).to.have.length(1);
    expect(sdk.journal.snapshot.entries[0]?.fields.body).to.contain('Talking helped');
  });

  it('offers nothing for ordinary words, or when the clinic turned the check off', async () => {
    const plain = await mountJournal(program(), html`<reflection-journal template="free"></reflection-journal>`);
    await opened(plain.journal);
    await plain.page.write('I went for a walk and felt calmer.');
    await waitForSaveState(plain.journal, /Saved/);
    expect(part(plain.journal, 'support-card')).to.equal(null);
    await unmountJournals();
    const off = await mountJournal(program({ enabled: false }), html`<reflection-journal template="free"></reflection-journal>`);
    await opened(off.journal);
    await off.page.write('Honestly I feel hopeless about it.');
    await waitForSaveState(off.journal, /Saved/);
    expect(part(off.journal, 'support-card')).to.equal(null);
  });

  it("does not count an option the participant picked, such as 'hopeless' in a list of feelings: those are the clinic's words", async () => {
    const p = program();
    // The clinic added the single word "hopeless" to its list, and offers it as a feeling to pick.
    p.support!.riskCheck = { phrases: ['hopeless'] };
    p.templates = [...p.templates, { id: 'feelings', title: 'Feelings', fields: [{ id: 'felt', type: 'emotions', label: 'What did you feel?', options: ['calm', 'hopeless'] }, { id: 'body', type: 'longtext', label: 'More' }] }];
    const { journal, page } = await mountJournal(p, html`<reflection-journal template="feelings"></reflection-journal>`);
    await opened(journal);
    (journal.shadowRoot!.querySelector('input[value="hopeless"]') as HTMLInputElement).click();
    await page.write('A heavy day at work.', 'More');
    await waitForSaveState(journal, /Saved/);
    expect(part(journal, 'support-card')).to.equal(null);
    // The same word in the participant's own text does offer it.
    await page.write('A heavy day at work. I felt hopeless.', 'More');
    await waitForSaveState(journal, /Saved/);
    await waitFor(() => part(journal, 'support-card'), 'the support card');
  });
});
