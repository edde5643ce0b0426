import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import type { ReflectionJournal } from '../../../src/elements/reflection-journal/reflection-journal.js';
import type { JournalEntry } from '../../../src/sdk/store/records.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { journalProgram, rawDatabase } from '../../fixtures/journal-helpers.js';
import { $, $$, button } from '../../helpers/query.js';
import { mountJournal, openSection, unmountJournals, opened } from '../../helpers/journal-object.js';

afterEach(unmountJournals);

interface Saved {
  name: string;
  href: string;
  text: string;
  type: string;
}

/** Clicks `trigger` and returns the file the journal saved: the Blob behind the download link. */
async function capture(journal: ReflectionJournal, trigger: () => void): Promise<Saved> {
  const blobs = new Map<string, Blob>();
  const original = URL.createObjectURL;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = original.call(URL, obj);
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  };
  let link: HTMLAnchorElement | undefined;
  const onClick = (e: Event) => {
    const a = e.composedPath()[0];
    if (a instanceof HTMLAnchorElement && a.download) {
      link = a;
      e.preventDefault();
    }
  };
  journal.shadowRoot!.addEventListener('click', onClick, true);
  try {
    trigger();
    await waitFor(() => link, 'a file to be saved');
  } finally {
    URL.createObjectURL = original;
    journal.shadowRoot!.removeEventListener('click', onClick, true);
  }
  const blob = blobs.get(link!.href)!;
  return { name: link!.download, href: link!.href, text: await blob.text(), type: blob.type };
}

async function go(journal: ReflectionJournal, label: string): Promise<void> {
  await openSection(journal, label);
  await opened(journal);
}

function chooseFile(journal: ReflectionJournal, text: string, name = 'backup.json'): void {
  const input = $<HTMLInputElement>(journal, '#import-file');
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const MEGABYTE = (() => {
  const unit = 'Kindness 💛 لطف חסד\u200b\u200d\u2060 ';
  return unit.repeat(Math.ceil(1_048_576 / unit.length)).slice(0, 1_048_576);
})();

describe('<reflection-journal> export and import', () => {
  it('round-trips a JSON backup byte-exact through export, erase and import: emoji, RTL, zero-width, 1 MB', async () => {
    const program = await journalProgram();
    const { journal, sdk } = await mountJournal(program);
    const texts = ['Emoji 😊🫶🏽👩‍👩‍👧 and a flag 🇵🇸', 'أنا أتعلم أن أكون لطيفًا مع نفسي', 'zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeff', MEGABYTE];
    for (const [i, text] of texts.entries()) {
      const e = await sdk.journal.save({ templateId: 'free-reflection', title: `Entry ${i} ✨`, fields: { reflection: text }, tags: ['tag 🌱', 'وسم'] });
      await sdk.journal.save({ ...e, fields: { reflection: `${text}!` } });
    }
    await sdk.progress.complete('w1-read');
    const before = await rawDatabase(program.id);
    await go(journal, 'Backup and import');
    await expectAccessible(journal);
    const file = await capture(journal, () => button(journal, 'Save a backup file').click());
    expect(file.href).to.match(/^blob:/);
    expect(file.name).to.match(/-backup-\d{4}-\d\d-\d\d\.json$/);
    expect(file.type).to.equal('application/json');

    $<HTMLDetailsElement>(journal, 'details.erase').open = true;
    const confirm = $<HTMLInputElement>(journal, '#erase-confirm');
    confirm.value = 'ERASE';
    button(journal, 'Erase everything').click();
    await waitFor(() => sdk.journal.snapshot.entries.length === 0, 'the erase');
    expect((await rawDatabase(program.id)).entries).to.deep.equal([]);

    chooseFile(journal, file.text);
    await waitFor(() => journal.shadowRoot!.querySelector('[part="import-preview"]'), 'the import preview');
    const counts = Object.fromEntries($$(journal, '.counts div').map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
    expect(counts['Journal entries']).to.equal('4');
    expect(counts['Earlier versions of entries']).to.equal('8');
    expect(counts['Completed steps']).to.equal('1');
    expect(counts['Already on this device']).to.match(/^0 /);
    await expectAccessible(journal);
    button(journal, 'Import').click();
    await waitFor(() => sdk.journal.snapshot.entries.length === 4, 'the import');
    const after = await rawDatabase(program.id);
    const byKey = (rows: unknown[]) => JSON.stringify([...(rows as { id?: string; key?: string; stepId?: string }[])].sort((a, b) => String(a.id ?? a.key ?? a.stepId).localeCompare(String(b.id ?? b.key ?? b.stepId))));
    for (const store of ['entries', 'revisions', 'progress']) expect(byKey(after[store]!), store).to.equal(byKey(before[store]!));
    const big = (after.entries as JournalEntry[]).find((e) => e.title === 'Entry 3 ✨')!;
    expect(big.fields.reflection).to.equal(`${MEGABYTE}!`);
  });

  it('previews duplicates and damaged records, and Cancel writes nothing', async () => {
    const program = await journalProgram();
    const { journal, sdk } = await mountJournal(program);
    await sdk.journal.save({ templateId: 'free-reflection', title: 'Here already', fields: { reflection: 'x' } });
    const doc = await sdk.backup.export();
    doc.stores.entries!.push({ id: 'broken', templateId: 'free-reflection' } as unknown as JournalEntry);
    const before = await rawDatabase(program.id);
    await go(journal, 'Backup and import');
    chooseFile(journal, JSON.stringify(doc));
    await waitFor(() => journal.shadowRoot!.querySelector('[part="import-preview"]'), 'the import preview');
    const text = $(journal, '[part="import-preview"]').textContent!;
    expect(text).to.match(/Already on this device\s*1 entry, skipped/);
    expect(text).to.match(/Damaged records\s*1: kept aside/);
    expect($(journal, '.quarantine').textContent).to.contain('(broken)');
    button(journal, 'Cancel').click();
    await opened(journal);
    expect(await rawDatabase(program.id)).to.deep.equal(before);
  });

  it('previews a text changed in both places exactly as it imports it, and keeps both texts in History', async () => {
    const program = await journalProgram();
    const { journal, sdk } = await mountJournal(program);
    const mine = await sdk.journal.save({ id: 'both', templateId: 'free-reflection', title: 'Evening', fields: { reflection: 'written here first' } });
    const doc = await sdk.backup.export();
    // The other device edited the same entry later; this device edited it too.
    const theirs = { ...doc.stores.entries![0]!, fields: { reflection: 'edited on the other device' }, updatedAt: mine.updatedAt + 60_000, revision: 2 };
    doc.stores.entries = [theirs, { ...theirs, id: 'new-one', fields: { reflection: 'only in the file' } }];
    doc.stores.revisions = [...doc.stores.revisions!, { key: 'both:2', entryId: 'both', revision: 2, savedAt: theirs.updatedAt, title: 'Evening', fields: theirs.fields, tags: [] }];
    await sdk.journal.save({ ...mine, fields: { reflection: 'edited here too' } });
    const expected = await sdk.backup.preview(doc);
    await go(journal, 'Backup and import');
    chooseFile(journal, JSON.stringify(doc));
    await waitFor(() => journal.shadowRoot!.querySelector('[part="import-preview"]'), 'the import preview');
    const rows = Object.fromEntries($$(journal, '.counts div').map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()]));
    expect(rows['New to this device']).to.equal('1 entry');
    expect(rows['Changed in both places']).to.match(/^1 entry: both texts kept; the newer is current, the other is an imported copy in History/);
    expect(rows['Versions added to History']).to.equal(String(expected.revisions.added));
    expect($(journal, '[part="import-preview"]').textContent).to.contain('Nothing on this device is written over');
    await expectAccessible(journal);
    button(journal, 'Import').click();
    const done = await waitFor(() => journal.shadowRoot!.querySelector('.success'), 'the import report');
    expect(done.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Imported 1 entry, kept both texts of 1 entry, added ${expected.revisions.added} versions to History.`);
    expect((await sdk.journal.get('both'))!.fields.reflection).to.equal('edited on the other device');
    const history = (await sdk.journal.revisions('both')).map((r) => r.fields.reflection);
    expect(history).to.include.members(['written here first', 'edited here too', 'edited on the other device']);
  });

  it('explains a file that is not a backup and imports nothing', async () => {
    const program = await journalProgram();
    const { journal } = await mountJournal(program);
    await go(journal, 'Backup and import');
    chooseFile(journal, '{"hello": "world"}', 'notes.json');
    const alert = await waitFor(() => journal.shadowRoot!.querySelector('[role="alert"]'), 'an error');
    expect(alert.textContent).to.contain('not a compassion-kit backup');
    await expectAccessible(journal);
  });

  it('saves the selected entries as Markdown, with text that no viewer can read as HTML', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    await sdk.journal.save({ templateId: 'free-reflection', title: 'Not chosen', fields: { reflection: 'left out' } });
    const a = await sdk.journal.save({ templateId: 'self-criticism-log', title: 'Chosen one', fields: { situation: 'At work <b>late</b>', tone: 'harsh', feelings: ['small', 'tired'] }, tags: ['work'] });
    const b = await sdk.journal.save({ templateId: 'three-systems-check-in', title: 'Chosen two', fields: { threat: 7, note: 'line one\nline two' } });
    await opened(journal);
    for (const e of [a, b]) $<HTMLInputElement>(journal, `#select-${e.id}`).click();
    await opened(journal);
    const file = await capture(journal, () => button(journal, 'Save as Markdown').click());
    expect(file.name).to.match(/^journal-\d{4}-\d\d-\d\d\.md$/);
    expect(file.text).to.contain('## Chosen one');
    expect(file.text).to.contain('## Chosen two');
    expect(file.text).to.not.contain('Not chosen');
    expect(file.text).to.contain('At work \\<b>late\\</b>');
    expect(file.text).to.contain('7 on a scale of 0 to 10 (0 = Very quiet, 10 = Very active)');
    expect(file.text).to.contain('small, tired');
    expect(file.text).to.contain('Tags: work');
  });

  it('prepares a file for a clinician: pick entries, preview exactly the file, save it', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    const keep = await sdk.journal.save({ templateId: 'compassionate-letter', title: 'For my therapist', fields: { struggle: 'I find evenings hard.', closing: 'With warmth' }, weekId: 'week-10' });
    await sdk.journal.save({ templateId: 'free-reflection', title: 'Private', fields: { reflection: 'only for me' } });
    await go(journal, 'Share with my clinician');
    await expectAccessible(journal);
    expect($(journal, '[part="share-save"]').hasAttribute('disabled')).to.equal(true);
    $<HTMLInputElement>(journal, `#share-${keep.id}`).click();
    await opened(journal);
    const preview = $(journal, '[part="share-preview"]').textContent!;
    expect(preview).to.contain('# Journal entries shared with my clinician');
    expect(preview).to.contain('I find evenings hard.');
    expect(preview).to.contain('Week 10:');
    expect(preview).to.not.contain('only for me');
    await expectAccessible(journal);
    const file = await capture(journal, () => $<HTMLButtonElement>(journal, '[part="share-save"]').click());
    expect(file.text).to.equal(preview);
    expect(file.type).to.contain('text/markdown');
  });

  it('puts questionnaire scores in the file for a clinician only when the participant ticks them (issue 16)', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    await sdk.progress.complete('w1-check', { answers: { warmth: 1, harshness: 3, rest: 1, feelings: 2, common: 2 } });
    await sdk.progress.complete('w7-check', { answers: { warmth: 3, harshness: 1, rest: 3, feelings: 3, common: 3 } });
    await go(journal, 'Share with my clinician');
    await opened(journal);
    const box = await waitFor(() => journal.shadowRoot!.querySelector<HTMLInputElement>('#share-scores'), 'the scores choice');
    expect(box.checked).to.equal(false);
    expect(box.labels![0]!.textContent).to.equal('My questionnaire scores (Self-kindness check-in)');
    expect($(journal, '[part="share-preview"]').textContent).not.to.contain('Questionnaire scores');
    expect($(journal, '[part="share-save"]').hasAttribute('disabled')).to.equal(true);
    box.click();
    await opened(journal);
    // harshness is reverse-scored: week 1 is 1 + 1 + 1 + 2 + 2 = 7, week 7 is 3 + 3 + 3 + 3 + 3 = 15.
    const preview = $(journal, '[part="share-preview"]').textContent!;
    expect(preview).to.contain('## Questionnaire scores').and.to.contain('- Week 1: 7 (Finding it hard to be kind to yourself)').and.to.contain('- Week 7: 15 (A lot of kindness towards yourself)');
    await expectAccessible(journal);
    const file = await capture(journal, () => $<HTMLButtonElement>(journal, '[part="share-save"]').click());
    expect(file.text).to.equal(preview);
  });

  it('shows a print view of the selection, and the print stylesheet hides the controls', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    const e = await sdk.journal.save({ templateId: 'self-criticism-log', title: 'Print me', fields: { situation: 'Supermarket queue' } });
    await sdk.journal.save({ templateId: 'free-reflection', title: 'Not me', fields: { reflection: 'no' } });
    await opened(journal);
    $<HTMLInputElement>(journal, `#select-${e.id}`).click();
    await opened(journal);
    button(journal, 'Print').click();
    await opened(journal);
    const view = $(journal, '[part="print-view"]');
    expect($$(journal, '.print-entry')).to.have.length(1);
    expect(view.textContent).to.contain('Supermarket queue');
    await expectAccessible(journal);
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(journal, 'nav')).display).to.equal('none');
      expect(getComputedStyle($(journal, '.no-print')).display).to.equal('none');
      expect(getComputedStyle($(journal, '.print-entry')).display).to.equal('block');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
