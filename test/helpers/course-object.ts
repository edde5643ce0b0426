import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/compassion-course/define.js';
import type { CompassionCourseElement } from '../../src/elements/compassion-course/compassion-course.js';
import type { CompassionProgramElement } from '../../src/elements/compassion-program/compassion-program.js';
import type { Program } from '../../src/sdk/content/types.js';
import type { StorageMode } from '../../src/sdk/store/backend.js';
import { mountProgram } from './mount.js';
import { $$, text } from './query.js';
import { fixture, settle, waitFor } from './fixture.js';

export interface CourseMountOptions {
  storage?: StorageMode;
  startDate?: string;
  routing?: 'none' | 'hash';
  now?: Date;
  theme?: 'light' | 'dark';
}

/** Waits for an element's next render to finish, and for any entrance animation to end (axe reads colours mid-fade otherwise). */
export async function rendered(el: Element): Promise<void> {
  await settle(el);
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await settle(el);
  await Promise.all((el.shadowRoot?.getAnimations() ?? []).map((a) => a.finished.catch(() => undefined)));
}

/**
 * `<compassion-course>` as a participant uses it: open a week, tick a step, read the week list.
 * `course` is the element (its public methods and events), `root` its shadow root.
 */
export class CourseObject {
  constructor(
    readonly provider: CompassionProgramElement,
    readonly course: CompassionCourseElement,
  ) {}

  get root(): ShadowRoot {
    return this.course.shadowRoot!;
  }

  /** Waits for the course's next render, including a week view that loads on first use. */
  rendered(): Promise<void> {
    return rendered(this.course);
  }

  /** Opens week `n` (or its step) through the element's `openWeek()`, and waits until it shows. */
  async openWeek(n: number | string, stepId?: string): Promise<void> {
    this.course.openWeek(n, stepId);
    await this.rendered();
  }

  /** Clicks week `n` in the overview's list, as the participant does. */
  async chooseWeek(n: number): Promise<void> {
    this.weekLink(n).click();
    await this.rendered();
  }

  /** The button or link in the week list that opens week `n`. */
  weekLink(n: number): HTMLElement {
    const link = $$(this.root, '[part~="week-item"]')[n - 1]?.querySelector<HTMLElement>('[part~="week-link"]');
    if (!link) throw new Error(`week ${n} has no link (is it locked?)`);
    return link;
  }

  /** The state of each week in the list: `current`, `available`, `locked` or `done`. */
  weekStates(): string[] {
    return $$(this.root, '[part~="week-item"]').map((li) => /week-item-(\w+)/.exec(li.getAttribute('part') ?? '')![1]!);
  }

  /** The "I've done this" checkbox of step `index` (0-based) in the open week. */
  doneBox(index: number): HTMLInputElement {
    return $$(this.root, '[part~="step"]')[index]!.querySelector<HTMLInputElement>('[part~="step-checkbox"]')!;
  }

  /** Ticks (or unticks) step `index` (0-based) and waits until it is saved. */
  async tick(index: number): Promise<void> {
    const box = this.doneBox(index);
    const wanted = !box.checked;
    box.click();
    // The checkbox flips at once; the part follows the stored state, and "Saving…" lasts until every write is over.
    const settled = () => {
      const step = $$(this.root, '[part~="step"]')[index]!;
      return step.getAttribute('part')!.includes('step-done') === wanted && !step.textContent!.includes('Saving');
    };
    await waitFor(settled, `step ${index} to be ${wanted ? 'done' : 'not done'}`);
    await this.rendered();
  }

  /** The step bar a week shows at the bottom of the screen (Support, Back, "2 of 6", Next). */
  get stepBar(): HTMLElement {
    const bar = this.root.querySelector<HTMLElement>('[part~="step-bar"]');
    if (!bar) throw new Error('the week shows no step bar');
    return bar;
  }

  /** Where the week is, from its step bar: `[part, of]`, e.g. `[2, 6]`. */
  position(): [number, number] {
    const m = /(\d+) of (\d+)/.exec(text(this.stepBar.querySelector('[part~="step-position"]')))!;
    return [Number(m[1]), Number(m[2])];
  }

  /** The part of the week on screen: `overview`, a step id, or `close`. */
  shownPart(): string {
    const visible = (el: Element | null) => !!el && el.checkVisibility();
    if (visible(this.root.querySelector('[part~="week-close"]'))) return 'close';
    const step = $$(this.root, '[part~="step"]').find((li) => visible(li) && !li.matches('[part~="step-read"]'));
    if (step) return step.querySelector<HTMLElement>('[data-step-heading]')!.dataset.stepHeading!;
    return 'overview';
  }

  /** Next (or Back) in the step bar, as the participant taps it; waits until the new part shows. */
  async next(): Promise<void> {
    this.stepBar.querySelector<HTMLButtonElement>('[part~="next-step"]')!.click();
    await this.rendered();
  }

  async back(): Promise<void> {
    this.stepBar.querySelector<HTMLButtonElement>('[part~="back-step"]')!.click();
    await this.rendered();
  }

  /** The checkbox of the step with this id (in whichever part it is). */
  boxOf(stepId: string): HTMLInputElement {
    const index = $$(this.root, '[part~="step"]').findIndex((li) => li.querySelector(`[data-step-heading="${stepId}"]`));
    return this.doneBox(index);
  }

  /** Every support control (the header's or the step bar's) on screen now, in the viewport. */
  supportControlsInView(): HTMLElement[] {
    return $$(this.root, '[part~="support-button"]').filter((el) => {
      const r = el.getBoundingClientRect();
      return el.checkVisibility({ visibilityProperty: true }) && r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    });
  }

  /** What the course says, white space collapsed. */
  text(): string {
    return text(this.root);
  }
}

/**
 * A course inside a provider holding `program` (through the shared `mountProgram`, so `unmountAll()`
 * cleans it up); resolves once the course shows its overview, a week or an error.
 */
export async function mountCourse(program: Program, options: CourseMountOptions = {}): Promise<CourseObject> {
  const { provider, el } = await mountProgram<CompassionCourseElement>(
    program,
    html`<compassion-course start-date=${ifDefined(options.startDate)} routing=${options.routing ?? 'none'} .now=${options.now ?? null} theme=${ifDefined(options.theme)}></compassion-course>`,
    { storage: options.storage ?? 'indexeddb' },
  );
  const page = new CourseObject(provider, el);
  await waitFor(() => page.root.querySelector('[part~="overview"], [part~="week"], [part~="error"]'), 'the course to render');
  return page;
}

/** A course inside a provider given something that is not a valid program: resolves once the course shows its error. */
export async function mountBrokenCourse(program: unknown): Promise<CourseObject> {
  const provider = await fixture<CompassionProgramElement>(html`<compassion-program .program=${program} storage="memory"><compassion-course></compassion-course></compassion-program>`);
  const page = new CourseObject(provider, provider.querySelector('compassion-course')!);
  await settle(page.course);
  await waitFor(() => page.root.querySelector('[part~="error"]'), 'the course to show the error');
  return page;
}
