import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../helpers/axe.js';
import { settle, waitFor } from '../../helpers/fixture.js';
import { journalProgram } from '../../fixtures/journal-helpers.js';
import { $, button } from '../../helpers/query.js';
import { mountJournal, typeInto, unmountJournals, waitForSaveState, type Mounted } from '../../helpers/journal-object.js';

/** The copies the journal keeps in localStorage for one program. */
function copies(programId: string): string[] {
  return Object.keys(localStorage)
    .filter((k) => k.startsWith(`compassion-kit:draft:${programId}:`))
    .map((k) => localStorage.getItem(k)!);
}

/**
 * The page dies after the keystrokes reached the screen and before the save committed: the
 * journal's writes never finish, and then the page (its SDK, its elements) is gone.
 */
function dieBeforeCommit(m: Mounted): void {
  m.sdk.journal.save = () => new Promise(() => undefined);
}
function pageGone(m: Mounted): void {
  m.sdk.close();
  m.provider.remove();
}

describe('<reflection-journal> write-ahead drafts', () => {
  afterEach(async () => {
    await unmountJournals();
    for (const key of Object.keys(localStorage)) if (key.startsWith('compassion-kit:draft:')) localStorage.removeItem(key);
  });

  it('brings back a new entry typed on a page that closed before saving, with one calm line', async () => {
    const program = await journalProgram();
    const first = await mountJournal(program, html`<reflection-journal step-id="w1-reflect-2"></reflection-journal>`);
    dieBeforeCommit(first);
    $<HTMLTextAreaElement>(first.journal, '#field-answer').focus();
    const typed = 'Closing the tab right after this sentence.';
    await sendKeys({ type: typed });
    expect(copies(program.id).join()).to.contain(typed);
    pageGone(first);

    const second = await mountJournal(program, html`<reflection-journal step-id="w1-reflect-2"></reflection-journal>`);
    await waitFor(() => second.journal.shadowRoot!.querySelector<HTMLTextAreaElement>('#field-answer')?.value === typed, 'the recovered text in the field');
    const line = await waitFor(() => second.journal.shadowRoot!.querySelector('[part="recovered"]'), 'the recovery line');
    expect(line.textContent).to.match(/Recovered text you wrote at \d{1,2}:\d{2}/);
    expect((await second.sdk.journal.find({ templateId: 'weekly-reflection' })).map((e) => e.fields.answer)).to.deep.equal([typed]);
    expect(copies(program.id)).to.deep.equal([]);
    await expectAccessible(second.journal);
    button(second.journal, 'OK').click();
    await settle(second.journal);
    expect(second.journal.shadowRoot!.querySelector('[part="recovered"]')).to.equal(null);
  });

  it('brings back words added to a saved entry, and lists the recovery in the full journal', async () => {
    const program = await journalProgram();
    const first = await mountJournal(program, html`<reflection-journal template="free-reflection"></reflection-journal>`);
    await first.page.title('Evening');
    await first.page.write('Saved part.');
    await waitForSaveState(first.journal, /^Saved at/);
    dieBeforeCommit(first);
    await first.page.write('Saved part. And the unsaved rest.');
    pageGone(first);

    const second = await mountJournal(program);
    const line = await waitFor(() => second.journal.shadowRoot!.querySelector('[part="recovered"]'), 'the recovery line');
    expect(line.textContent).to.contain('“Evening”');
    const [entry] = second.sdk.journal.snapshot.entries;
    expect(entry?.fields.reflection).to.equal('Saved part. And the unsaved rest.');
    await expectAccessible(second.journal);
  });

  it('keeps the words of a tab closed with an unresolved conflict as a copy in the entry’s History', async () => {
    const program = await journalProgram();
    const first = await mountJournal(program, html`<reflection-journal template="free-reflection"></reflection-journal>`);
    await typeInto(first.journal, $(first.journal, '#field-reflection'), 'Both tabs start here.');
    await waitForSaveState(first.journal, /^Saved at/);
    const entryId = first.sdk.journal.snapshot.entries[0]!.id;
    const other = await mountJournal(program, html`<reflection-journal entry-id=${entryId}></reflection-journal>`);
    await waitFor(() => other.journal.shadowRoot!.querySelector<HTMLTextAreaElement>('#field-reflection')?.value === 'Both tabs start here.', 'the other tab to open the entry');
    // The first tab types; before its autosave, the other tab saves its own edit at once.
    await typeInto(first.journal, $(first.journal, '#field-reflection'), 'Words only the first tab had.');
    await typeInto(other.journal, $(other.journal, '#field-reflection'), 'The other tab saved this.');
    button(other.journal, 'Save now').click();
    await waitForSaveState(other.journal, /^Saved at/);
    await waitForSaveState(first.journal, /edited in another tab/);
    pageGone(first);

    const third = await mountJournal(program, html`<reflection-journal entry-id=${entryId}></reflection-journal>`);
    const line = await waitFor(() => third.journal.shadowRoot!.querySelector('[part="recovered"]'), 'the recovery line');
    expect(line.textContent).to.contain('kept as a copy in its History');
    const revisions = await third.sdk.journal.revisions(entryId);
    expect(revisions.find((r) => r.label === 'conflict-copy')?.fields.reflection).to.equal('Words only the first tab had.');
    expect((await third.sdk.journal.get(entryId))?.fields.reflection).to.equal('The other tab saved this.');
  });

  it('never says "Saved" in memory-only mode, and keeps no copy on the device', async () => {
    const program = await journalProgram();
    const { journal, page } = await mountJournal(program, html`<reflection-journal template="free-reflection"></reflection-journal>`, 'memory');
    await page.write('Only for this visit.');
    const state = await waitForSaveState(journal, /^Kept until this page closes/);
    expect(state).not.to.match(/^Saved/);
    expect(copies(program.id)).to.deep.equal([]);
    await expectAccessible(journal);
  });
});

