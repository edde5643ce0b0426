import { expect } from 'chai';
import { html } from 'lit';
import type { ReflectionJournal } from '../../../src/elements/reflection-journal/reflection-journal.js';
import type { JournalEntry } from '../../../src/sdk/store/records.js';
import { waitFor } from '../../helpers/fixture.js';
import { armXssTrap, findInjected, flushInjectedHandlers, xssFired, XSS_PAYLOADS } from '../../fixtures/xss-payloads.js';
import { journalProgram } from '../../fixtures/journal-helpers.js';
import { backupOf } from '../../fixtures/journal-entries.js';
import { $, $$, button } from '../../helpers/query.js';
import { mountJournal, openSection, unmountJournals, opened } from '../../helpers/journal-object.js';

afterEach(unmountJournals);

async function expectInert(journal: ReflectionJournal, where: string): Promise<void> {
  await opened(journal);
  await flushInjectedHandlers();
  expect(xssFired(), `a payload ran (${where})`).to.equal(false);
  expect(findInjected(journal), where).to.deep.equal([]);
}

describe('<reflection-journal> with hostile text', () => {
  it(`keeps ${XSS_PAYLOADS.length} injection payloads inert in titles, fields, feelings, tags and prompts, in every view`, async function () {
    this.timeout(60_000);
    expect(XSS_PAYLOADS.length).to.be.at.least(30);
    armXssTrap();
    const program = await journalProgram();
    const { journal, sdk } = await mountJournal(program, html`<reflection-journal page-size="200"></reflection-journal>`);
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      await sdk.journal.save({
        templateId: i % 2 ? 'self-criticism-log' : 'free-reflection',
        title: payload,
        fields: i % 2 ? { situation: payload, tone: payload, feelings: [payload, 'small'], 'critic-words': payload } : { reflection: payload },
        tags: [payload, `tag ${i}`],
        prompt: payload,
        weekId: 'week-2',
      });
    }
    await opened(journal);
    expect($$(journal, '.card')).to.have.length(XSS_PAYLOADS.length);
    expect($$(journal, '.card-title').map((t) => t.textContent!.trim())).to.include(XSS_PAYLOADS[0]);
    await expectInert(journal, 'list');

    // Filters list every tag as an option.
    expect($$<HTMLOptionElement>(journal, '#filter-tag option').map((o) => o.value)).to.include(XSS_PAYLOADS[1]);

    for (const i of [0, 1, 2, 3, 30, 31]) {
      const entry = sdk.journal.snapshot.entries.find((e) => e.title === XSS_PAYLOADS[i])!;
      $$<HTMLButtonElement>(journal, '.card-title button').find((b) => b.textContent === entry.title)!.click();
      await waitFor(() => journal.shadowRoot!.querySelector('[part="editor"]'), 'the editor');
      expect($<HTMLInputElement>(journal, '#entry-title').value).to.equal(XSS_PAYLOADS[i]);
      expect($(journal, '[part="prompt"]').textContent).to.equal(XSS_PAYLOADS[i]);
      button(journal, 'History').click();
      await waitFor(() => journal.shadowRoot!.querySelector('[part="history"]'), 'the history');
      await expectInert(journal, `entry ${i}`);
      button(journal, 'Back to all entries').click();
      await waitFor(() => journal.shadowRoot!.querySelector('.list-title'), 'the list');
    }

    button(journal, 'Print').click();
    await opened(journal);
    expect($$(journal, '.print-entry')).to.have.length(XSS_PAYLOADS.length);
    await expectInert(journal, 'print view');
    button(journal, 'Back to all entries').click();
    await opened(journal);

    await openSection(journal, 'Share with my clinician');
    button(journal, 'Select all').click();
    await opened(journal);
    expect($(journal, '[part="share-preview"]').textContent).to.contain(XSS_PAYLOADS[0]!.replaceAll('<', '\\<'));
    await expectInert(journal, 'share view');

    await sdk.journal.delete(sdk.journal.snapshot.entries[0]!.id);
    await openSection(journal, 'Recently deleted (1)');
    await expectInert(journal, 'recently deleted');

    await openSection(journal, 'Backup and import');
    const hostile = XSS_PAYLOADS.map((p) => ({ id: p, templateId: p }) as unknown as JournalEntry);
    const files = new DataTransfer();
    files.items.add(new File([JSON.stringify(backupOf(sdk.id, hostile))], 'hostile.json'));
    const input = $<HTMLInputElement>(journal, '#import-file');
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitFor(() => journal.shadowRoot!.querySelector('.quarantine'), 'the damaged-record list');
    expect($(journal, '.quarantine').textContent).to.contain(XSS_PAYLOADS[0]);
    await expectInert(journal, 'import preview');
  });

  it('keeps payloads in attributes and step entries inert', async () => {
    armXssTrap();
    const payload = XSS_PAYLOADS[1]!;
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal template="weekly-reflection" prompt=${payload} heading=${payload}></reflection-journal>`);
    expect($(journal, '.title').textContent).to.equal(payload);
    expect($(journal, '[part="prompt"]').textContent).to.equal(payload);
    await sdk.journal.save({ templateId: 'weekly-reflection', title: 'x', fields: { answer: 'y' }, tags: XSS_PAYLOADS.slice(0, 10) });
    await opened(journal);
    expect($$<HTMLOptionElement>(journal, '#tag-suggestions option').map((o) => o.value)).to.include(payload);
    await expectInert(journal, 'embedded');
  });
});
