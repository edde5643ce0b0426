import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Program, Step } from '../../../../sdk/content/types.js';
import type { WeekStatus } from '../../../../sdk/content/unlock.js';
import type { CompassionProgram } from '../../../../sdk/program.js';
import { JOURNAL_TAG, PLAYER_TAG } from '../../../../tags.js';
import { renderMarkdown } from '../../../shared/markdown.js';
import type { CourseOverviewStrings, CourseStrings } from '../../strings.js';
import type { CourseProgressController } from '../course-progress.js';
import type { CoursePort, EmbedAttributes, FocusTarget, WeekPort } from '../port.js';
import { EmbedsController } from './embeds.js';
import { EN_MEASURE_STRINGS, MeasureFormController, type MeasureStrings } from './measure-form.js';
import { SharedSupportController } from './shared-support.js';
import { StepActionsController } from './step-actions.js';
import { renderStep } from './step-view.js';
import { renderWeekCelebration } from './week-celebration.js';
import { partIndex, renderClose, renderStepBar, weekParts } from './week-parts.js';
import { EN_WEEK_STRINGS } from './week-strings.js';

export { weekStyles } from './week-view.styles.js';
export { measureStyles } from './measure-form.js';

/** What the week view needs from the course, besides the port each render passes. */
export interface WeekViewOptions {
  program(): CompassionProgram | undefined;
  /** The course's words with the page's own: any of the week's words the page replaces are in there too. */
  strings(): CourseOverviewStrings;
  embedAttributes(): EmbedAttributes;
  /** True while the enclosing `<compassion-program>` shows the one support control for several elements. */
  supportShownElsewhere(): boolean;
  /** The catalog's words for questionnaire steps, in the course's language (English: none). */
  measureStrings(): Partial<MeasureStrings>;
  /** Opens the support dialog (a questionnaire's support card offers it). */
  openSupport(): void;
  readonly progress: CourseProgressController;
}

/**
 * Everything a week brings to the course, loaded with import() when a week first opens: the step
 * actions and the embeds (controllers the course gains then, and keeps), the week's own words, and
 * its rendering. A page showing only the overview never downloads any of it.
 */
export class WeekView {
  readonly steps: StepActionsController;
  private readonly embeds: EmbedsController;
  private readonly measures: MeasureFormController;
  private readonly sharedSupport: SharedSupportController;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private readonly options: WeekViewOptions,
  ) {
    this.steps = new StepActionsController(host, { program: options.program, strings: () => this.strings(), progress: options.progress });
    this.embeds = new EmbedsController(host, [PLAYER_TAG, JOURNAL_TAG]);
    this.measures = new MeasureFormController(host, { program: options.program, save: (stepId, answers) => this.steps.saveAnswers(stepId, answers), openSupport: () => options.openSupport(), strings: () => ({ ...EN_MEASURE_STRINGS, ...options.measureStrings() }) });
    this.sharedSupport = new SharedSupportController(host, options.supportShownElsewhere);
  }

  /** The week (`guided` when it shows its step bar), or undefined for a week the program does not have. */
  render(port: CoursePort, weekId: string): { body: TemplateResult; guided: boolean } | undefined {
    return renderWeek({ ...port, strings: this.strings(), steps: this.steps, embeds: this.embeds, measures: this.measures, embedAttributes: this.options.embedAttributes(), sharedSupportInView: this.sharedSupport.value }, weekId);
  }

  /**
   * Moves focus to the part just shown: its heading (the week title, the step's title, "Closing
   * week n"), from the top of the week, which may be far above after a long part (the overview's
   * read step sits at the end of the theory, so a link to it lands there). Instant under reduced motion.
   */
  focus(root: ShadowRoot, target: FocusTarget): void {
    const step = target.kind === 'step' ? root.querySelector<HTMLElement>(`[data-step-heading="${CSS.escape(target.stepId)}"]`) : null;
    if (target.kind === 'step' && !step && !target.focus) return;
    const heading = step ?? root.querySelector<HTMLElement>(target.kind === 'close' ? '[data-close-heading]' : '[data-view-heading]');
    if (!heading) return;
    const into = step?.closest('li.read:first-child') ? step : root.querySelector('[part~="week"]');
    into?.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    if (target.kind !== 'step' || target.focus) heading.focus({ preventScroll: !!into });
  }

  private strings(): CourseStrings {
    // English first: the course's strings already hold any of the week's words the page replaced.
    return { ...EN_WEEK_STRINGS, ...this.options.strings() };
  }
}

/**
 * One week as a guided session: its parts in order (overview, each step, a close), one at a time,
 * with the step bar; or, for a locked week, when it opens. Every part stays rendered (hidden when
 * it is not the current one), so a journal or a note being written is never torn down by Next.
 */
function renderWeek(port: WeekPort, weekId: string): { body: TemplateResult; guided: boolean } | undefined {
  const { program, strings: s, statuses } = port;
  const { content } = program;
  const p = content.program;
  const index = statuses.findIndex((st) => st.week.id === weekId);
  const status = statuses[index];
  if (!status) return undefined;
  const week = status.week;
  const md = { baseUrl: content.url, newTabText: s.opensInNewTab };
  const locked = status.state === 'locked';
  const parts = weekParts(week);
  const current = partIndex(parts, port.view);
  const part = parts[current];
  const shown = (step: Step) => part !== undefined && part.kind !== 'close' && part.step === step;
  const stepsHeading = part?.kind === 'step' || (part?.kind === 'overview' && part.step !== undefined);
  const body = html`<section class="view week" part="week" aria-labelledby="ck-week-title" @focusin=${keepAboveBar}>
    <button type="button" class="button quiet back" part="back-button" @click=${() => port.showOverview()}><span class="arrow" aria-hidden="true">←</span> ${s.allWeeks}</button>
    <p class="eyebrow">${s.weekOf(week.number, p.weeks.length)}${status.state === 'done' ? html` · <span class="done-text">${s.weekState.done}</span>` : nothing}</p>
    <h2 id="ck-week-title" class="view-title" part="title" tabindex="-1" data-view-heading>${week.title}</h2>
    ${locked
      ? html`<p class="summary">${week.summary}</p>
          <div class="card locked" part="locked">
            <h3>${s.lockedWeekTitle}</h3>
            <p>${port.lockedReason(status, p)}.${statuses.some((st) => st.state !== 'locked') ? ` ${s.lockedWeekBody}` : ''}</p>
          </div>
          ${renderWeekNav(port, index, p)}`
      : html`
          <div class="part intro" ?hidden=${current !== 0}>
            <p class="summary">${week.summary}</p>
            ${week.keyIdeas?.length
              ? html`<div class="card key-ideas" part="key-ideas">
                  <h3>${s.keyIdeas}</h3>
                  <ul>
                    ${week.keyIdeas.map((idea) => html`<li>${idea}</li>`)}
                  </ul>
                </div>`
              : nothing}
            ${week.theory.length
              ? html`<div class="theory prose" part="theory">
                  ${week.theory.map((section) => html`<h3>${section.title}</h3>${renderMarkdown(section.body, { ...md, headingLevel: 4 })}`)}
                </div>`
              : nothing}
          </div>
          <h3 id="ck-steps-heading" ?hidden=${!stepsHeading}>${s.stepsHeading}</h3>
          <ol class="steps" part="steps" aria-labelledby="ck-steps-heading" ?hidden=${!stepsHeading}>
            ${week.steps.map((step, i) => renderStep(port, week, step, i, shown(step)))}
          </ol>
          ${renderClose(port, week, index, current === parts.length - 1, renderWeekNav(port, index, p))}
          ${renderWeekCelebration(port, week, index)} ${renderStepBar(port, week, parts, current)}
        `}
  </section>`;
  return { body, guided: !locked };
}

/** Keeps what keyboard focus lands on clear of the sticky step bar (WCAG 2.4.11). */
function keepAboveBar(event: FocusEvent): void {
  const target = event.composedPath()[0];
  const bar = (event.currentTarget as Element).querySelector('.step-bar');
  if (!(target instanceof Element) || !bar || bar.contains(target)) return;
  if (target.getBoundingClientRect().bottom > bar.getBoundingClientRect().top) target.scrollIntoView({ block: 'center' });
}

function renderWeekNav(port: WeekPort, index: number, p: Program): TemplateResult {
  const { strings: s, statuses } = port;
  const prev = statuses[index - 1];
  const next = statuses[index + 1];
  const link = (st: WeekStatus, label: string, direction: 'prev' | 'next') =>
    st.state === 'locked'
      ? html`<p class="nav-locked ${direction}"><span class="nav-label">${label}</span> <span>${s.weekLabel(st.week.number)}: ${port.lockedReason(st, p)}</span></p>`
      : html`<button type="button" class="button nav-button ${direction}" @click=${() => port.openWeek(st.week.id)}>
          ${direction === 'prev' ? html`<span class="arrow" aria-hidden="true">←</span>` : nothing}
          <span class="nav-text"><span class="nav-label">${label}</span> <span>${s.weekLabel(st.week.number)}: <bdi>${st.week.title}</bdi></span></span>
          ${direction === 'next' ? html`<span class="arrow" aria-hidden="true">→</span>` : nothing}
        </button>`;
  return html`<nav class="week-nav" part="week-nav" aria-label=${s.weekNav}>
    ${prev ? link(prev, s.previousWeek, 'prev') : html`<span></span>`}
    ${next ? link(next, s.nextWeek, 'next') : html`<button type="button" class="button nav-button next" @click=${() => port.showOverview()}>${s.allWeeks}</button>`}
  </nav>`;
}
