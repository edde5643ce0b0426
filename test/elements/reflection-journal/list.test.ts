import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ReflectionJournal } from '../../../src/elements/reflection-journal/reflection-journal.js';
import type { CompassionProgram } from '../../../src/sdk/program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { settle, waitFor } from '../../helpers/fixture.js';
import { journalProgram } from '../../fixtures/journal-helpers.js';
import { $, $$, button, maybe, text } from '../../helpers/query.js';
import { mountJournal, opened, unmountJournals } from '../../helpers/journal-object.js';

afterEach(unmountJournals);

const STEPS = ['w1-reflect-2', 'w2-reflect-1', 'w3-reflect-2', 'w4-reflect-1', 'w5-reflect-2', 'w6-reflect-1', 'w7-reflect-1', 'w8-reflect-2', 'w9-reflect-2', 'w13-reflect-1'];

/** Ten untitled answers to ten different prompts of one template, as a course leaves them; the last saved is the newest. */
async function tenAnswers(sdk: CompassionProgram): Promise<void> {
  for (const [i, stepId] of STEPS.entries()) {
    const { step, week } = sdk.content.step(stepId)!;
    await sdk.journal.save({
      templateId: 'weekly-reflection',
      title: '',
      stepId,
      weekId: week.id,
      prompt: (step as { prompt: string }).prompt,
      fields: { answer: `Answer ${i}: a few honest words about this week\nand a second line that follows them.`, feelings: ['calm'] },
    });
  }
}

/** Every element in the journal's shadow root is at most as wide as its own box (nothing scrolls sideways), and so is the page. */
function expectNoOverflow(journal: ReflectionJournal, what: string): void {
  const wide = $$(journal, '*')
    // Visually hidden labels are clipped to 1 px on purpose.
    .filter((el) => !['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'STYLE'].includes(el.tagName) && !el.classList.contains('visually-hidden') && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
    .map((el) => `${el.localName}.${el.className} (${el.scrollWidth} > ${el.clientWidth})`);
  expect(wide, `${what}: elements wider than their box`).to.deep.equal([]);
  expect(document.documentElement.scrollWidth, `${what}: the page`).to.be.at.most(innerWidth);
}

async function pressOn(el: HTMLElement, key: string): Promise<void> {
  el.focus();
  await sendKeys({ press: key });
}

describe('<reflection-journal> list on a phone', () => {
  for (const [width, height] of [
    [320, 568],
    [375, 667],
  ] as const) {
    it(`opens on the writing at ${width}×${height}: the first of ten entries on the first screen, nothing wider than its box`, async () => {
      await setViewport({ width, height });
      try {
        const { journal, sdk, page } = await mountJournal(await journalProgram());
        await tenAnswers(sdk);
        await opened(journal);
        expect($$(journal, '.card')).to.have.length(10);
        const first = $(journal, '.card');
        expect(text(first.querySelector('.card-title'))).to.equal('Answer 9: a few honest words about this week');
        // The whole card, with the prompt it answers and its first words, is on the first screen.
        expect(first.getBoundingClientRect().top, 'the first entry starts on the first screen').to.be.below(innerHeight);
        expect(first.getBoundingClientRect().bottom, 'the first entry ends on the first screen').to.be.at.most(innerHeight);
        expectNoOverflow(journal, 'list');
        await expectAccessible(journal);
        // The sections stay one row: a single button, whatever the width.
        const nav = $(journal, 'nav').getBoundingClientRect();
        expect(nav.height).to.be.at.most($(journal, '#sections-button').getBoundingClientRect().height + 2);
        // New entry and Search share one row, also in a page that gives the journal 16 px margins.
        journal.style.maxWidth = `${width - 32}px`;
        await settle(journal);
        const row = (id: string) => $(journal, id).getBoundingClientRect().top;
        expect(row('#find-button'), 'Search beside New entry').to.equal(row('#new-button'));
        journal.style.maxWidth = '';
        for (const toggle of ['#sections-button', '#new-button', '#find-button']) {
          await page.expand(toggle);
          expectNoOverflow(journal, toggle);
          await expectAccessible(journal);
          $<HTMLButtonElement>(journal, toggle).click();
          await settle(journal);
        }
        await page.openEntry('Answer 9');
        expectNoOverflow(journal, 'entry');
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('names an untitled entry by its first words and shows the prompt it answers', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    await tenAnswers(sdk);
    await sdk.journal.save({ templateId: 'free-reflection', title: 'A title I chose', fields: { reflection: 'Under a title.' } });
    await sdk.journal.save({ templateId: 'self-criticism-log', title: '', fields: {} });
    const long = 'Somewhere in the middle of a long and winding first sentence that does not stop soon at all, it goes on.';
    await sdk.journal.save({ templateId: 'free-reflection', title: '', fields: { reflection: long } });
    await opened(journal);
    const cards = $$(journal, '.card');
    const titles = cards.map((c) => text(c.querySelector('.card-title')));
    // Newest first: a long first line is cut at a word, the rest follows in the excerpt.
    expect(titles[0]).to.equal('Somewhere in the middle of a long and winding first…');
    expect(text(cards[0]!.querySelector('.excerpt'))).to.equal('…sentence that does not stop soon at all, it goes on.');
    // Nothing written and no title: the template names it.
    expect(titles[1]).to.equal('Self-criticism log');
    expect(titles[2]).to.equal('A title I chose');
    expect(text(cards[2]!.querySelector('.excerpt'))).to.equal('Under a title.');
    // Two answers from one template to different prompts read differently, each with its prompt and the line after the first.
    const answers = cards.slice(3);
    expect(answers.map((c) => text(c.querySelector('.card-title')))).to.deep.equal(STEPS.map((_, i) => `Answer ${9 - i}: a few honest words about this week`));
    expect(answers.map((c) => text(c.querySelector('.card-prompt')))).to.deep.equal(
      [...STEPS].reverse().map((id) => (sdk.content.step(id)!.step as { prompt: string }).prompt),
    );
    expect(text(answers[0]!.querySelector('.excerpt'))).to.equal('and a second line that follows them.');
    expect(text(answers[0]!.querySelector('.meta'))).to.contain('Weekly reflection');
    await expectAccessible(journal);
  });

  it('offers the templates under one New entry control, closes it with Escape, and starts the chosen one', async () => {
    const { journal, sdk, page } = await mountJournal(await journalProgram());
    await sdk.journal.save({ templateId: 'free-reflection', title: 'One', fields: { reflection: 'x' } });
    await opened(journal);
    const toggle = $<HTMLButtonElement>(journal, '#new-button');
    expect($$(journal, 'button').filter((b) => text(b).startsWith('New entry'))).to.have.length(1);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(journal, '#new-menu').hidden).to.equal(true);
    await pressOn(toggle, 'Enter');
    await settle(journal);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($$(journal, '#new-menu button').map(text)).to.deep.equal(sdk.content.program.templates.map((t) => t.title));
    await expectAccessible(journal);
    $<HTMLButtonElement>(journal, '#new-menu button').focus();
    await sendKeys({ press: 'Escape' });
    await settle(journal);
    expect($(journal, '#new-menu').hidden).to.equal(true);
    expect(journal.shadowRoot!.activeElement).to.equal(toggle);
    await page.newEntry('Self-criticism log');
    await waitFor(() => maybe(journal, '#field-situation'), 'the new self-criticism log');
    await page.write('On the bus', 'What was happening?');
    await page.saveNow();
    expect(sdk.journal.snapshot.entries[0]).to.deep.include({ templateId: 'self-criticism-log' });
    expect(sdk.journal.snapshot.entries[0]!.fields.situation).to.equal('On the bus');
  });

  it('keeps search and filters behind one control that says how many are on', async () => {
    const { journal, sdk, page } = await mountJournal(await journalProgram());
    await tenAnswers(sdk);
    await opened(journal);
    const toggle = $<HTMLButtonElement>(journal, '#find-button');
    expect($(journal, '#find').hidden).to.equal(true);
    expect(getComputedStyle($(journal, '#search')).display === 'none' || $(journal, '#search').getBoundingClientRect().height === 0).to.equal(true);
    await page.openFilters();
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($(journal, '#search').getBoundingClientRect().height).to.be.above(0);
    await expectAccessible(journal);
    const week = $<HTMLSelectElement>(journal, '#filter-week');
    week.value = 'week-3';
    week.dispatchEvent(new Event('change', { bubbles: true }));
    await opened(journal);
    expect(text(toggle)).to.equal('Search and filters (1)');
    expect($$(journal, '.card')).to.have.length(1);
    await pressOn(week, 'Escape');
    await settle(journal);
    expect($(journal, '#find').hidden).to.equal(true);
    expect(journal.shadowRoot!.activeElement).to.equal(toggle);
    // Hidden filters still apply, and say so.
    expect(text($(journal, '.result-count'))).to.equal('1 of 10 entries match');
  });

  it('shows the sections as one menu: opened by keyboard, Escape returns to it, a choice opens the section', async () => {
    const { journal, page } = await mountJournal(await journalProgram());
    const toggle = $<HTMLButtonElement>(journal, '#sections-button');
    expect($(journal, '#journal-sections').hidden).to.equal(true);
    await pressOn(toggle, 'Enter');
    await settle(journal);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($$(journal, '.nav-item').map(text)).to.deep.equal(['Entries', 'Recently deleted (0)', 'Share with my clinician', 'Backup and import', 'Privacy lock']);
    expect($(journal, '.nav-item[aria-current="page"]').textContent).to.equal('Entries');
    for (const item of $$(journal, '.nav-item')) expect(item.getBoundingClientRect().height).to.be.at.least(24);
    await expectAccessible(journal);
    $<HTMLButtonElement>(journal, '.nav-item').focus();
    await sendKeys({ press: 'Escape' });
    await settle(journal);
    expect($(journal, '#journal-sections').hidden).to.equal(true);
    expect(journal.shadowRoot!.activeElement).to.equal(toggle);
    await page.openSection('Privacy lock');
    expect($(journal, '#journal-sections').hidden).to.equal(true);
    await waitFor(() => journal.shadowRoot!.activeElement?.classList.contains('view-title'), 'focus on the section heading');
    expect($(journal, '.nav-item[aria-current="page"]').textContent).to.equal('Privacy lock');
  });

  it('offers "Share with my clinician" once, in the sections', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    await tenAnswers(sdk);
    await opened(journal);
    $<HTMLInputElement>(journal, '.card input[type="checkbox"]').click();
    await settle(journal);
    expect($$(journal, 'button').filter((b) => text(b).includes('Share with my clinician'))).to.have.length(1);
    expect(text($(journal, '.selection'))).to.contain('1 selected');
  });
});

describe('<reflection-journal> compassionate letter', () => {
  it('is one writing area under its guidance, which folds away', async () => {
    const { journal, sdk, page } = await mountJournal(await journalProgram());
    await sdk.journal.save({ templateId: 'free-reflection', title: 'Earlier', fields: { reflection: 'x' } });
    await opened(journal);
    await page.newEntry('Compassionate letter');
    await waitFor(() => maybe(journal, '#field-letter'), 'the new letter');
    expect($$(journal, '.editor textarea')).to.have.length(1);
    const guidance = $<HTMLDetailsElement>(journal, 'details.guidance');
    expect(guidance.open).to.equal(true);
    expect(guidance.compareDocumentPosition($(journal, '#field-letter')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(text(guidance)).to.contain('Acknowledge the pain');
    // The template's title is the heading; the line under it does not say it again.
    expect(text($(journal, '.view-title'))).to.equal('Compassionate letter');
    expect(text(maybe(journal, '.context'))).to.not.contain('Compassionate letter');
    await expectAccessible(journal);
    await pressOn($(journal, 'details.guidance > summary'), 'Enter');
    expect(guidance.open).to.equal(false);
    await expectAccessible(journal);
    await page.write('Dear me,\nI know lately has been hard.', 'Your letter');
    await page.saveNow();
    expect(sdk.journal.snapshot.entries.find((e) => e.templateId === 'compassionate-letter')!.fields.letter).to.equal('Dear me,\nI know lately has been hard.');
    // Re-rendering on save leaves the guidance as the participant left it.
    expect(guidance.open).to.equal(false);
  });

  it('opens, lists and prints a letter written in the five parts of the old template, every word shown', async () => {
    const { journal, sdk, page } = await mountJournal(await journalProgram());
    const old = {
      writer: 'My compassionate self',
      struggle: 'I know that lately you have felt behind.',
      acknowledging: 'It makes sense that this hurts.',
      understanding: 'You have carried a lot, mostly alone.',
      encouragement: 'Rest tonight; ask for help tomorrow.',
      closing: 'With warmth, always on your side.',
    };
    await sdk.journal.save({ templateId: 'compassionate-letter', title: '', fields: old });
    await opened(journal);
    expect(text($(journal, '.card-title'))).to.equal(old.struggle);
    await page.openEntry(old.struggle);
    const areas = $$<HTMLTextAreaElement>(journal, '.editor textarea').map((a) => a.value);
    for (const key of ['struggle', 'acknowledging', 'understanding', 'encouragement', 'closing'] as const) expect(areas).to.include(old[key]);
    expect($<HTMLInputElement>(journal, 'input[value="My compassionate self"]').checked).to.equal(true);
    // Older parts keep readable labels.
    expect($$(journal, '.editor label').map(text)).to.include.members(['Struggle', 'Acknowledging', 'Closing']);
    await expectAccessible(journal);
    button(journal, 'Back to all entries').click();
    await opened(journal);
    button(journal, 'Print').click();
    await opened(journal);
    const printed = text($(journal, '[part="print-view"]'));
    for (const value of Object.values(old)) expect(printed).to.contain(value);
  });
});
