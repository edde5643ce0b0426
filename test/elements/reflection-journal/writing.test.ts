import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { StorageError } from '../../../src/sdk/errors.js';
import type { EntrySavedEvent } from '../../../src/sdk/events.js';
import type { JournalEntry } from '../../../src/sdk/store/records.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { journalProgram, rawDatabase } from '../../fixtures/journal-helpers.js';
import { $, $$, button } from '../../helpers/query.js';
import { mountJournal, openSection, saveState, typeInto, unmountJournals, waitForSaveState, opened } from '../../helpers/journal-object.js';

const TEMPLATES = ['free-reflection', 'weekly-reflection', 'compassionate-letter', 'self-criticism-log', 'three-systems-check-in', 'after-practice-check-in'];

afterEach(unmountJournals);

describe('<reflection-journal> writing', () => {
  for (const id of TEMPLATES) {
    it(`renders the ${id} template accessibly, empty and after saving`, async () => {
      const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal template=${id}></reflection-journal>`);
      const template = sdk.content.template(id)!;
      expect($(journal, '.title').textContent).to.equal(template.title);
      for (const field of template.fields) {
        const control = journal.shadowRoot!.querySelector(`#field-${field.id}, [name="field-${field.id}"]`);
        expect(control, field.id).to.exist;
      }
      await expectAccessible(journal);
      await typeInto(journal, $(journal, '#entry-title'), 'A title');
      await waitForSaveState(journal, /^Saved at/);
      await expectAccessible(journal);
    });
  }

  it('keeps every character when the tab is hidden mid-typing and the widget is torn down and recreated', async () => {
    const program = await journalProgram();
    const first = await mountJournal(program, html`<reflection-journal step-id="w1-reflect-2"></reflection-journal>`);
    const area = $<HTMLTextAreaElement>(first.journal, '#field-answer');
    area.focus();
    const typed = 'I came because my inner critic is loud. Kinder now!';
    await sendKeys({ type: typed });
    // No waiting for the autosave: the tab goes to the background and the widget is torn down at once.
    document.dispatchEvent(new Event('visibilitychange'));
    first.provider.remove();
    const second = await mountJournal(program, html`<reflection-journal step-id="w1-reflect-2"></reflection-journal>`);
    const again = await waitFor(() => {
      const a = second.journal.shadowRoot!.querySelector<HTMLTextAreaElement>('#field-answer');
      return a && a.value === typed ? a : undefined;
    }, 'the recreated journal to show the typed text');
    expect(again.value).to.equal(typed);
    const raw = (await rawDatabase(program.id)).entries as JournalEntry[];
    expect(raw.map((e) => e.fields.answer)).to.deep.equal([typed]);
  });

  it('flushes on pagehide before the autosave delay', async () => {
    const program = await journalProgram();
    const { journal, sdk } = await mountJournal(program, html`<reflection-journal template="free-reflection"></reflection-journal>`);
    const calls: number[] = [];
    const save = sdk.journal.save.bind(sdk.journal);
    sdk.journal.save = (...args) => {
      calls.push(Date.now());
      return save(...args);
    };
    try {
      await typeInto(journal, $(journal, 'textarea'), 'before the page goes');
      expect(calls).to.have.length(0);
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(calls).to.have.length(1);
      await waitForSaveState(journal, /^Saved at/);
    } finally {
      delete (sdk.journal as Partial<typeof sdk.journal>).save;
    }
  });

  it('saves in a read-write transaction with strict durability', async () => {
    const { journal } = await mountJournal(await journalProgram(), html`<reflection-journal template="free-reflection"></reflection-journal>`);
    const seen: { stores: string[]; mode?: string; durability?: string }[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      seen.push({ stores: [stores].flat(), mode, durability: options?.durability });
      return original.call(this, stores, mode, options);
    } as typeof original;
    try {
      await typeInto(journal, $(journal, 'textarea'), 'durable words');
      await waitForSaveState(journal, /^Saved at/);
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    const writes = seen.filter((t) => t.mode === 'readwrite' && t.stores.includes('entries'));
    expect(writes.length).to.be.greaterThan(0);
    expect(writes.map((w) => w.durability)).to.deep.equal(writes.map(() => 'strict'));
  });

  it('says "Saved at" only once the SDK save has resolved, and "Saving…" until then', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal template="free-reflection"></reflection-journal>`);
    // One entry says in words that nothing is saved yet (issue 11), rather than nothing at all.
    expect(saveState(journal)).to.equal('Not saved yet — your answer saves as you type');
    const save = sdk.journal.save.bind(sdk.journal);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    sdk.journal.save = async (...args) => {
      started++;
      await gate;
      return save(...args);
    };
    try {
      await typeInto(journal, $(journal, 'textarea'), 'not yet stored');
      expect(saveState(journal)).to.equal('Saving…');
      await expectAccessible(journal);
      await waitFor(() => started === 1, 'the autosave to start');
      await opened(journal);
      expect(saveState(journal)).to.equal('Saving…');
      expect(sdk.journal.snapshot.entries).to.have.length(0);
      release();
      const text = await waitForSaveState(journal, /^Saved at/);
      expect(sdk.journal.snapshot.entries).to.have.length(1);
      expect(text).to.equal(`Saved at ${new Intl.DateTimeFormat(sdk.content.program.locale, { hour: '2-digit', minute: '2-digit' }).format(Date.now())}`);
      expect($(journal, '[part="save-state"]').getAttribute('role')).to.equal('status');
    } finally {
      delete (sdk.journal as Partial<typeof sdk.journal>).save;
    }
  });

  it('says "Not saved — retrying" when a write fails, keeps the text, and saves on the retry', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal template="free-reflection"></reflection-journal>`);
    const errors: string[] = [];
    journal.addEventListener('ck-error', (e) => errors.push(e.detail.code));
    const save = sdk.journal.save.bind(sdk.journal);
    let failures = 1;
    sdk.journal.save = (...args) => (failures-- > 0 ? Promise.reject(new StorageError('write-failed', 'Storage failed while saving your entry: the disk went away.')) : save(...args));
    try {
      await typeInto(journal, $(journal, 'textarea'), 'kept through a failure');
      await waitForSaveState(journal, /^Not saved — retrying$/);
      expect($<HTMLTextAreaElement>(journal, 'textarea').value).to.equal('kept through a failure');
      expect(journal.shadowRoot!.textContent).to.contain('the disk went away');
      expect(errors).to.deep.equal(['write-failed']);
      await expectAccessible(journal);
      await waitForSaveState(journal, /^Saved at/);
      expect(sdk.journal.snapshot.entries[0]!.fields.reflection).to.equal('kept through a failure');
    } finally {
      delete (sdk.journal as Partial<typeof sdk.journal>).save;
    }
  });

  it('saves at once on Ctrl+S and Cmd+S, without the browser’s save dialog', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal template="free-reflection"></reflection-journal>`);
    const area = $<HTMLTextAreaElement>(journal, 'textarea');
    let calls = 0;
    const save = sdk.journal.save.bind(sdk.journal);
    sdk.journal.save = (...args) => {
      calls++;
      return save(...args);
    };
    try {
      for (const modifier of [{ ctrlKey: true }, { metaKey: true }]) {
        await typeInto(journal, area, `${area.value}x`);
        const before = calls;
        const key = new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true, cancelable: true, ...modifier });
        area.dispatchEvent(key);
        expect(key.defaultPrevented).to.equal(true);
        expect(calls).to.equal(before + 1);
        await waitForSaveState(journal, /^Saved at/);
      }
    } finally {
      delete (sdk.journal as Partial<typeof sdk.journal>).save;
    }
  });

  it('never moves the caret or focus when autosave finishes', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal template="free-reflection"></reflection-journal>`);
    const area = $<HTMLTextAreaElement>(journal, 'textarea');
    area.focus();
    await sendKeys({ type: 'Hello world' });
    await waitForSaveState(journal, /^Saved at/);
    area.setSelectionRange(5, 5);
    await sendKeys({ type: ',' });
    expect(saveState(journal)).to.equal('Saving…');
    await waitForSaveState(journal, /^Saved at/);
    await sendKeys({ type: ' dear' });
    await waitForSaveState(journal, /^Saved at/);
    expect(journal.shadowRoot!.activeElement).to.equal(area);
    expect(area.value).to.equal('Hello, dear world');
    expect(area.selectionStart).to.equal(11);
    expect(sdk.journal.snapshot.entries[0]!.fields.reflection).to.equal('Hello, dear world');
  });

  it('creates the step’s entry on the first keystroke, linked to its week, step and prompt', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal step-id="w3-reflect-2"></reflection-journal>`);
    const step = sdk.content.step('w3-reflect-2')!;
    expect($(journal, '[part="prompt"]').textContent).to.equal((step.step as { prompt: string }).prompt);
    expect($(journal, '.context').textContent).to.contain('Week 3');
    await opened(journal);
    expect(sdk.journal.snapshot.entries).to.have.length(0);
    await typeInto(journal, $(journal, '#field-answer'), 'circles');
    await waitForSaveState(journal, /^Saved at/);
    const [entry] = sdk.journal.snapshot.entries;
    expect(entry).to.include({ templateId: 'weekly-reflection', weekId: 'week-3', stepId: 'w3-reflect-2', prompt: (step.step as { prompt: string }).prompt });
    expect(entry!.fields.answer).to.equal('circles');
  });

  it('uses the template, prompt and week attributes over the step’s', async () => {
    const { journal, sdk } = await mountJournal(
      await journalProgram(),
      html`<reflection-journal step-id="w3-reflect-2" template="compassionate-letter" prompt="Write to yourself as a friend would." week-id="week-10"></reflection-journal>`,
    );
    expect($(journal, '[part="prompt"]').textContent).to.equal('Write to yourself as a friend would.');
    await typeInto(journal, $(journal, '#field-letter'), 'tired');
    await waitForSaveState(journal, /^Saved at/);
    expect(sdk.journal.snapshot.entries[0]).to.include({ templateId: 'compassionate-letter', weekId: 'week-10', stepId: 'w3-reflect-2', prompt: 'Write to yourself as a friend would.' });
  });

  it('records scales, choices and feelings with accessible native controls, and clears them', async () => {
    const program = await journalProgram();
    const three = await mountJournal(program, html`<reflection-journal template="three-systems-check-in"></reflection-journal>`);
    const j = three.journal;
    const seven = $$<HTMLInputElement>(j, 'input[name="field-threat"]').find((r) => r.value === '7')!;
    expect(seven.type).to.equal('radio');
    expect(seven.closest('fieldset')!.querySelector('legend')!.textContent).to.contain('Threat');
    seven.click();
    await waitForSaveState(j, /^Saved at/);
    expect(three.sdk.journal.snapshot.entries[0]!.fields.threat).to.equal(7);
    button(j, 'Clear Threat').click();
    await waitForSaveState(j, /^Saved at/);
    expect(three.sdk.journal.snapshot.entries[0]!.fields.threat).to.equal(null);
    await expectAccessible(j);

    const check = await mountJournal(await journalProgram(), html`<reflection-journal template="weekly-reflection"></reflection-journal>`);
    for (const feeling of ['calm', 'warm']) $$<HTMLInputElement>(check.journal, 'input[type="checkbox"]').find((c) => c.value === feeling)!.click();
    await waitForSaveState(check.journal, /^Saved at/);
    expect(check.sdk.journal.snapshot.entries[0]!.fields.feelings).to.deep.equal(['calm', 'warm']);

    const after = await mountJournal(await journalProgram(), html`<reflection-journal template="after-practice-check-in"></reflection-journal>`);
    $$<HTMLInputElement>(after.journal, 'input[name="field-feeling"]').find((r) => r.value === 'unsettled')!.click();
    await waitForSaveState(after.journal, /^Saved at/);
    expect(after.sdk.journal.snapshot.entries[0]!.fields.feeling).to.equal('unsettled');
  });

  it('keeps the last revisions: edit three times, restore the first', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal template="free-reflection"></reflection-journal>`);
    const area = $<HTMLTextAreaElement>(journal, 'textarea');
    for (const text of ['first version', 'second version', 'third version']) {
      await typeInto(journal, area, text);
      button(journal, 'Save now').click();
      await waitForSaveState(journal, /^Saved at/);
    }
    button(journal, 'History').click();
    await waitFor(() => journal.shadowRoot!.querySelector('[part="history"]'), 'the history');
    const items = $$(journal, '.revisions li');
    expect(items.map((li) => li.querySelector('.excerpt')!.textContent)).to.deep.equal(['third version', 'second version', 'first version']);
    await expectAccessible(journal);
    button(journal, /version 1\)/).click();
    await waitFor(() => area.value === 'first version', 'the first version to be back in the editor');
    const id = sdk.journal.snapshot.entries[0]!.id;
    expect((await sdk.journal.get(id))!.fields.reflection).to.equal('first version');
    expect(await sdk.journal.revisions(id)).to.have.length(4);
    await waitFor(() => $$(journal, '.revisions li').length === 4, 'the history to list the restore too');
  });

  it('adds and removes tags', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal template="free-reflection"></reflection-journal>`);
    const input = $<HTMLInputElement>(journal, '#tag-input');
    await typeInto(journal, input, 'sleep');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
    await typeInto(journal, input, 'work, family');
    button(journal, 'Add tag').click();
    await waitForSaveState(journal, /^Saved at/);
    expect(sdk.journal.snapshot.entries[0]!.tags).to.deep.equal(['sleep', 'work', 'family']);
    await expectAccessible(journal);
    $<HTMLButtonElement>(journal, 'button[aria-label="Remove tag work"]').click();
    await waitForSaveState(journal, /^Saved at/);
    await waitFor(() => sdk.journal.snapshot.entries[0]!.tags.length === 2, 'the tag to be removed');
    expect(sdk.journal.snapshot.entries[0]!.tags).to.deep.equal(['sleep', 'family']);
  });

  it('fires ck-entry-saved with ids only, never the text', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal step-id="w1-reflect-2"></reflection-journal>`);
    const events: EntrySavedEvent[] = [];
    journal.addEventListener('ck-entry-saved', (e) => events.push(e));
    await typeInto(journal, $(journal, 'textarea'), 'a private thought');
    await waitForSaveState(journal, /^Saved at/);
    expect(events).to.have.length(1);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(events[0]!.detail).to.deep.equal({ programId: sdk.id, entryId: sdk.journal.snapshot.entries[0]!.id, templateId: 'weekly-reflection', revision: 1, created: true, weekId: 'week-1', stepId: 'w1-reflect-2', empty: false });
    expect(JSON.stringify(events[0]!.detail)).to.not.contain('private');
  });

  it('works by keyboard alone: choose a template, start writing, type, save with Ctrl+S', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    button(journal, 'Compassionate letter').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => journal.shadowRoot!.activeElement?.id === 'entry-title', 'focus in the new entry');
    await sendKeys({ type: 'To me' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(journal.shadowRoot!.activeElement?.id).to.equal('field-letter');
    await sendKeys({ type: 'Evenings are hard.' });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 's' });
    await sendKeys({ up: 'Control' });
    await waitForSaveState(journal, /^Saved at/);
    const [entry] = sdk.journal.snapshot.entries;
    expect(entry).to.deep.include({ templateId: 'compassionate-letter', title: 'To me' });
    expect(entry!.fields).to.deep.include({ writer: 'My compassionate self', letter: 'Evenings are hard.' });
  });

  it('deletes with undo, and restores from Recently deleted', async () => {
    const program = await journalProgram();
    const { journal, sdk } = await mountJournal(program);
    await sdk.journal.save({ templateId: 'free-reflection', title: 'To be deleted', fields: { reflection: 'x' } });
    await opened(journal);
    button(journal, 'To be deleted').click();
    await waitFor(() => journal.shadowRoot!.querySelector('[part="editor"]'), 'the editor');
    button(journal, 'Delete').click();
    await waitFor(() => sdk.journal.snapshot.deleted.length === 1, 'the entry to move to Recently deleted');
    await waitFor(() => $(journal, '[part="announcement"]').textContent!.includes('Recently deleted'), 'the announcement');
    await expectAccessible(journal);
    button(journal, 'Undo delete').click();
    await waitFor(() => sdk.journal.snapshot.entries.length === 1, 'the undo');
    await waitFor(() => journal.shadowRoot!.querySelector('[part="editor"]'), 'the restored entry to open');
    button(journal, 'Delete').click();
    await waitFor(() => sdk.journal.snapshot.deleted.length === 1, 'the second delete');
    await openSection(journal, 'Recently deleted (1)');
    await expectAccessible(journal);
    button(journal, 'Restore').click();
    await waitFor(() => sdk.journal.snapshot.entries.length === 1, 'the restore');
    await sdk.journal.delete(sdk.journal.snapshot.entries[0]!.id);
    await opened(journal);
    button(journal, 'Delete for good').click();
    await opened(journal);
    button(journal, 'Confirm: delete for good').click();
    await waitFor(() => sdk.journal.snapshot.deleted.length === 0, 'the purge');
    expect((await rawDatabase(program.id)).revisions).to.have.length(0);
  });
});
