import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Program, Week } from '../../../sdk/content/types.js';
import type { WeekStatus } from '../../../sdk/content/unlock.js';
import { renderMarkdown } from '../../shared/markdown.js';
import { renderProgramComplete } from './celebration-view.js';
import { externalLink, firstOpenNumber, validDate } from './format.js';
import { isolate } from '../../shared/isolate.js';
import type { CoursePort } from './port.js';

/** The overview: title, notices, progress with "Continue", introduction, and the list of weeks. */
export function renderOverview(port: CoursePort): TemplateResult {
  const { program, strings: s, statuses } = port;
  const { content, progress } = program;
  const p = content.program;
  const doneSteps = statuses.reduce((n, st) => n + st.completed, 0);
  const total = content.totalSteps;
  const allDone = statuses.every((st) => st.state === 'done');
  const current = statuses.find((st) => st.state === 'current');
  const started = doneSteps > 0 || progress.snapshot.lastStepId !== undefined;
  const target = port.progress.continueTarget(program);
  const targetStep = target?.stepId ? content.step(target.stepId)?.step : undefined;
  const targetWeek = target ? content.week(target.weekId) : undefined;
  const register = p.clinic?.registerUrl ? content.resolveUrl(p.clinic.registerUrl) : undefined;
  return html`<section class="view overview" part="overview" aria-labelledby="ck-course-title">
    <h2 id="ck-course-title" class="view-title" part="title" tabindex="-1" data-view-heading>${p.title}</h2>
    ${port.notice ? html`<p class="notice" part="notice" role="alert">${port.notice}</p>` : nothing}
    ${renderStartDateNotice(port, p)}
    ${allDone ? renderProgramComplete(port, false) : nothing}
    <div class="card progress" part="progress">
      <p class="progress-week">${allDone ? s.allWeeksDone(p.weeks.length) : current ? s.weekOf(current.week.number, p.weeks.length) : s.weekOf(firstOpenNumber(statuses), p.weeks.length)}</p>
      <p class="progress-steps" id="ck-progress-label">${s.stepsDone(doneSteps, total)}</p>
      <progress part="progress-bar" max=${total} .value=${doneSteps} aria-label=${s.progressLabel} aria-describedby="ck-progress-label"></progress>
      ${target && !allDone
        ? html`<div class="continue">
            <button type="button" class="button primary" part="continue-button" aria-describedby=${ifDefined(targetWeek ? 'ck-continue-target' : undefined)} @click=${() => port.resume()}>
              ${started ? s.continueButton : s.startButton}
            </button>
            ${targetWeek ? html`<span class="continue-target" id="ck-continue-target">${isolate((title) => s.continueTarget(targetWeek.number, title), targetStep?.title ?? targetWeek.title)}</span>` : nothing}
          </div>`
        : nothing}
    </div>
    <div class="prose" part="introduction">${renderMarkdown(p.introduction, { headingLevel: 3, baseUrl: content.url, newTabText: s.opensInNewTab })}</div>
    ${register ? html`<p class="register">${externalLink(register, s.register, 'register-link', s.opensInNewTab)}</p>` : nothing}
    ${p.disclaimer ? html`<p class="disclaimer" part="disclaimer">${p.disclaimer}</p>` : nothing}
    <nav class="weeks" part="week-list" aria-labelledby="ck-weeks-heading">
      <h3 id="ck-weeks-heading">${s.weeksHeading}</h3>
      <ol class="week-list">
        ${statuses.map((st) => renderWeekItem(port, st, p))}
      </ol>
    </nav>
    ${renderPracticeLog(port)}
  </section>`;
}

/**
 * The participant's practice history under the weeks. Its code is not the course's: the CDN
 * autoloader fetches it when the overview shows it (the course calls discover()), and until then,
 * or where it is not on the page at all, the element takes no space.
 */
function renderPracticeLog(port: CoursePort): TemplateResult {
  const a = port.embedAttributes;
  return html`<practice-log embedded start-date=${ifDefined(port.startDate ?? undefined)} .now=${port.now} src=${ifDefined(a.src)} storage=${ifDefined(a.storage)} theme=${ifDefined(a.theme)}></practice-log>`;
}

function renderStartDateNotice(port: CoursePort, p: Program): TemplateResult | typeof nothing {
  if (p.unlock.policy !== 'weekly') return nothing;
  const start = port.startDate?.trim() ?? p.unlock.startDate;
  if (start === undefined || start === '') return html`<p class="notice" part="notice">${port.strings.startDateMissing}</p>`;
  if (!validDate(start)) return html`<p class="notice" part="notice">${port.strings.startDateInvalid(start)}</p>`;
  return nothing;
}

function onWeekLinkClick(port: CoursePort, event: MouseEvent, week: Week): void {
  // Let the browser handle new-tab and new-window clicks on hash links.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  port.openWeek(week.id);
}

function renderWeekItem(port: CoursePort, st: WeekStatus, p: Program): TemplateResult {
  const s = port.strings;
  const detail = st.state === 'locked' ? port.lockedReason(st, p) : s.weekStepsDone(st.completed, st.total);
  const inner = html`<span class="week-number">${s.weekLabel(st.week.number)}</span>
    <span class="week-title" dir="auto">${st.week.title}</span>
    <span class="week-meta"><span class="week-state">${s.weekState[st.state]}</span> · ${detail}</span>`;
  const marker = html`<span class="week-marker" aria-hidden="true">${st.state === 'done' ? '✓' : st.state === 'locked' ? '🔒︎' : st.week.number}</span>`;
  let row: TemplateResult;
  if (st.state === 'locked') row = html`<div class="week-row">${marker}<span class="week-text">${inner}</span></div>`;
  else if (port.routing === 'hash')
    row = html`<a class="week-row" part="week-link" href=${port.weekHref(st.week)} aria-current=${ifDefined(st.state === 'current' ? 'step' : undefined)} @click=${(e: MouseEvent) => onWeekLinkClick(port, e, st.week)}
      >${marker}<span class="week-text">${inner}</span></a
    >`;
  else
    row = html`<button type="button" class="week-row" part="week-link" aria-current=${ifDefined(st.state === 'current' ? 'step' : undefined)} @click=${() => port.openWeek(st.week.id)}>
      ${marker}<span class="week-text">${inner}</span>
    </button>`;
  return html`<li class="week-item ${st.state}" part="week-item week-item-${st.state}">${row}</li>`;
}
