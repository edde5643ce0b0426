import { expect } from 'chai';
import { html } from 'lit';
import type { ReflectionJournal } from '../../../src/elements/reflection-journal/reflection-journal.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { journalProgram, openJournal } from '../../fixtures/journal-helpers.js';
import { backupOf, makeEntries } from '../../fixtures/journal-entries.js';
import { $, $$, button } from '../../helpers/query.js';
import { JournalObject, mountJournal, typeInto, unmountJournals, opened } from '../../helpers/journal-object.js';

afterEach(unmountJournals);

/** Opens the program once to seed it, then mounts the journal on the same database. */
async function seeded(count: number, attrs = html`<reflection-journal></reflection-journal>`) {
  const program = await journalProgram();
  const seed = await openJournal(program);
  await seed.backup.import(backupOf(program.id, makeEntries(count)));
  seed.close();
  return mountJournal(program, attrs);
}

function titles(journal: ReflectionJournal): string[] {
  return $$(journal, '.card-title').map((t) => t.textContent!.trim());
}

/** Chooses in one of the filters (or "Group by"), showing them first. */
async function choose(journal: ReflectionJournal, id: string, value: string): Promise<void> {
  await new JournalObject(journal).openFilters();
  const select = $<HTMLSelectElement>(journal, id);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return opened(journal);
}

/** Types into the search field, showing it first. */
async function search(journal: ReflectionJournal, words: string): Promise<void> {
  await new JournalObject(journal).openFilters();
  await typeInto(journal, $(journal, '#search'), words);
  await opened(journal);
}

describe('<reflection-journal> reading', () => {
  it('shows an accessible empty state with a way to start each template', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    expect($(journal, '[part="empty"]').textContent).to.contain('Your journal is empty');
    expect($$(journal, '.starts button').map((b) => b.textContent)).to.deep.equal(sdk.content.program.templates.map((t) => t.title));
    await expectAccessible(journal);
    button(journal, 'Compassionate letter').click();
    await waitFor(() => journal.shadowRoot!.querySelector('#field-letter'), 'the new letter to open');
    await expectAccessible(journal);
  });

  it('lists entries newest first, grouped by week or by date', async () => {
    const { journal, sdk } = await seeded(30);
    await expectAccessible(journal);
    const groups = $$(journal, '.group-title').map((g) => g.textContent);
    // entry-29 is newest and belongs to week 2 ((29 % 14) + 1).
    expect(groups[0]).to.match(/^Week 2: /);
    const first = $$(journal, '.card')[0]!;
    expect(first.querySelector('.meta')!.textContent).to.contain('Week 2');
    await choose(journal, '#group-by', 'date');
    const days = $$(journal, '.group-title').map((g) => g.textContent!);
    expect(days.length).to.be.greaterThan(0);
    expect(days[0]).to.equal(new Intl.DateTimeFormat(sdk.content.program.locale, { dateStyle: 'full' }).format(Date.UTC(2025, 0, 1) + 29 * 45 * 60_000));
    await expectAccessible(journal);
  });

  it('filters by template, tag and week', async () => {
    const { journal, sdk } = await seeded(40);
    await choose(journal, '#filter-template', 'self-criticism-log');
    expect($(journal, '.result-count').textContent).to.match(/10 of 40 entries match/);
    await choose(journal, '#filter-tag', 'body');
    const expected = sdk.journal.list({ templateId: 'self-criticism-log', tag: 'body' });
    expect($$(journal, '.card')).to.have.length(expected.length);
    await choose(journal, '#filter-tag', '');
    await choose(journal, '#filter-template', '');
    await choose(journal, '#filter-week', 'week-3');
    expect($$(journal, '.card')).to.have.length(sdk.journal.list({ weekId: 'week-3' }).length);
    expect($$(journal, '.group-title').map((g) => g.textContent)).to.deep.equal([`Week 3: ${sdk.content.week('week-3')!.title}`]);
  });

  it('searches case- and accent-insensitively, and clears back to everything', async () => {
    const { journal, sdk } = await seeded(200);
    await search(journal, 'ZOE CAFE');
    expect($(journal, '.result-count').textContent).to.match(/3 of 200 entries match/);
    const found = (await sdk.journal.query({ query: 'ZOE CAFE' })).entries;
    expect(found.map((e) => e.id)).to.deep.equal(['entry-194', 'entry-97', 'entry-0']);
    expect($$(journal, '.card')).to.have.length(3);
    await search(journal, 'no such word anywhere');
    expect($(journal, '[part="empty"]').textContent).to.contain('No entries match');
    await expectAccessible(journal);
    button(journal, 'Clear search and filters').click();
    await opened(journal);
    expect($(journal, '.result-count').textContent).to.contain('200 entries');
  });

  it('reads and renders one page at a time with 10,000 entries', async () => {
    const { journal, sdk } = await seeded(10_000, html`<reflection-journal page-size="40"></reflection-journal>`);
    await opened(journal);
    // Only the page shown is read from storage; the count comes from the indexes.
    expect(sdk.journal.snapshot.entries).to.have.length(40);
    expect(sdk.journal.snapshot.total).to.equal(10_000);
    expect($$(journal, '.card')).to.have.length(40);
    expect($(journal, '.result-count').textContent).to.match(/10000 entries, showing 40/);
    expect(titles(journal)[0]).to.equal('Entry 9999: ' + titles(journal)[0]!.split(': ')[1]);
    button(journal, 'Show 40 more').click();
    await opened(journal);
    expect($$(journal, '.card')).to.have.length(80);
    expect(sdk.journal.snapshot.entries).to.have.length(80);
    await search(journal, 'zoë');
    const matches = (await sdk.journal.query({ query: 'zoe' })).total;
    expect(matches).to.equal(104);
    expect($$(journal, '.card')).to.have.length(40);
    expect($(journal, '.result-count').textContent).to.match(/104 of 10000 entries match, showing 40/);
    // A match older than every page read opens from storage, with its text.
    $$<HTMLButtonElement>(journal, '.card-title button').at(-1)!.click();
    await waitFor(() => $$<HTMLTextAreaElement>(journal, 'textarea').some((t) => t.value.includes('Zoë and the café')), 'the older entry to open');
    expect(sdk.journal.snapshot.entries.length).to.be.at.most(81);
  });

  it('opens an entry from the list and goes back, keeping the text', async () => {
    const { journal, sdk } = await seeded(5);
    $<HTMLButtonElement>(journal, '.card-title button').click();
    const area = await waitFor(() => journal.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea'), 'the editor');
    const entry = sdk.journal.snapshot.entries[0]!;
    const firstText = Object.values(entry.fields).find((v) => typeof v === 'string' && v.length > 20);
    expect(area.value).to.equal(firstText);
    await typeInto(journal, area, `${area.value} and more`);
    button(journal, 'Back to all entries').click();
    await waitFor(() => journal.shadowRoot!.querySelector('.list-title'), 'the list');
    expect(Object.values(sdk.journal.snapshot.entries[0]!.fields)).to.include(`${firstText} and more`);
  });

  it('shows fields the template no longer has, so nothing written is hidden', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    const e = await sdk.journal.save({ templateId: 'free-reflection', title: 'Old layout', fields: { reflection: 'kept', body: 'from an older template' } });
    await opened(journal);
    button(journal, 'Old layout').click();
    const extra = await waitFor(() => journal.shadowRoot!.querySelector<HTMLTextAreaElement>('#field-body'), 'the extra field');
    expect(extra.value).to.equal('from an older template');
    expect(e.fields.body).to.equal('from an older template');
  });
});
