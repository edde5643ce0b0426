import { html, nothing, type TemplateResult } from 'lit';
import type { Week } from '../../../../sdk/content/types.js';
import { renderProgramComplete } from '../celebration-view.js';
import type { WeekPort } from '../port.js';

/** The quiet message at the end of a week, with the way on to the next one (or when it opens). */
export function renderWeekCelebration(port: WeekPort, week: Week, index: number): TemplateResult | typeof nothing {
  const c = port.steps.celebration;
  if (!c) return nothing;
  if (c.kind === 'program') return renderProgramComplete(port, true);
  if (c.weekId !== week.id) return nothing;
  const s = port.strings;
  const next = port.statuses[index + 1];
  return html`<div class="card completion" part="completion">
    <span class="completion-mark" aria-hidden="true">❀</span>
    <h3>${s.weekCompleteTitle(week.number)}</h3>
    <p>${s.weekCompleteBody}</p>
    ${next && next.state !== 'locked'
      ? html`<p>${s.nextWeekReady(next.week.number)}</p>
          <button type="button" class="button primary" @click=${() => port.openWeek(next.week.id)}>${s.weekLabel(next.week.number)}: <bdi>${next.week.title}</bdi></button>`
      : next
        ? html`<p>${port.lockedReason(next, port.program.content.program)}.</p>`
        : nothing}
  </div>`;
}
