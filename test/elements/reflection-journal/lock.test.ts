import { expect } from 'chai';
import { html } from 'lit';
import type { JournalLockEvent } from '../../../src/elements/reflection-journal/events.js';
import type { ReflectionJournal } from '../../../src/elements/reflection-journal/reflection-journal.js';
import { journalLock } from '../../../src/sdk/crypto/journal-lock.js';
import type { JournalEntry, Sealed } from '../../../src/sdk/store/records.js';
import { expectAccessible } from '../../helpers/axe.js';
import { settle, waitFor } from '../../helpers/fixture.js';
import { containsText, flipByte, journalProgram, rawDatabase, rawUpdate } from '../../fixtures/journal-helpers.js';
import { backupOf } from '../../fixtures/journal-entries.js';
import { $, $$, button } from '../../helpers/query.js';
import { mountJournal, openSection, typeInto, unmountJournals, waitForSaveState, opened } from '../../helpers/journal-object.js';

const PASS = 'lantern harbour willow seven';
const SECRET = 'My critic said I am worthless';
const OTHER = 'Ein Brief an mich 💌';

afterEach(unmountJournals);

async function fill(journal: ReflectionJournal, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) await typeInto(journal, $<HTMLInputElement>(journal, `#${id}`), value);
}

async function submit(journal: ReflectionJournal, label: string): Promise<void> {
  button(journal, label).click();
  await opened(journal);
}

async function withEntries() {
  const program = await journalProgram();
  const m = await mountJournal(program);
  const a = await m.sdk.journal.save({ templateId: 'self-criticism-log', title: 'Critic log', fields: { 'critic-words': SECRET, tone: 'harsh' }, tags: ['evening'] });
  const b = await m.sdk.journal.save({ templateId: 'compassionate-letter', title: 'Letter', fields: { struggle: OTHER } });
  await settle(m.journal);
  return { ...m, program, a, b };
}

describe('<reflection-journal> passphrase lock', () => {
  it('sets up with confirmation, a strength hint and a plain warning, then stores no entry text in plaintext', async () => {
    const { journal, program } = await withEntries();
    const events: JournalLockEvent[] = [];
    journal.addEventListener('ck-journal-lock', (e) => events.push(e));
    await openSection(journal, 'Privacy lock');
    expect($(journal, '[part="lock-warning"]').textContent).to.match(/If you forget your passphrase, your entries are lost/);
    await expectAccessible(journal);

    await fill(journal, { 'enable-passphrase': 'short' });
    expect($(journal, '#enable-strength').textContent).to.contain('Too short');
    await submit(journal, 'Turn on the lock');
    expect($(journal, '[role="alert"]').textContent).to.contain('at least 8 characters');

    await fill(journal, { 'enable-passphrase': PASS, 'enable-confirm': `${PASS}x` });
    expect($(journal, '#enable-strength').textContent).to.contain('Strong');
    await submit(journal, 'Turn on the lock');
    expect($(journal, '[role="alert"]').textContent).to.contain('not the same');
    await expectAccessible(journal);

    await fill(journal, { 'enable-confirm': PASS });
    await submit(journal, 'Turn on the lock');
    expect($(journal, '[role="alert"]').textContent).to.contain('cannot be recovered');

    $<HTMLInputElement>(journal, '#enable-ack').click();
    await submit(journal, 'Turn on the lock');
    await waitFor(() => $(journal, '.view-title').textContent === 'Passphrase lock is on', 'the lock to be on', 10_000);
    const raw = await rawDatabase(program.id);
    for (const secret of [SECRET, OTHER, 'Critic log', 'Letter', 'evening', 'harsh', PASS]) expect(containsText(raw, secret), secret).to.equal(false);
    expect((raw.entries as JournalEntry[]).every((e) => e.sealed && e.title === '' && Object.keys(e.fields).length === 0)).to.equal(true);
    expect(events.map((e) => e.detail.action)).to.deep.equal(['enable']);
    expect(JSON.stringify(events[0]!.detail)).to.not.contain(PASS);
    await expectAccessible(journal);
  });

  it('locks and unlocks; a wrong passphrase says so and changes nothing', async () => {
    const { journal, sdk, program } = await withEntries();
    await journalLock(sdk).enable(PASS);
    await opened(journal);
    $<HTMLButtonElement>(journal, '[part="lock-button"]').click();
    await waitFor(() => journal.shadowRoot!.querySelector('[part="unlock-form"]'), 'the unlock form');
    expect(journal.shadowRoot!.textContent).to.not.contain(SECRET);
    expect(journal.shadowRoot!.querySelector('.card')).to.equal(null);
    await expectAccessible(journal);
    const before = await rawDatabase(program.id);

    await fill(journal, { 'unlock-passphrase': 'lantern harbour willow seven!' });
    await submit(journal, 'Unlock');
    const alert = await waitFor(() => journal.shadowRoot!.querySelector('#unlock-error'), 'the wrong-passphrase message', 10_000);
    expect(alert.textContent).to.contain('does not open this journal');
    expect(alert.textContent).to.contain('Nothing was changed');
    expect($(journal, '#unlock-passphrase').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(journal);
    expect(await rawDatabase(program.id)).to.deep.equal(before);

    await fill(journal, { 'unlock-passphrase': PASS });
    await submit(journal, 'Unlock');
    await waitFor(() => $$(journal, '.card').length === 2, 'the entries after unlocking', 10_000);
    expect(journal.shadowRoot!.textContent).to.contain('Critic log');
  });

  it('opens the other entries when one stored ciphertext has a flipped byte, and explains the damaged one', async () => {
    const { journal, sdk, program, a, b } = await withEntries();
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await lock.lock();
    await rawUpdate(program.id, 'entries', a.id, (r) => ({ ...r, sealed: { ...(r.sealed as Sealed), data: flipByte((r.sealed as Sealed).data) } }));
    await fill(journal, { 'unlock-passphrase': PASS });
    await submit(journal, 'Unlock');
    await waitFor(() => $$(journal, '.card').length === 2, 'the list', 10_000);
    const damaged = $$(journal, '.card-title').map((t) => t.textContent!.trim());
    expect(damaged).to.include('Self-criticism log (could not be opened)');
    expect(damaged).to.include('Letter');
    button(journal, 'Self-criticism log (could not be opened)').click();
    const alert = await waitFor(() => journal.shadowRoot!.querySelector('.entry [role="alert"]'), 'the damaged-entry message');
    expect(alert.textContent).to.match(/could not be opened.*integrity check.*other entries are not affected/s);
    await expectAccessible(journal);
    button(journal, 'Back to all entries').click();
    await waitFor(() => journal.shadowRoot!.querySelector('.list-title'), 'the list');
    button(journal, 'Letter').click();
    const area = await waitFor(() => journal.shadowRoot!.querySelector<HTMLTextAreaElement>('#field-struggle'), 'the intact entry');
    expect(area.value).to.equal(OTHER);
    expect(b.id).to.not.equal(a.id);
  });

  it('locks itself after the idle time, saving the open text first, and the step entry returns after unlocking', async () => {
    const program = await journalProgram();
    const { journal, sdk } = await mountJournal(program, html`<reflection-journal step-id="w1-reflect-2"></reflection-journal>`);
    const lock = journalLock(sdk);
    await lock.enable(PASS, { autoLockMinutes: null });
    await typeInto(journal, $(journal, '#field-answer'), 'typed just before stepping away');
    await lock.setAutoLock(0.01);
    await waitFor(() => journal.shadowRoot!.querySelector('[part="unlock-form"]'), 'the automatic lock', 10_000);
    expect(containsText(await rawDatabase(program.id), 'stepping away')).to.equal(false);
    expect(journal.shadowRoot!.textContent).to.not.contain('stepping away');
    await fill(journal, { 'unlock-passphrase': PASS });
    await submit(journal, 'Unlock');
    const area = await waitFor(() => journal.shadowRoot!.querySelector<HTMLTextAreaElement>('#field-answer'), 'the entry after unlocking', 10_000);
    expect(area.value).to.equal('typed just before stepping away');
  });

  it('chooses the auto-lock time and changes the passphrase by re-wrapping the key', async () => {
    const { journal, sdk, program } = await withEntries();
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await openSection(journal, 'Privacy lock');
    const select = $<HTMLSelectElement>(journal, '#manage-autolock');
    select.value = '5';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => lock.snapshot.autoLockMinutes === 5, 'the auto-lock setting');
    const before = await rawDatabase(program.id);
    await fill(journal, { 'change-current': 'not my passphrase', 'change-passphrase': 'a brand new passphrase', 'change-confirm': 'a brand new passphrase' });
    await submit(journal, 'Change passphrase');
    await waitFor(() => journal.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('does not open'), 'the wrong current passphrase message', 10_000);
    await fill(journal, { 'change-current': PASS });
    await submit(journal, 'Change passphrase');
    await waitFor(() => $(journal, '[part="announcement"]').textContent!.includes('passphrase is changed'), 'the change', 10_000);
    const after = await rawDatabase(program.id);
    expect(after.entries).to.deep.equal(before.entries);
    await lock.lock();
    await opened(journal);
    await fill(journal, { 'unlock-passphrase': 'a brand new passphrase' });
    await submit(journal, 'Unlock');
    await waitFor(() => lock.state === 'unlocked' && $(journal, '.view-title').textContent === 'Passphrase lock is on', 'unlocking with the new passphrase', 10_000);
    expect(sdk.journal.list({ query: 'worthless' })).to.have.length(1);
  });

  it('saves an encrypted backup while locked', async () => {
    const { journal, sdk } = await withEntries();
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await lock.lock();
    await opened(journal);
    await openSection(journal, 'Backup and import');
    await expectAccessible(journal);
    let blob: Blob | undefined;
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return original.call(URL, b);
    };
    const stop = (e: Event) => e.composedPath()[0] instanceof HTMLAnchorElement && e.preventDefault();
    journal.shadowRoot!.addEventListener('click', stop, true);
    try {
      button(journal, 'Save a backup file').click();
      await waitFor(() => blob, 'the backup');
    } finally {
      URL.createObjectURL = original;
      journal.shadowRoot!.removeEventListener('click', stop, true);
    }
    const text = await blob!.text();
    expect(text).to.contain('"sealed"');
    for (const secret of [SECRET, OTHER, 'Critic log']) expect(containsText(text, secret), secret).to.equal(false);
    expect($(journal, '[part="announcement"]').textContent).to.match(/Encrypted backup saved|^$/);
  });

  it('seals a plaintext backup before importing it into a locked-on journal', async () => {
    const { journal, sdk, program } = await withEntries();
    await journalLock(sdk).enable(PASS);
    await openSection(journal, 'Backup and import');
    const imported: JournalEntry = { id: 'from-backup', templateId: 'free-reflection', title: 'Imported title', fields: { reflection: 'imported words' }, tags: ['moved'], createdAt: 1, updatedAt: 2, revision: 1 };
    const input = $<HTMLInputElement>(journal, '#import-file');
    const files = new DataTransfer();
    files.items.add(new File([JSON.stringify(backupOf(program.id, [imported]))], 'old.json'));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitFor(() => journal.shadowRoot!.querySelector('[part="import-confirm"]'), 'the preview');
    $<HTMLButtonElement>(journal, '[part="import-confirm"]').click();
    await waitFor(() => sdk.journal.snapshot.entries.length === 3, 'the import');
    expect(containsText(await rawDatabase(program.id), 'imported words')).to.equal(false);
    expect(sdk.journal.list({ query: 'imported words' })).to.have.length(1);
  });

  it('turns the lock off with the passphrase', async () => {
    const { journal, sdk, program } = await withEntries();
    await journalLock(sdk).enable(PASS);
    await openSection(journal, 'Privacy lock');
    await fill(journal, { 'disable-passphrase': PASS });
    await submit(journal, 'Turn the lock off');
    await waitFor(() => $(journal, '.view-title').textContent === 'Passphrase lock', 'the lock to be off', 10_000);
    expect(containsText(await rawDatabase(program.id), SECRET)).to.equal(true);
  });

  it('keeps typing safe when the lock is turned on in another tab: nothing is written in plaintext', async () => {
    const program = await journalProgram();
    const { journal, sdk } = await mountJournal(program, html`<reflection-journal template="free-reflection"></reflection-journal>`);
    const other = await mountJournal(program, html`<reflection-journal></reflection-journal>`);
    await typeInto(journal, $(journal, 'textarea'), 'first words');
    await waitForSaveState(journal, /^Saved at/);
    await journalLock(other.sdk).enable(PASS);
    await waitFor(() => sdk.journal.snapshot.lock === 'locked', 'this tab to see the lock');
    expect(containsText(await rawDatabase(program.id), 'first words')).to.equal(false);
  });
});
