import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Measure, Program } from '../../../src/sdk/content/types.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { courseProgram } from '../../fixtures/course-program.js';
import { mountCourse, type CourseObject } from '../../helpers/course-object.js';
import { unmountAll } from '../../helpers/mount.js';
import { $$ } from '../../helpers/query.js';

// Issue 16, points 1, 2 and 5: a questionnaire step in the course, scored on the device.

const CHECK: Measure = {
  id: 'kindness',
  title: 'Kindness check',
  instructions: 'How true was each statement **this week**?',
  notice: 'Written for this test: not a validated instrument.',
  scale: ['Not at all', 'A little', 'Somewhat', 'Mostly', 'Completely'].map((label, value) => ({ value, label })),
  items: [
    { id: 'warm', text: 'I spoke to myself warmly.' },
    { id: 'harsh', text: 'I was hard on myself.', reverse: true },
    { id: 'rest', text: 'I let myself rest.' },
    { id: 'low', text: 'I felt I could not cope.', threshold: { value: 4 } },
    { id: 'safe', text: 'I worried about my safety.', threshold: { value: 3, urgent: true } },
  ],
  scoring: {
    method: 'sum',
    maxMissing: 1,
    bands: [
      { min: 0, max: 9, label: 'Early days', text: 'Kindness takes practice.' },
      { min: 10, max: 20, label: 'Growing' },
    ],
  },
  weeks: [1],
};

function program(): Program {
  const p = courseProgram();
  p.measures = [CHECK];
  p.support = { resources: [{ label: 'Crisis line (example)', phone: '111 222' }] };
  p.weeks[0].steps.splice(1, 0, { id: 'w1-check', kind: 'measure', title: 'Your weekly check', measure: 'kindness' });
  return p;
}

const items = (page: CourseObject) => $$(page.root, '.measure-item');
const visibleItems = (page: CourseObject) => items(page).filter((li) => li.checkVisibility());
const button = (page: CourseObject, part: string) => page.root.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
const choose = (page: CourseObject, item: string, value: number) => page.root.querySelector<HTMLInputElement>(`input[name$="-${item}"][value="${value}"]`)!.click();

/**
 * Axe, with the page scrolled to its end: the week's step bar sticks to the bottom of the screen,
 * and axe counts a radio button scrolled under it as too small a target, which depends only on
 * where the page happens to be scrolled.
 */
async function accessibleAtEnd(page: CourseObject): Promise<void> {
  scrollTo(0, document.documentElement.scrollHeight);
  await page.rendered();
  await expectAccessible(page.course);
}

/** Presses Tab (at most eight times) until the button with this part has focus, then Enter: no mouse. */
async function pressOn(page: CourseObject, part: string): Promise<void> {
  const target = button(page, part);
  for (let i = 0; i < 8 && page.root.activeElement !== target; i++) await sendKeys({ press: 'Tab' });
  expect(page.root.activeElement, `Tab reaches ${part}`).to.equal(target);
  await sendKeys({ press: 'Enter' });
  await page.rendered();
}

async function open(width: number, height: number): Promise<{ page: CourseObject; offered: Event[] }> {
  await setViewport({ width, height });
  const page = await mountCourse(program());
  const offered: Event[] = [];
  page.course.addEventListener('ck-support-offered', (e) => offered.push(e));
  await page.openWeek(1, 'w1-check');
  await waitFor(() => page.root.querySelector('[part~="measure"]'), 'the questionnaire');
  await page.rendered();
  return { page, offered };
}

describe('a questionnaire step in the course', () => {
  afterEach(async () => {
    await unmountAll();
    await setViewport({ width: 800, height: 600 });
  });

  it('on a wide screen lists every question, scores the answers on saving, and keeps them', async () => {
    const { page, offered } = await open(1280, 800);
    expect(visibleItems(page)).to.have.length(5);
    expect(button(page, 'measure-next').checkVisibility()).to.equal(false);
    await accessibleAtEnd(page);
    // harsh = 1 counts as 3 (reversed on 0–4): 2 + 3 + 3 + 1 + 0 = 9.
    choose(page, 'warm', 2);
    choose(page, 'harsh', 1);
    choose(page, 'rest', 3);
    choose(page, 'low', 1);
    choose(page, 'safe', 0);
    button(page, 'measure-finish').click();
    await waitFor(() => page.root.querySelector('[part~="measure-summary"]'), 'the summary');
    await page.rendered();
    const summary = page.root.querySelector<HTMLElement>('[part~="measure-summary"]')!;
    expect(summary.innerText).to.contain('Your score: 9, on a range from 0 to 20.').and.to.contain('Early days').and.to.contain('Kindness takes practice.');
    expect(summary.innerText).to.contain('not a validated instrument').and.to.contain('stay on this device');
    expect(page.root.activeElement?.textContent).to.equal('Your answers are saved');
    expect(page.root.querySelector('[part~="support-card"]')).to.equal(null);
    expect(offered).to.have.length(0);
    await accessibleAtEnd(page);
    const stored = page.provider.sdk!.progress.snapshot.completed.get('w1-check');
    expect(stored?.answers).to.deep.equal({ warm: 2, harsh: 1, rest: 3, low: 1, safe: 0 });
    // Answer again: the saved answers are there to change.
    button(page, 'measure-again').click();
    await page.rendered();
    expect(page.root.querySelector<HTMLInputElement>('input[name$="-rest"][value="3"]')!.checked).to.equal(true);
  });

  it('on a 320 px phone shows one question at a time with Back and Next, works by keyboard, and finishes on the last', async () => {
    const { page } = await open(320, 568);
    expect(visibleItems(page).map((li) => li.textContent)).to.have.length(1);
    expect(page.root.querySelector<HTMLElement>('.measure-position')!.innerText).to.equal('Question 1 of 5');
    expect(button(page, 'measure-finish').checkVisibility()).to.equal(false);
    expect(button(page, 'measure-back').disabled).to.equal(true);
    for (const option of $$(page.root, '.measure-option').filter((el) => el.checkVisibility())) {
      expect(option.getBoundingClientRect().height, 'touch target').to.be.at.least(44);
      expect(option.getBoundingClientRect().right, 'inside the screen').to.be.at.most(320);
    }
    await expectAccessible(page.course);
    // Keyboard only, from here to the summary: Tab to a control, arrows in a radio group, Enter on buttons.
    page.root.querySelector<HTMLInputElement>('input[name$="-warm"][value="0"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await page.rendered();
    expect(page.root.querySelector<HTMLInputElement>('input[name$="-warm"][value="1"]')!.checked).to.equal(true);
    for (let i = 0; i < 4; i++) await pressOn(page, 'measure-next');
    expect(page.root.querySelector<HTMLElement>('.measure-position')!.innerText).to.equal('Question 5 of 5');
    expect(visibleItems(page)[0].textContent).to.contain('I worried about my safety.');
    expect(button(page, 'measure-next').checkVisibility()).to.equal(false);
    expect(button(page, 'measure-finish').checkVisibility()).to.equal(true);
    await pressOn(page, 'measure-back');
    expect(page.root.querySelector<HTMLElement>('.measure-position')!.innerText).to.equal('Question 4 of 5');
    // Only one answered of five: too many left out for a score, said calmly.
    await pressOn(page, 'measure-next');
    await pressOn(page, 'measure-finish');
    await waitFor(() => page.root.querySelector('[part~="measure-summary"]'), 'the summary');
    expect(page.root.querySelector<HTMLElement>('[part~="measure-summary"]')!.innerText).to.contain('4 questions were left out');
    await page.rendered();
    await expectAccessible(page.course);
  });

  it('offers the support card at once for an urgent answer, after the questionnaire for another, and blocks nothing', async () => {
    const { page, offered } = await open(1280, 800);
    choose(page, 'safe', 3);
    await page.rendered();
    const urgent = page.root.querySelector<HTMLElement>('.measure-item [part~="support-card"]')!;
    expect(urgent.getAttribute('role')).to.equal('alert');
    expect(urgent.innerText).to.contain('Crisis line (example)');
    expect(urgent.querySelector('a')!.getAttribute('href')).to.equal('tel:111222');
    expect(offered).to.have.length(1);
    await accessibleAtEnd(page);
    // Answering the same again does not offer it twice.
    choose(page, 'safe', 4);
    await page.rendered();
    expect(offered).to.have.length(1);
    for (const [item, value] of [['warm', 1], ['harsh', 1], ['rest', 1], ['low', 4]] as const) choose(page, item, value);
    button(page, 'measure-finish').click();
    await waitFor(() => page.root.querySelector('[part~="measure-summary"]'), 'the summary');
    await page.rendered();
    // "low" reached its (not urgent) threshold: offered once more, after the questionnaire; saving went ahead.
    expect(offered).to.have.length(2);
    expect((offered[1] as CustomEvent).detail).to.deep.equal({});
    expect(page.root.querySelector('[part~="measure-summary"] [part~="support-card"]')).not.to.equal(null);
    expect(page.provider.sdk!.progress.isComplete('w1-check')).to.equal(true);
    await accessibleAtEnd(page);
  });

  it('offers the same card once when a saved practice note holds words from the list, saving the note all the same', async () => {
    const { page, offered } = await open(1280, 800);
    await page.openWeek(1, 'w1-practice');
    const note = page.root.querySelector<HTMLTextAreaElement>('[part~="step-practice"] textarea[part~="note"]')!;
    note.value = 'Some days I feel like I can’t go on.';
    note.dispatchEvent(new Event('input'));
    await page.rendered();
    page.boxOf('w1-practice').click();
    await waitFor(() => page.provider.sdk!.progress.isComplete('w1-practice'), 'the step to be saved');
    await page.rendered();
    expect(page.provider.sdk!.progress.snapshot.completed.get('w1-practice')?.note).to.equal('Some days I feel like I can’t go on.');
    const card = page.root.querySelector<HTMLElement>('[part~="step-practice"] [part~="support-card"]')!;
    expect(card.innerText).to.contain('Crisis line (example)');
    expect(offered).to.have.length(1);
    await accessibleAtEnd(page);
    // Editing and saving the note again does not offer it a second time.
    note.value = 'Still can’t go on some days, but a bit better.';
    note.dispatchEvent(new Event('input'));
    await page.rendered();
    page.root.querySelector<HTMLButtonElement>('[part~="step-practice"] .note button')!.click();
    await waitFor(() => page.provider.sdk!.progress.snapshot.completed.get('w1-practice')?.note?.startsWith('Still'), 'the note to be saved again');
    expect(offered).to.have.length(1);
  });

  it('fires the course events when answers complete the step, like any step', async () => {
    const { page } = await open(1280, 800);
    const events: string[] = [];
    page.course.addEventListener('ck-step-complete', (e) => events.push((e as unknown as CustomEvent<{ stepId: string }>).detail.stepId));
    choose(page, 'warm', 1);
    button(page, 'measure-finish').click();
    await waitFor(() => events.length === 1, 'ck-step-complete');
    expect(events).to.deep.equal(['w1-check']);
  });
});
