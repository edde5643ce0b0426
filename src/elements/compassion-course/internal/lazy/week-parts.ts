import { heartIcon } from '../../../shared/support-dialog.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Step, Week } from '../../../../sdk/content/types.js';
import type { CourseView } from '../../routing.js';
import { renderMarkdown } from '../../../shared/markdown.js';
import { formatDate } from '../format.js';
import type { WeekPort } from '../port.js';

/**
 * The parts a week leads through, in order: its overview (summary, key ideas, theory, and the
 * read step when the week starts with one, confirmed at its end), each other step, and a close.
 */
export type WeekPart = { kind: 'overview'; step?: Step } | { kind: 'step'; step: Step } | { kind: 'close' };

export function weekParts(week: Week): WeekPart[] {
  const [first, ...rest] = week.steps;
  const read = first?.kind === 'read' ? first : undefined;
  const steps = read ? rest : week.steps;
  return [{ kind: 'overview', step: read }, ...steps.map((step): WeekPart => ({ kind: 'step', step })), { kind: 'close' }];
}

/** Which part a view of the week shows: `#week-3` and its read step are the overview, `#week-3/close` the close. */
export function partIndex(parts: readonly WeekPart[], view: CourseView): number {
  if (view.kind !== 'week') return 0;
  if (view.end) return parts.length - 1;
  const found = view.stepId ? parts.findIndex((p) => p.kind === 'step' && p.step.id === view.stepId) : -1;
  return found < 0 ? 0 : found;
}

/** The view that shows a part (what Back and Next move to, and the address they write). */
export function partView(week: Week, part: WeekPart): CourseView {
  if (part.kind === 'step') return { kind: 'week', weekId: week.id, stepId: part.step.id };
  return part.kind === 'close' ? { kind: 'week', weekId: week.id, end: true } : { kind: 'week', weekId: week.id };
}

/** A meditation keeps no visible controls once its part is left: pause it (the participant can come back to it). */
function pauseHiddenPlayers(from: EventTarget | null): void {
  const week = (from as Element | null)?.closest('[part~="week"]');
  for (const player of week?.querySelectorAll('meditation-player') ?? []) (player as Element & { pause?: () => void }).pause?.();
}

/**
 * The bar that stays at the bottom of the screen through a week: the compact support control
 * (the week's only one, C1), Back, where the participant is ("2 of 6") and Next. Safe-area aware.
 */
export function renderStepBar(port: WeekPort, week: Week, parts: readonly WeekPart[], index: number): TemplateResult {
  const s = port.strings;
  const move = (e: Event, to: number) => {
    pauseHiddenPlayers(e.currentTarget);
    const part = parts[to];
    if (part) port.go(partView(week, part));
    else port.showOverview();
  };
  const last = index === parts.length - 1;
  return html`<div class="step-bar" part="step-bar">
    <button type="button" class="ck-support-button bar-support ${port.sharedSupportInView ? 'elsewhere' : ''}" part="support-button" aria-haspopup="dialog" @click=${() => port.openSupport()}>
      ${heartIcon('ck-heart bar-icon')} <span dir="auto">${s.supportShort}</span>
    </button>
    <nav class="bar-nav" aria-label=${s.partsNav}>
      <button type="button" class="button bar-back" part="back-step" ?disabled=${index === 0} @click=${(e: Event) => move(e, index - 1)}>
        <span class="arrow" aria-hidden="true">←</span> <span class="bar-word">${s.back}</span>
      </button>
      <span class="bar-position" part="step-position"><span class="visually-hidden">${s.partLabel} </span>${s.partPosition(index + 1, parts.length)}</span>
      <button type="button" class="button primary bar-next" part="next-step" @click=${(e: Event) => move(e, index + 1)}>
        ${last ? s.allWeeks : s.next} <span class="arrow" aria-hidden="true">→</span>
      </button>
    </nav>
  </div>`;
}

/** A calm close: what was done this week, the practice for the days ahead, and when the next week opens. Nothing about streaks or missed days. */
export function renderClose(port: WeekPort, week: Week, index: number, shown: boolean, weekNav: TemplateResult): TemplateResult {
  const { strings: s, program, statuses } = port;
  const done = week.steps.filter((step) => program.progress.isComplete(step.id));
  const practice = week.steps.filter((step) => step.kind === 'practice');
  const next = statuses[index + 1];
  let ahead: TemplateResult | string = s.closeLastWeek;
  if (next && next.state !== 'locked') {
    ahead = html`${s.nextWeekReady(next.week.number)}
      <button type="button" class="button" @click=${() => port.openWeek(next.week.id)}>${s.weekLabel(next.week.number)}: <bdi>${next.week.title}</bdi></button>`;
  } else if (next?.opensAt) {
    ahead = s.closeNextOpens(next.week.number, formatDate(next.opensAt, port.lang, port.now));
  } else if (next) {
    ahead = `${s.weekLabel(next.week.number)}: ${port.lockedReason(next, program.content.program)}.`;
  }
  return html`<div class="card close" part="week-close" ?hidden=${!shown}>
    <h3 tabindex="-1" data-close-heading>${s.closeTitle(week.number)}</h3>
    <h4>${s.closeDoneHeading}</h4>
    ${done.length
      ? html`<ul class="close-done">
          ${done.map((step) => html`<li><span aria-hidden="true">✓</span> ${step.title}</li>`)}
        </ul>`
      : html`<p>${s.closeNothingYet}</p>`}
    ${practice.length
      ? html`<h4>${s.closePracticeHeading}</h4>
          ${practice.map(
            (step) =>
              html`<p class="close-practice"><strong>${step.title}</strong></p>
                ${step.body ? html`<div class="prose">${renderMarkdown(step.body, { headingLevel: 5, baseUrl: program.content.url, newTabText: s.opensInNewTab })}</div>` : nothing}`,
          )}`
      : nothing}
    <h4>${s.closeNextHeading}</h4>
    <p class="close-next">${ahead}</p>
    ${weekNav}
  </div>`;
}
