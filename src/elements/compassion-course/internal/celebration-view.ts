import { html, type TemplateResult } from 'lit';
import type { CoursePort } from './port.js';

/** The message once every week is done: in a week (back to all weeks) or on the overview (revisit). */
export function renderProgramComplete(port: CoursePort, inWeek: boolean): TemplateResult {
  const s = port.strings;
  const weeks = port.program.content.program.weeks;
  return html`<div class="card completion program-complete" part="completion">
    <span class="completion-mark" aria-hidden="true">❀</span>
    <h3>${s.programCompleteTitle}</h3>
    <p>${s.programCompleteBody(weeks.length)}</p>
    ${inWeek
      ? html`<button type="button" class="button" @click=${() => port.showOverview()}>${s.allWeeks}</button>`
      : html`<button type="button" class="button" @click=${() => port.openWeek(weeks[0]!.id)}>${s.revisit}</button>`}
  </div>`;
}
