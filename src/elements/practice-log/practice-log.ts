import { adoptStyles, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import type { CompassionProgram } from '../../sdk/program.js';
import type { PracticeSession } from '../../sdk/store/records.js';
import { layout } from '../../styles/layout.js';
import { PROGRAM_TAG } from '../../tags.js';
import { CompassionWidget } from '../shared/compassion-widget.js';
import { renderProgramError } from '../shared/program-error.js';
import { renderChart } from './internal/chart-view.js';
import type { CheckInsController } from './internal/check-ins.js';
import type { ScoresView } from './internal/scores-view.js';
import { FollowPracticeController } from './internal/follow-practice.js';
import { MORE_STEP, renderSessions, sessionTitle } from './internal/sessions-view.js';
import { programStart, toMinutes, weekOf, weekTotals, type WeekKey } from './internal/weeks.js';
import { styles } from './practice-log.styles.js';
import { EN_STRINGS, type PracticeLogStrings } from './strings.js';

/** Sessions listed before "Show more". */
const FIRST_SHOWN = 10;

/**
 * The participant's practice history, to look at rather than read: minutes practised in each
 * program week as a bar chart (with the same numbers in a table behind "Show as table"), gentle
 * totals ("42 minutes over 9 sessions"), and the sessions, newest first: what, when, how long.
 * No streaks and nothing about days without practice. Updates the moment a session is logged.
 * For a program with questionnaires (`measures`), "Your scores so far" follows: each one's scores
 * across the weeks it was answered in, over the clinic's bands, with a table; scored on the device.
 *
 * Sessions are placed in program weeks counted from `start-date`, else the program's weekly start
 * date, else the day of the participant's first activity (a step done or a session logged).
 * Sessions before that date are shown as "Before week 1", those after the last week as "After
 * week 14".
 *
 * With `embedded` the log is part of a larger widget (`<compassion-course>` shows it on its
 * overview): no "Need support now?" button or storage notices of its own (the host has them), no
 * landmark, and its title is an `h3` under the host's `h2`, its subheadings `h4`.
 *
 * @tag practice-log
 * @summary Minutes practised per program week (chart and table), gentle totals and the list of sessions.
 *
 * @csspart base - The log's outer box; carries the program's `dir` and `lang`.
 * @csspart header - The title row, with the "Need support now?" button at its inline end.
 * @csspart title - The log's heading ("Your practice").
 * @csspart support-button - "Need support now?" (not when `embedded`, nor when the provider shows one for all).
 * @csspart support-dialog - The dialog listing the clinic's crisis resources (not when `embedded`).
 * @csspart status - The loading line.
 * @csspart notice - A storage notice (memory only, a newer version in another tab).
 * @csspart error - The message shown when the program could not be loaded.
 * @csspart error-details - The disclosure "Details for the site's developer" under a load error: the message, or the problems with their paths.
 * @csspart error-list - The list of problems in the program file, each with its JSON path.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart empty - What shows before the first session.
 * @csspart totals - "42 minutes over 9 sessions" and this week so far.
 * @csspart chart - The chart with its heading, labels, table button and table.
 * @csspart chart-svg - The SVG with the bars.
 * @csspart bar - One week's bar; also `bar-empty` for a week without practice.
 * @csspart table-toggle - "Show as table" / "Hide table".
 * @csspart table - The table of minutes and sessions per week.
 * @csspart sessions - The list of sessions with its heading.
 * @csspart session - One session in the list.
 * @csspart session-felt - "Afterwards: calmer", under a session whose after-practice check-in said.
 * @csspart show-more - "Show 20 more sessions".
 * @csspart scores - "Your scores so far": a chart per questionnaire of the program (only for a program with `measures`).
 * @csspart score-chart - One questionnaire's chart, with its title, range, legend of the clinic's bands, table button and table.
 * @csspart score-svg - The SVG with the bands, the line and a dot per week answered.
 *
 * @cssprop --practice-log-bar-color - Colour of the bars (default the accent token).
 * @cssprop --practice-log-bar-current-color - Colour of this week's bar (default the accent hover token).
 * @cssprop --practice-log-bar-empty-color - Colour of the mark for a week without practice (default the border token).
 * @cssprop --practice-log-chart-height - Height of the bars' area (default `128px`).
 * @cssprop --practice-log-radius - Corner radius of the log's box (default the `--ck-radius-lg` token).
 * @cssprop --practice-log-background - Background of the log's box (default the surface token).
 */
export class PracticeLog extends CompassionWidget {
  static override styles = [...CompassionWidget.styles, layout, styles];

  private readonly practice = new FollowPracticeController(this, () => this.sdk);
  /** How each session felt afterwards; its code (and the journal's) loads once there are sessions. */
  private checkIns: CheckInsController | undefined;
  private checkInsRequested = false;
  private scores: ScoresView | undefined;
  private scoresRequested: Promise<void> | undefined;

  /** Whether the table of weeks is shown (the participant's choice, kept while the element lives). */
  @state() private tableShown = false;
  /** How many sessions the list shows. */
  @state() private shown = FIRST_SHOWN;

  /** `YYYY-MM-DD` (local time): the first day of week 1. Overrides the program's `unlock.startDate`; the course passes its own. */
  @property({ attribute: 'start-date', reflect: true }) startDate: string | null = null;

  /** Part of a larger widget, such as the course's overview: no "Need support now?" button or storage notices of its own, no landmark, headings from `h3`. */
  @property({ type: Boolean, reflect: true }) embedded = false;

  /** The moment "this week" is worked out for. Unset (default) means now; set it to preview or to test. */
  @property({ attribute: false }) now: Date | null = null;

  /** Replaces any of the words the log writes itself; unset keys fall back to English. */
  @property({ attribute: false }) strings: Partial<PracticeLogStrings> = {};

  private get t(): PracticeLogStrings {
    return { ...EN_STRINGS, ...this.locale.catalog.practiceLog, ...this.strings };
  }

  private heading(level: 2 | 3): StaticValue {
    if (this.embedded) return level === 2 ? literal`h3` : literal`h4`;
    return level === 2 ? literal`h2` : literal`h3`;
  }

  protected override render(): TemplateResult {
    const state = this.programCtl.value;
    const program = state.status === 'ready' ? state.program : undefined;
    const t = this.t;
    const heading = this.heading(2);
    const latest = this.practice.arrived[0];
    const body = html`<header part="header" class="header">
        ${staticHtml`<${heading} id="title" part="title" class="title">${t.heading}</${heading}>`} ${this.embedded ? nothing : this.support.renderButton()}
      </header>
      ${program && !this.embedded ? this.renderStorageNotice(program) : nothing}
      ${state.status === 'loading' || (program && !program.practice.snapshot.loaded) ? html`<p class="loading" part="status" role="status">${t.loading}</p>` : nothing}
      ${state.status === 'error' ? this.renderError(state.error) : nothing}
      ${program?.practice.snapshot.loaded ? this.renderLog(program) : nothing}
      ${program?.content.program.measures?.length ? this.renderScores() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${latest && program ? t.added(sessionTitle(t, program.content, latest)) : ''}</div>`;
    // Alone, the log is a labelled region of the page; inside a host it adds no landmark.
    const box = this.embedded
      ? html`<div part="base" class="log" dir=${ifDefined(this.locale.dir)} lang=${this.locale.lang}>${body}</div>`
      : html`<section part="base" class="log" aria-labelledby="title" dir=${ifDefined(this.locale.dir)} lang=${this.locale.lang}>${body}</section>`;
    return html`${box}${this.embedded ? nothing : this.support.renderDialog(program?.content.support, program?.content.url)}`;
  }

  private renderLog(program: CompassionProgram): TemplateResult {
    const t = this.t;
    const { sessions } = program.practice.snapshot;
    if (!sessions.length) {
      return html`<div class="empty" part="empty">
        <p class="empty-title">${t.emptyTitle}</p>
        <p>${t.emptyBody}</p>
      </div>`;
    }
    const content = program.content;
    const weeks = content.program.weeks.length;
    const now = this.now ?? new Date();
    // There is a session, so there is always a start.
    const start = programStart(content.program, this.startDate, sessions, program.progress.snapshot.completed.values())!;
    const today = weekOf(start, weeks, now.getTime());
    const current = today.kind === 'week' ? today.number : undefined;
    const numbers = new Intl.NumberFormat(this.locale.lang);
    const dates = new Intl.DateTimeFormat(this.locale.lang, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
    const totals = weekTotals(start, weeks, sessions, now);
    const all = sessions.reduce((sum, s) => sum + s.seconds, 0);
    const thisWeek = current ? totals.find((w) => w.key.kind === 'week' && w.key.number === current) : undefined;
    const minutes = (seconds: number) => t.minutes(toMinutes(seconds));
    this.wantCheckIns(sessions.slice(0, this.shown));
    return html`<div class="totals" part="totals">
        <p class="total">${t.total(minutes(all), sessions.length)}</p>
        ${thisWeek?.sessions ? html`<p class="this-week">${t.weekSoFar(current!, minutes(thisWeek.seconds), thisWeek.sessions)}</p>` : nothing}
      </div>
      ${renderChart({
        t,
        totals,
        current,
        lastWeek: weeks,
        tableShown: this.tableShown,
        subheading: this.heading(3),
        format: (n) => numbers.format(n),
        toggleTable: () => (this.tableShown = !this.tableShown),
      })}
      ${renderSessions({
        t,
        content,
        sessions,
        shown: this.shown,
        lastWeek: weeks,
        subheading: this.heading(3),
        weekOf: (s: PracticeSession): WeekKey => weekOf(start, weeks, s.startedAt),
        date: (time) => dates.format(time),
        feeling: (s: PracticeSession) => this.checkIns?.feeling(s),
        showMore: () => this.showMore(),
      })}`;
  }

  /** "Your scores so far", from code that loads only for a program with questionnaires. */
  private renderScores(): TemplateResult | typeof nothing {
    if (this.scores) return this.scores.render({ heading: this.heading(3), locale: this.locale.lang, strings: this.locale.catalog.scores });
    this.scoresRequested ??= import('./internal/scores-view.js').then(
      ({ ScoresView, scoresStyles }) => {
        adoptStyles(this.renderRoot as ShadowRoot, [...PracticeLog.elementStyles, scoresStyles]);
        this.scores = new ScoresView(this, () => this.sdk);
        this.requestUpdate();
      },
      (error: unknown) => {
        this.scoresRequested = undefined;
        this.sdk?.reportError(error, 'practice-log');
      },
    );
    return nothing;
  }

  private wantCheckIns(sessions: readonly PracticeSession[]): void {
    if (this.checkIns) return this.checkIns.want(sessions);
    if (this.checkInsRequested) return;
    this.checkInsRequested = true;
    // Without it the list still stands, only without feelings.
    void import('./internal/check-ins.js').then(
      ({ CheckInsController }) => {
        this.checkIns = new CheckInsController(this, () => this.sdk);
        this.requestUpdate();
      },
      (error: unknown) => this.sdk?.reportError(error, 'practice-log'),
    );
  }

  private showMore(): void {
    const first = this.shown;
    this.shown += MORE_STEP;
    // Keep the keyboard where the new sessions begin, not on a button that may disappear.
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLElement>('.session')[first]?.focus());
  }

  private renderStorageNotice(program: CompassionProgram): TemplateResult | typeof nothing {
    const status = program.storage.snapshot;
    if (status.outdated) return html`<p class="notice" part="notice" role="alert">${this.t.storageOutdated}</p>`;
    // Memory mode the page asked for (a kiosk, a demo) is the page's to explain; a fallback is news to the participant.
    const requested = (this.closest(PROGRAM_TAG) as { storage?: string } | null)?.storage ?? this.storage;
    if (status.mode === 'memory' && status.reason && requested !== 'memory') return html`<p class="notice" part="notice">${this.t.storageMemory(status.reason)}</p>`;
    return nothing;
  }

  private renderError(error: Error): TemplateResult {
    const t = this.t;
    if (this.closest(PROGRAM_TAG)) return html`<p class="notice" part="error">${t.loadErrorInProvider}</p>`;
    const heading = this.heading(3);
    return html`<div class="error" part="error" role="alert">
      ${staticHtml`<${heading} class="error-title">${t.loadErrorTitle}</${heading}>`}
      ${renderProgramError(error, { ...this.locale.catalog.programError, retry: t.retry, issues: t.loadErrorIssues }, () => this.programCtl.retry())}
    </div>`;
  }
}
