import { sendKeys, setViewport } from '@web/test-runner-commands';
import { expect } from 'chai';
import { html } from 'lit';
import type { JournalEntrySavedEvent } from '../../../src/elements/reflection-journal/events.js';
import type { ReflectionJournal } from '../../../src/elements/reflection-journal/reflection-journal.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cdp } from '../../helpers/cdp.js';
import { settle, waitFor } from '../../helpers/fixture.js';
import { mountJournal, typeInto, unmountJournals, waitForSaveState } from '../../helpers/journal-object.js';
import { $, $$, button, maybe, text } from '../../helpers/query.js';
import { journalProgram } from '../../fixtures/journal-helpers.js';

const PHONES = [
  { width: 375, height: 667 },
  { width: 320, height: 568 },
] as const;

/** A reflection step as a course week embeds it. */
const step = (stepId: string) => html`<reflection-journal embedded step-id=${stepId}></reflection-journal>`;

/** Shown on screen: rendered with a size (a `hidden` ancestor gives none). */
function shown(el: Element | null): boolean {
  return !!el && el.getClientRects().length > 0;
}

/** Every element in the journal's shadow root whose content is wider than its box, by name. */
function overflowing(journal: ReflectionJournal): string[] {
  const host = journal.getBoundingClientRect();
  const out: string[] = [];
  if (journal.scrollWidth > journal.clientWidth) out.push('reflection-journal');
  for (const el of $$(journal, '*')) {
    if (!shown(el)) continue;
    const name = `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX !== 'hidden') out.push(`${name} (${el.scrollWidth} > ${el.clientWidth})`);
    const r = el.getBoundingClientRect();
    // Visually hidden text is clipped to 1px on purpose.
    if (r.width > 1 && (r.left < host.left - 0.5 || r.right > host.right + 0.5)) out.push(`${name} outside the journal`);
  }
  return out;
}

/** A phone's touch screen: Chromium then reports `(pointer: coarse)` (emulated media features do not reach `pointer`). */
async function emulateTouch(on: boolean): Promise<void> {
  await cdp('Emulation.setTouchEmulationEnabled', on ? { enabled: true, maxTouchPoints: 5 } : { enabled: false });
}

function moreButton(journal: ReflectionJournal): HTMLButtonElement {
  return $<HTMLButtonElement>(journal, '[part="more-button"]');
}

async function ready(journal: ReflectionJournal): Promise<void> {
  await waitFor(() => maybe(journal, '[part="editor"]'), 'the step’s question');
  await settle(journal);
}

afterEach(async () => {
  await unmountJournals();
  await setViewport({ width: 800, height: 600 });
});

describe('<reflection-journal step-id> (a reflection step)', () => {
  for (const viewport of PHONES) {
    describe(`at ${viewport.width}×${viewport.height}`, () => {
      beforeEach(() => setViewport(viewport));

      it('shows the prompt, the fields and the save state in words; title, tags, History and Delete wait behind More', async () => {
        const { journal, sdk } = await mountJournal(await journalProgram(), step('w1-reflect-2'));
        await ready(journal);
        const form = $(journal, '[part="editor"]');
        // The prompt comes first in the form, then the answer.
        expect(form.firstElementChild!.getAttribute('part')).to.equal('prompt');
        const prompt = sdk.content.step('w1-reflect-2')!.step;
        expect(text($(journal, '[part="prompt"]'))).to.equal(prompt.kind === 'reflect' ? prompt.prompt : '');
        expect(shown($(journal, 'textarea'))).to.equal(true);
        expect(text($(journal, '[part="save-state"]'))).to.equal('Not saved yet — your answer saves as you type');
        const more = moreButton(journal);
        expect(more.getAttribute('aria-expanded')).to.equal('false');
        expect(more.getAttribute('aria-controls')).to.equal('entry-more');
        for (const selector of ['#entry-title', '#tag-input']) expect(shown($(journal, selector)), selector).to.equal(false);
        for (const label of ['History', 'Delete', 'Save now', 'Add tag']) expect(shown(button(journal, label)), label).to.equal(false);
        expect(overflowing(journal)).to.deep.equal([]);
        await expectAccessible(journal);

        more.click();
        await settle(journal);
        expect(more.getAttribute('aria-expanded')).to.equal('true');
        for (const selector of ['#entry-title', '#tag-input']) expect(shown($(journal, selector)), selector).to.equal(true);
        for (const label of ['History', 'Delete', 'Save now']) expect(shown(button(journal, label)), label).to.equal(true);
        expect(overflowing(journal)).to.deep.equal([]);
        await expectAccessible(journal);

        await typeInto(journal, $(journal, 'textarea'), 'Kinder to myself on the bus.');
        expect(text($(journal, '[part="save-state"]'))).to.equal('Saving…');
        await waitForSaveState(journal, /^Saved at/);
        await expectAccessible(journal);
      });

      it('fits a 0–10 scale on one row, each choice at least 24 px wide, and nothing overflows', async () => {
        const { journal } = await mountJournal(await journalProgram(), step('w1-reflect-1'));
        await ready(journal);
        for (const group of $$(journal, 'fieldset.scale')) {
          const options = [...group.querySelectorAll<HTMLElement>('.scale-option')];
          expect(options).to.have.length(11);
          expect(new Set(options.map((o) => o.offsetTop)).size, `${text(group.querySelector('legend'))} on one row`).to.equal(1);
          for (const o of options) {
            const r = o.getBoundingClientRect();
            expect(r.width, `option ${text(o)} width`).to.be.at.least(24);
            expect(r.height, `option ${text(o)} height`).to.be.at.least(24);
          }
          // The end labels sit above the choices.
          const ends = group.querySelector('.scale-ends')!;
          expect(ends.getBoundingClientRect().bottom).to.be.at.most(options[0]!.getBoundingClientRect().top + 0.5);
        }
        expect(overflowing(journal)).to.deep.equal([]);
        await expectAccessible(journal);
        moreButton(journal).click();
        await settle(journal);
        expect(overflowing(journal)).to.deep.equal([]);
        await expectAccessible(journal);
      });
    });
  }

  it('under 280 px (a course step inside a page on a phone) makes a 0–10 scale two even rows of keys, each at least 24 px', async () => {
    await setViewport({ width: 320, height: 568 });
    const { journal } = await mountJournal(await journalProgram(), step('w1-reflect-1'));
    journal.style.maxWidth = '230px';
    await ready(journal);
    for (const group of $$(journal, 'fieldset.scale')) {
      const options = [...group.querySelectorAll<HTMLElement>('.scale-option')];
      const rows = new Map<number, number>();
      for (const o of options) rows.set(o.offsetTop, (rows.get(o.offsetTop) ?? 0) + 1);
      expect([...rows.values()], `${text(group.querySelector('legend'))}: 0–5, then 6–10`).to.deep.equal([6, 5]);
      for (const o of options) {
        const r = o.getBoundingClientRect();
        expect(r.width, `option ${text(o)} width`).to.be.at.least(24);
        expect(r.height, `option ${text(o)} height`).to.be.at.least(24);
      }
      // No backdrop colour shows where the second row has no key.
      expect(getComputedStyle(group.querySelector('.scale-options')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    }
    expect(overflowing(journal)).to.deep.equal([]);
    await expectAccessible(journal);
    await setViewport({ width: 800, height: 600 });
  });

  it('opens and closes More from the keyboard; Escape in the panel closes it and returns to More', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), step('w1-reflect-2'));
    await ready(journal);
    const more = moreButton(journal);
    more.focus();
    await sendKeys({ press: 'Enter' });
    await settle(journal);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    // Tab moves from More into the panel: the title comes first.
    await sendKeys({ press: 'Tab' });
    expect(journal.shadowRoot!.activeElement?.id).to.equal('entry-title');
    await sendKeys({ type: 'Bus thoughts' });
    await waitForSaveState(journal, /^Saved at/);
    expect(sdk.journal.snapshot.entries[0]!.title).to.equal('Bus thoughts');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => more.getAttribute('aria-expanded') === 'false', 'More to close');
    await waitFor(() => journal.shadowRoot!.activeElement === more, 'focus back on More');
    expect(shown($(journal, '#entry-title'))).to.equal(false);
    await sendKeys({ press: 'Space' });
    await settle(journal);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Space' });
    await settle(journal);
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(journal.shadowRoot!.activeElement).to.equal(more);
  });

  it('writes an answer by keyboard alone: into the answer, Tab to More, open it, Delete, and focus rests on More', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), step('w1-reflect-2'));
    await ready(journal);
    $(journal, 'textarea').focus();
    await sendKeys({ type: 'One kind thing' });
    await waitForSaveState(journal, /^Saved at/);
    const more = moreButton(journal);
    // Tab past the feelings to More.
    for (let i = 0; i < 40 && journal.shadowRoot!.activeElement !== more; i++) await sendKeys({ press: 'Tab' });
    expect(journal.shadowRoot!.activeElement).to.equal(more);
    await sendKeys({ press: 'Enter' });
    await settle(journal);
    const del = button(journal, 'Delete');
    for (let i = 0; i < 10 && journal.shadowRoot!.activeElement !== del; i++) await sendKeys({ press: 'Tab' });
    expect(journal.shadowRoot!.activeElement).to.equal(del);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => sdk.journal.snapshot.entries.length === 0, 'the entry to move to Recently deleted');
    await waitFor(() => journal.shadowRoot!.activeElement === more, 'focus on More after deleting');
    expect(text($(journal, '[part="save-state"]'))).to.equal('Not saved yet — your answer saves as you type');
    await expectAccessible(journal);
  });

  it('names each scale as a radio group with its label and end labels, and arrow keys move the choice', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), step('w1-reflect-1'));
    await ready(journal);
    const group = $(journal, 'fieldset.scale');
    expect(group.getAttribute('role')).to.equal('radiogroup');
    const legend = group.querySelector('legend')!;
    expect(group.getAttribute('aria-labelledby')).to.equal(legend.id);
    expect(text(legend)).to.match(/^Threat/);
    const ends = journal.shadowRoot!.getElementById(group.getAttribute('aria-describedby')!)!;
    expect(text(ends)).to.equal('0 = Very quiet 10 = Very active');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(text(radios[0]!.closest('label'))).to.equal('0, Very quiet');
    radios[5]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await waitForSaveState(journal, /^Saved at/);
    expect(radios[7]!.checked).to.equal(true);
    expect(journal.shadowRoot!.activeElement).to.equal(radios[7]);
    await waitFor(() => sdk.journal.snapshot.entries[0]?.fields.threat === 7, 'the 7 to be stored');
    await sendKeys({ press: 'ArrowLeft' });
    await waitFor(() => sdk.journal.snapshot.entries[0]?.fields.threat === 6, 'the 6 to be stored');
    await expectAccessible(journal);
  });

  it('shows no keyboard-shortcut hint on a touch screen; the full journal on a desktop keeps it', async () => {
    await setViewport({ width: 375, height: 667 });
    await emulateTouch(true);
    try {
      expect(matchMedia('(pointer: coarse)').matches).to.equal(true);
      const { journal } = await mountJournal(await journalProgram(), step('w1-reflect-2'));
      await ready(journal);
      moreButton(journal).click();
      await settle(journal);
      expect(journal.shadowRoot!.textContent).not.to.match(/Ctrl|⌘/);
      expect(button(journal, 'Save now').hasAttribute('aria-keyshortcuts')).to.equal(false);
      await unmountJournals();

      const full = await mountJournal(await journalProgram(), html`<reflection-journal></reflection-journal>`);
      button(full.journal, /^Free reflection$/).click();
      await waitFor(() => maybe(full.journal, '[part="editor"]'), 'the new entry');
      expect(full.journal.shadowRoot!.textContent).not.to.match(/Ctrl|⌘/);
    } finally {
      await emulateTouch(false);
    }
    await unmountJournals();
    await setViewport({ width: 1280, height: 800 });
    expect(matchMedia('(pointer: coarse)').matches).to.equal(false);
    const desktop = await mountJournal(await journalProgram(), html`<reflection-journal></reflection-journal>`);
    button(desktop.journal, /^Free reflection$/).click();
    await waitFor(() => maybe(desktop.journal, '[part="editor"]'), 'the new entry');
    expect(text($(desktop.journal, '.shortcut-hint'))).to.equal('Your writing is saved as you type. Press Ctrl+S (⌘S on a Mac) to save at once.');
    expect(shown($(desktop.journal, '.shortcut-hint'))).to.equal(true);
    // The full journal keeps its form: title, tags and actions in view, no More.
    for (const selector of ['#entry-title', '#tag-input']) expect(shown($(desktop.journal, selector)), selector).to.equal(true);
    for (const label of ['Save now', 'History', 'Delete']) expect(shown(button(desktop.journal, label)), label).to.equal(true);
    expect(maybe(desktop.journal, '[part="more-button"]')).to.equal(null);
  });

  it('says in ck-entry-saved whether the saved answer is empty (never the text)', async () => {
    const { journal } = await mountJournal(await journalProgram(), step('w1-reflect-2'));
    await ready(journal);
    const seen: JournalEntrySavedEvent['detail'][] = [];
    journal.addEventListener('ck-entry-saved', (e) => seen.push((e as JournalEntrySavedEvent).detail));
    const area = $<HTMLTextAreaElement>(journal, 'textarea');
    await typeInto(journal, area, 'Something kind');
    await waitForSaveState(journal, /^Saved at/);
    await typeInto(journal, area, '   ');
    await waitForSaveState(journal, /^Saved at/);
    // A title alone is not an answer.
    moreButton(journal).click();
    await typeInto(journal, $(journal, '#entry-title'), 'A title');
    await waitForSaveState(journal, /^Saved at/);
    // A feeling chosen is.
    $$<HTMLInputElement>(journal, 'input[type="checkbox"]')[0]!.click();
    await waitForSaveState(journal, /^Saved at/);
    await waitFor(() => seen.length === 4, 'four saves');
    expect(seen.map((d) => d.empty)).to.deep.equal([false, true, true, false]);
    expect(seen[0]).to.include({ created: true, stepId: 'w1-reflect-2' });
    for (const d of seen) expect(JSON.stringify(d)).not.to.contain('Something kind');
  });

  it('says "Saved" in words for an answer already stored when the step opens', async () => {
    const program = await journalProgram();
    const first = await mountJournal(program, step('w1-reflect-2'));
    await ready(first.journal);
    await typeInto(first.journal, $(first.journal, 'textarea'), 'Stored before');
    await waitForSaveState(first.journal, /^Saved at/);
    first.provider.remove();
    const again = await mountJournal(program, step('w1-reflect-2'));
    await ready(again.journal);
    await waitFor(() => $<HTMLTextAreaElement>(again.journal, 'textarea').value === 'Stored before', 'the stored answer');
    expect(text($(again.journal, '[part="save-state"]'))).to.equal('Saved');
  });

  it("finds a step's answer older than the journal's first page (from the step index), and edits it rather than starting another", async () => {
    const program = await journalProgram();
    const first = await mountJournal(program, step('w1-reflect-2'));
    await ready(first.journal);
    await typeInto(first.journal, $(first.journal, 'textarea'), 'My early answer');
    await waitForSaveState(first.journal, /^Saved at/);
    // Thirty newer entries push the answer off the first page the journal reads at open.
    for (let i = 0; i < 30; i++) await first.sdk.journal.save({ templateId: 'free-reflection', title: `Later ${i}`, fields: { reflection: 'later' } });
    first.provider.remove();
    const again = await mountJournal(program, step('w1-reflect-2'));
    await ready(again.journal);
    await waitFor(() => $<HTMLTextAreaElement>(again.journal, 'textarea').value === 'My early answer', 'the older answer');
    expect(again.sdk.journal.snapshot.entries.length).to.be.below(31);
    expect((await again.sdk.journal.forStep('w1-reflect-2')).length).to.equal(1);
  });
});
