import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import type { CheckInView } from './check-in-view.js';
import type { LazyPart } from './lazy-part.js';
import type { SessionLogController } from './session-log-controller.js';
import type { PlayerPort } from './types.js';

/** What a session came to, with the check-in (downloaded when a session first ends). */
export function renderSummary(port: PlayerPort, log: SessionLogController, checkIn: LazyPart<CheckInView>, loadingLine: (retry: () => void, failed: boolean) => TemplateResult): TemplateResult | typeof nothing {
  const summary = log.summary;
  if (!summary) return nothing;
  const t = port.t;
  const lead = summary.mode === 'guided' ? (summary.finished ? t.ended : '') : summary.mode === 'timer' ? `${summary.finished ? t.timeUp : t.endedEarly} ${t.practised(summary.seconds)}` : t.practised(summary.seconds);
  let check: TemplateResult | typeof nothing = nothing;
  if (log.checkIn) {
    const view = checkIn.get();
    check = view ? view.render(log.checkIn) : loadingLine(() => void checkIn.ready(), checkIn.failed);
  }
  const tag = port.region(literal`section`);
  return staticHtml`<${tag} class="summary" part="summary" role=${ifDefined(port.embedded ? 'group' : undefined)} aria-label=${t.modeTitle[summary.mode]}>
    ${lead ? html`<p>${lead}</p>` : nothing}
    ${summary.loggedMinutes !== undefined ? html`<p class="logged">${t.logged(summary.loggedMinutes)}</p>` : nothing}
    ${check}
  </${tag}>`;
}
