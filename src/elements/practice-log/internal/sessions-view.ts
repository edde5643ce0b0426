import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { ProgramContent } from '../../../sdk/content/content.js';
import type { PracticeSession } from '../../../sdk/store/records.js';
import type { PracticeLogStrings } from '../strings.js';
import { weekLabel } from './chart-view.js';
import type { WeekKey } from './weeks.js';

/** What the list needs from the element. */
export interface SessionsPort {
  readonly t: PracticeLogStrings;
  readonly content: ProgramContent;
  /** Newest first. */
  readonly sessions: readonly PracticeSession[];
  readonly shown: number;
  readonly lastWeek: number;
  readonly subheading: StaticValue;
  weekOf(session: PracticeSession): WeekKey | undefined;
  date(time: number): string;
  /** How the participant felt afterwards, if their check-in said. */
  feeling(session: PracticeSession): string | undefined;
  showMore(): void;
}

/** How many more sessions "Show more" adds. */
export const MORE_STEP = 20;

/** What a session was: the program's meditation title, or the kind of practice. */
export function sessionTitle(t: PracticeLogStrings, content: ProgramContent, s: PracticeSession): string {
  if (s.meditationId) return content.meditation(s.meditationId)?.title ?? t.unknownMeditation;
  return t.modeTitle[s.mode];
}

/** Minutes of one session, counted as the player announced it ("1 minute added to your practice log"). */
export function sessionMinutes(s: PracticeSession): number {
  return Math.max(1, Math.round(s.seconds / 60));
}

/**
 * The sessions, newest first: what, when (and in which week), how long, and how the participant
 * felt afterwards when their after-practice check-in said.
 */
export function renderSessions(port: SessionsPort): TemplateResult {
  const { t, sessions } = port;
  const more = sessions.length - port.shown;
  return html`<div class="sessions" part="sessions">
    ${staticHtml`<${port.subheading} class="subheading" id="sessions-title">${t.sessionsHeading}</${port.subheading}>`}
    <ul class="session-list" aria-labelledby="sessions-title">
      ${sessions.slice(0, port.shown).map((s) => {
        const week = port.weekOf(s);
        const felt = port.feeling(s);
        return html`<li class="session" part="session" tabindex="-1">
          <span class="session-title" dir="auto">${sessionTitle(t, port.content, s)}</span>
          <span class="session-meta">
            <time datetime=${new Date(s.startedAt).toISOString()}>${port.date(s.startedAt)}</time>
            ${week ? html`<span aria-hidden="true"> · </span><span>${weekLabel(t, week, port.lastWeek)}</span>` : nothing}
            <span aria-hidden="true"> · </span><span class="session-minutes">${t.minutes(sessionMinutes(s))}</span>
          </span>
          ${felt ? html`<span class="session-felt" part="session-felt">${t.feltAfter(felt)}</span>` : nothing}
        </li>`;
      })}
    </ul>
    ${more > 0 ? html`<button type="button" class="button" part="show-more" @click=${() => port.showMore()}>${t.showMore(Math.min(more, MORE_STEP))}</button>` : nothing}
  </div>`;
}
