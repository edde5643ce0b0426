import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Program, Week } from '../../sdk/content/types.js';
import type { WeekStatus } from '../../sdk/content/unlock.js';
import type { CompassionProgram } from '../../sdk/program.js';
import type { StorageMode } from '../../sdk/store/backend.js';
import { CompassionWidget } from '../shared/compassion-widget.js';
import { renderProgramError } from '../shared/program-error.js';
import { styles } from './compassion-course.styles.js';
import { autoloader } from './internal/autoloader.js';
import { CourseProgressController } from './internal/course-progress.js';
import { enclosingProvider, lockedReason } from './internal/format.js';
import { HashRouteController } from './internal/hash-route.js';
import { renderOverview } from './internal/overview-view.js';
import type { WeekView } from './internal/lazy/week-view.js';
import { EN_OVERVIEW_STRINGS } from './internal/overview-strings.js';
import type { CoursePort, EmbedAttributes, FocusTarget } from './internal/port.js';
import { UnlockClockController } from './internal/unlock-clock.js';
import { formatHash, sameView, type CourseView, type HashRoute, type RoutingMode } from './routing.js';
import { PRACTICE_LOG_TAG } from '../../tags.js';
import type { CourseOverviewStrings, CourseStrings } from './strings.js';


/**
 * The 14-week program itself: an overview with progress and the list of weeks, and each week as a
 * guided session: its overview (theory, key ideas, "I've read this"), each step (listen and
 * practise, reflect, try this week) and a calm close, one part at a time with a step bar (support,
 * Back, "2 of 7", Next) that stays on screen. "Continue" opens the first thing not done in the
 * current week. Opens weeks by the program's unlock policy, and can mirror the open part in the
 * page's URL hash.
 *
 * Works inside `<compassion-program src="…">` (sharing its program and store with the other
 * elements) or alone with its own `src`. Meditate steps embed `<meditation-player>` and reflect
 * steps embed `<reflection-journal>`: from the CDN script, their code loads only when a week that
 * holds them opens (a calm loading line shows meanwhile); where they are not on the page at all, the
 * step says so plainly. It sets `embedded` on them, so that the week shows one support control
 * (the course's own: in its header, or inside a week in the step bar) and its own storage notices,
 * not one per step.
 *
 * @tag compassion-course
 * @summary Follows the weekly program: overview, progress, weeks, steps and "Continue".
 *
 * @csspart base - The wrapper around everything; carries the program's `dir` and `lang`.
 * @csspart header - The top bar with the clinic's name and (outside a week) the support button.
 * @csspart support-button - "Need support now?" at the inline end of the header; inside a week, the step bar's compact "Support" instead.
 * @csspart support-dialog - The dialog listing the clinic's crisis and support resources.
 * @csspart status - The loading message (the course's, or a week's while its view loads).
 * @csspart embed-loading - The calm line shown while the player's or the journal's code is on its way.
 * @csspart error - The message shown when the program could not be loaded.
 * @csspart error-details - The disclosure "Details for the site's developer" under a load error: the message, or the problems with their paths.
 * @csspart error-list - The list of problems in the program file, each with its JSON path.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart notice - A notice about storage, the start date, or an unknown week in the URL.
 * @csspart overview - The overview section.
 * @csspart title - The program title (overview) or the week title (week view).
 * @csspart introduction - The program's introduction.
 * @csspart disclaimer - The statement that the program supports, and does not replace, therapy.
 * @csspart progress - The progress card ("Week 3 of 14", steps done, Continue).
 * @csspart progress-bar - The native `<progress>` bar of steps done.
 * @csspart continue-button - "Continue" (or "Start week 1").
 * @csspart register-link - "Register for the group", when the clinic gives a registration URL.
 * @csspart week-list - The `<nav>` holding the list of weeks.
 * @csspart week-item - One week in the list; also `week-item-locked`, `week-item-available`, `week-item-current` or `week-item-done`.
 * @csspart week-link - The button or link that opens a week from the list.
 * @csspart week - The week view section.
 * @csspart back-button - "All weeks" at the top of a week.
 * @csspart key-ideas - The week's key ideas.
 * @csspart theory - The week's theory sections.
 * @csspart steps - The list of the week's steps (one shows at a time).
 * @csspart step - One step; also `step-read`, `step-meditate`, `step-reflect`, `step-practice`, and `step-done` once done.
 * @csspart step-checkbox - The "I've done this" checkbox of a step ("I've read this" at the end of the overview; "I thought about it, but won't write it down" for a reflection).
 * @csspart prompt - The question of a reflect step, where the journal is not available to show it.
 * @csspart note - The optional note field of a practice step.
 * @csspart placeholder - The message shown where the player or the journal is not available (not on the page, or not arrived within a few seconds).
 * @csspart locked - The message shown for a week that is not open yet.
 * @csspart completion - The quiet message when a week or the whole program is complete.
 * @csspart week-nav - The previous / next week navigation (in the week's close).
 * @csspart step-bar - The bar that stays at the bottom of the screen through a week: support, Back, position, Next.
 * @csspart back-step - Back to the week's previous part.
 * @csspart next-step - On to the week's next part ("All weeks" on the close).
 * @csspart step-position - "2 of 7": the part shown, of the week's parts.
 * @csspart week-close - The week's close: what was done, the practice for the days ahead, when the next week opens.
 *
 * The embedded player's and journal's parts, exported with a prefix (docs/theming.md, "Parts of the
 * embedded player and journal"), e.g. `compassion-course::part(player-play-button)`:
 * @csspart player-base - In a week's player: the player's outer box.
 * @csspart player-header - In a week's player: the title row.
 * @csspart player-title - In a week's player: the meditation's title.
 * @csspart player-description - In a week's player: the meditation's description, under the title.
 * @csspart player-status - In a week's player: loading, offline and "cannot save" messages.
 * @csspart player-error - In a week's player: the error box (with its retry button).
 * @csspart player-error-details - In a week's player: the disclosure "Details for the site's developer" under a load error: the message, or the problems with their paths.
 * @csspart player-error-list - In a week's player: the list of problems in the program file, each with its JSON path.
 * @csspart player-retry-button - In a week's player: "Try again" after a failure.
 * @csspart player-resume - In a week's player: the "Resume from 3:20 / Start over" offer.
 * @csspart player-resume-button - In a week's player: "Resume from …".
 * @csspart player-start-over-button - In a week's player: "Start over".
 * @csspart player-controls - In a week's player: the row of playback buttons: back, play / pause, forward and mute.
 * @csspart player-play-button - In a week's player: Play / Pause.
 * @csspart player-back-button - In a week's player: Back 15 seconds.
 * @csspart player-forward-button - In a week's player: Forward 15 seconds.
 * @csspart player-seek - In a week's player: the seek slider.
 * @csspart player-time - In a week's player: the elapsed time and the total, a toggle that shows the time left instead.
 * @csspart player-settings - In a week's player: Speed, and volume where the pointer is fine (phones set their own).
 * @csspart player-keep - In a week's player: "Keep on this device" with the space a kept recording takes (a program's meditation, where the browser has Cache Storage and the provider has not set `keep-recordings="off"`).
 * @csspart player-keep-button - In a week's player: "Keep on this device" (also after a failure, to try again).
 * @csspart player-keep-stop-button - In a week's player: "Stop" while keeping.
 * @csspart player-keep-remove-button - In a week's player: "Remove" once kept.
 * @csspart player-keep-error - In a week's player: why a recording could not be kept.
 * @csspart player-chapters - In a week's player: the list of chapters.
 * @csspart player-transcript - In a week's player: the transcript panel.
 * @csspart player-transcript-list - In a week's player: the scrolling list of transcript cues.
 * @csspart player-cue - In a week's player: one transcript cue (a button that plays from there).
 * @csspart player-timer - In a week's player: the silent practice timer.
 * @csspart player-timer-display - In a week's player: the remaining time.
 * @csspart player-timer-presets - In a week's player: the one-tap timer lengths (3, 5, 10, 15, 20 minutes).
 * @csspart player-timer-ring - In a week's player: the ring that fills as the timer's time passes.
 * @csspart player-pacer - In a week's player: the breathing pacer.
 * @csspart player-breathing-shape - In a week's player: the circle that grows and shrinks (still under reduced motion).
 * @csspart player-breathing-cue - In a week's player: "Breathe in… / Breathe out…".
 * @csspart player-summary - In a week's player: what is shown after a session.
 * @csspart player-stats - In a week's player: minutes practised this week and sessions in total.
 * @csspart player-check-in - In a week's player: the optional "How do you feel now?" check-in.
 * @csspart journal-lock-button - In a week's journal entry: "Lock" (shown while the passphrase lock is unlocked).
 * @csspart journal-banner - In a week's journal entry: a storage banner (storage full; the first entry on a page also says when other tabs block saving or Safari may erase data).
 * @csspart journal-editor - In a week's journal entry: the entry form.
 * @csspart journal-field - In a week's journal entry: each template field.
 * @csspart journal-input - In a week's journal entry: single-line text inputs.
 * @csspart journal-textarea - In a week's journal entry: long-text inputs.
 * @csspart journal-prompt - In a week's journal entry: the question an embedded entry answers.
 * @csspart journal-save-state - In a week's journal entry: the live "Saving… / Saved at 12:03" line (one entry: "Not saved yet — …" before anything is written).
 * @csspart journal-more-button - In a week's journal entry: one entry's "More" disclosure button (aria-expanded).
 * @csspart journal-more - In a week's journal entry: what "More" shows: the title, tags, Save now, History and Delete.
 * @csspart journal-conflict - In a week's journal entry: the "edited in another tab" message.
 * @csspart journal-history - In a week's journal entry: earlier versions of an entry.
 * @csspart journal-recovered - In a week's journal entry: the calm line about text recovered from a page that closed before saving, with its OK button.
 * @csspart journal-unlock-form - In a week's journal entry: the passphrase form of a locked journal.
 * @csspart journal-storage-status - In a week's journal entry: whether the browser keeps the journal.
 * @csspart journal-announcement - In a week's journal entry: the polite status line for actions (deleted, restored, imported…).
 * @csspart journal-error-details - In a week's journal entry: the disclosure "Details for the site's developer" under a load error: the message, or the problems with their paths.
 * @csspart journal-error-list - In a week's journal entry: the list of problems in the program file, each with its JSON path.
 * @csspart journal-retry-button - In a week's journal entry: "Try again" after a failure.
 *
 * @cssprop --compassion-course-background - Background the course paints behind itself (default the `--ck-color-bg` token; `transparent` to show the page).
 * @cssprop --compassion-course-max-width - Widest the course grows (default `768px`).
 * @cssprop --compassion-course-gap - Space between the parts of a view (default the `--ck-space-5` token).
 * @cssprop --compassion-course-card-background - Background of the progress card, weeks and steps (default the surface token).
 * @cssprop --compassion-course-card-border - Border of cards (default `1px solid` the border token).
 * @cssprop --compassion-course-card-radius - Corner radius of cards (default the `--ck-radius-lg` token).
 * @cssprop --compassion-course-accent - Colour of the progress bar, the current week and done marks (default the accent token).
 * @cssprop --compassion-course-loading-block-size - Height the course reserves while its program loads, so the page below does not jump when the overview appears (default `640px`; use the same value in a `compassion-course:not(:defined)` rule, docs/theming.md).
 * @cssprop --compassion-course-heading-font - Font family of headings (default the body font).
 *
 * @fires {StepCompleteEvent} ck-step-complete - The participant marked a step done (or the embedded player or journal finished it). `detail: { programId, weekId, stepId, completedSteps, totalSteps }`.
 * @fires {WeekCompleteEvent} ck-week-complete - That step finished its week. `detail: { programId, weekId, weekNumber }`.
 * @fires {ProgramCompleteEvent} ck-program-complete - That step finished the whole program. `detail: { programId, weeks }`.
 * @fires {SupportOfferedEvent} ck-support-offered - A questionnaire answer reached the clinic's threshold and a support card was shown. `detail: {}`: no text, no reason.
 */
export class CompassionCourseElement extends CompassionWidget {
  static override styles = [...CompassionWidget.styles, styles];

  private readonly progress = new CourseProgressController(this, { program: () => this.sdk, now: () => this.now, startDate: () => this.startDate });
  private readonly route = new HashRouteController(this, () => this.sdk?.content, (route, focus) => this.applyRoute(route, focus));
  private readonly clock = new UnlockClockController(this, () => this.now !== null);
  private focusTarget: FocusTarget | null = null;
  private weekViewLoading: Promise<unknown> | undefined;

  @state() private view: CourseView = { kind: 'overview' };
  /** A one-off message on the overview, e.g. an unknown week in the URL. */
  @state() private notice: string | null = null;
  /** The week view, once its code has loaded (when a week first opens); it brings the step actions and the embeds. */
  @state() private weekView: WeekView | undefined;

  /** The group's first day, `YYYY-MM-DD` (local time), for the weekly unlock policy; overrides the program's `unlock.startDate`. */
  @property({ attribute: 'start-date', reflect: true }) startDate: string | null = null;

  /** `hash` mirrors the open week in the URL (`#week-3`, `#week-3/step-2`) so the browser's back button moves between weeks; `none` (default) leaves the URL alone. Use `hash` on one course per page. */
  @property({ reflect: true }) routing: RoutingMode = 'none';

  /** The moment week availability is worked out for. Unset (default) means now, re-checked at each opening time; set it to preview the course as it will look on a given day. */
  @property({ attribute: false }) now: Date | null = null;

  /** Replaces any of the words the course writes itself (for programs in other languages). */
  @property({ attribute: false }) strings: Partial<CourseStrings> = {};

  /** The overview's words; the week's own English words arrive with its view (any the page replaced are in here too). */
  private get t(): CourseOverviewStrings {
    return { ...EN_OVERVIEW_STRINGS, ...this.locale.catalog.course, ...this.strings };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.route.sync(changed.has('routing'));
  }

  protected override updated(): void {
    // The overview shows the practice log: the page's autoloader cannot see into this shadow root.
    if (this.view.kind === 'overview' && !customElements.get(PRACTICE_LOG_TAG)) autoloader()?.discover(this.renderRoot);
    // A week whose view is still loading has no heading to move to yet: keep the target for then.
    if (this.view.kind === 'overview' || this.weekView) this.moveFocus();
  }

  /** Resolves once the course has rendered, including a week whose view had to load first. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.weekViewLoading && !this.weekView) {
      await this.weekViewLoading;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** Shows the overview with the list of weeks. */
  showOverview(): void {
    this.navigate({ kind: 'overview' });
  }

  /** Opens a week by id (`"week-3"`) or number (`3`), optionally scrolled to one of its steps. Locked weeks show when they open. */
  openWeek(week: string | number, stepId?: string): void {
    const found = this.sdk?.content.week(week);
    if (!found) return;
    const step = stepId ? found.steps.find((s) => s.id === stepId) : undefined;
    this.navigate(step ? { kind: 'week', weekId: found.id, stepId: step.id } : { kind: 'week', weekId: found.id });
  }

  /** What "Continue" does: the current week's overview until it is read, then its first step not done. */
  resume(): void {
    const program = this.sdk;
    const target = program ? this.progress.continueTarget(program) : undefined;
    if (target) this.navigate({ kind: 'week', ...target });
  }

  private navigate(view: CourseView, focus = true): void {
    const program = this.sdk;
    if (!program) return;
    const sameWeek = view.kind === 'week' && this.view.kind === 'week' && view.weekId === this.view.weekId;
    if (!sameWeek) this.weekView?.steps.leaveWeek();
    this.view = view;
    this.notice = null;
    if (view.kind === 'week' && view.stepId) this.focusTarget = { kind: 'step', stepId: view.stepId, focus };
    else if (focus) this.focusTarget = view.kind === 'week' && view.end ? { kind: 'close' } : { kind: 'heading' };
    else this.focusTarget = null;
    if (view.kind === 'week') this.loadWeekView();
    // Only the participant moving makes a step their place: an address re-read on load does not.
    if (focus && view.kind === 'week' && view.stepId && this.progress.isOpen(program, view.weekId)) this.progress.visit(program.content.step(view.stepId)!.step);
    this.route.write(view);
  }

  private applyRoute(route: HashRoute, focus: boolean): void {
    if (route === null) return;
    if (route.kind === 'unknown') {
      this.view = { kind: 'overview' };
      this.notice = this.t.unknownWeek(route.id);
      this.focusTarget = focus ? { kind: 'heading' } : null;
      return;
    }
    if (sameView(route, this.view) && !this.notice) return;
    this.navigate(route, focus);
  }

  private loadWeekView(): void {
    if (this.weekView || this.weekViewLoading) return;
    this.weekViewLoading = import('./internal/lazy/week-view.js').then(
      (module) => {
        // The week's styles travel with its code: add them to this course's sheets before it renders a week.
        adoptStyles(this.renderRoot as ShadowRoot, [...CompassionCourseElement.elementStyles, module.weekStyles, ...module.measureStyles]);
        this.weekView = new module.WeekView(this, {
          program: () => this.sdk,
          strings: () => this.t,
          embedAttributes: () => this.embedAttributes(),
          supportShownElsewhere: () => this.support.shownElsewhere,
          openSupport: () => this.support.open(),
          measureStrings: () => this.locale.catalog.measure ?? {},
          progress: this.progress,
        });
      },
      (error: unknown) => {
        // A failed download (offline) is tried again the next time a week opens.
        this.weekViewLoading = undefined;
        this.sdk?.reportError(error, 'course');
      },
    );
  }

  private moveFocus(): void {
    const target = this.focusTarget;
    if (!target || !this.sdk) return;
    this.focusTarget = null;
    const root = this.shadowRoot!;
    if (this.view.kind === 'week' && this.weekView) this.weekView.focus(root, target);
    else root.querySelector<HTMLElement>('[data-view-heading]')?.focus();
  }

  private embedAttributes(): EmbedAttributes {
    return { src: this.src ?? undefined, storage: this.src ? this.storage : undefined, theme: this.theme ?? undefined };
  }

  private port(program: CompassionProgram, statuses: WeekStatus[]): CoursePort {
    const s = this.t;
    return {
      program,
      strings: s,
      lang: this.locale.lang,
      statuses,
      routing: this.routing,
      now: this.now,
      startDate: this.startDate,
      notice: this.notice,
      view: this.view,
      progress: this.progress,
      go: (view: CourseView) => this.navigate(view),
      openSupport: () => this.support.open(),
      openWeek: (id: string) => this.openWeek(id),
      showOverview: () => this.showOverview(),
      resume: () => this.resume(),
      weekHref: (week: Week) => formatHash({ kind: 'week', weekId: week.id }, program.content),
      lockedReason: (status: WeekStatus, p: Program) => lockedReason(s, status, p, this.now, this.locale.lang),
      embedAttributes: this.embedAttributes(),
    };
  }

  /** The overview or the week; `guided` when a week shows its step bar, which then holds the support control. */
  private renderView(program: CompassionProgram): { body: TemplateResult; guided: boolean } {
    const statuses = this.progress.statuses(program);
    this.clock.watch(statuses);
    const port = this.port(program, statuses);
    if (this.view.kind === 'week') {
      if (!this.weekView) {
        this.loadWeekView();
        return { body: html`<p class="loading" part="status" role="status">${this.t.weekLoading}</p>`, guided: false };
      }
      const week = this.weekView.render(port, this.view.weekId);
      if (week) return week;
    }
    return { body: renderOverview(port), guided: false };
  }

  private renderStorageNotice(program: CompassionProgram): TemplateResult | typeof nothing {
    const status = program.storage.snapshot;
    if (status.outdated) return html`<p class="notice" part="notice" role="alert">${this.t.storageOutdated}</p>`;
    // Memory mode the page asked for (a kiosk, a demo) is the page's to explain; a fallback is news to the participant.
    if (status.mode === 'memory' && status.reason && this.requestedStorage() !== 'memory') {
      return html`<p class="notice" part="notice">${this.t.storageMemory(status.reason)}</p>`;
    }
    return nothing;
  }

  private requestedStorage(): StorageMode {
    return enclosingProvider(this)?.storage ?? this.storage;
  }

  private renderError(error: Error): TemplateResult {
    const s = this.t;
    if (enclosingProvider(this)) return html`<p class="notice" part="error">${s.loadErrorInProvider}</p>`;
    return html`<div class="error" part="error" role="alert">
      <h2 class="error-title">${s.loadErrorTitle}</h2>
      ${renderProgramError(error, { ...this.locale.catalog.programError, retry: s.retry, issues: s.loadErrorIssues }, () => this.programCtl.retry())}
    </div>`;
  }

  protected override render(): TemplateResult {
    const state = this.programCtl.value;
    const program = state.status === 'ready' ? state.program : undefined;
    const p = program?.content.program;
    const view = program ? this.renderView(program) : undefined;
    // While the program loads the course keeps the height it will need, so the page below stays put.
    return html`<div class="course ${state.status === 'loading' ? 'pending' : ''}" part="base" dir=${ifDefined(this.locale.dir)} lang=${this.locale.lang}>
      <header class="top" part="header">
        <span class="brand" dir="auto">${p?.clinic?.name ?? ''}</span>
        ${view?.guided ? nothing : this.support.renderButton()}
      </header>
      ${program ? this.renderStorageNotice(program) : nothing}
      ${state.status === 'loading' ? html`<p class="loading" part="status" role="status">${this.t.loading}</p>` : nothing}
      ${state.status === 'error' ? this.renderError(state.error) : nothing}
      ${view?.body ?? nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.weekView?.steps.announcement ?? ''}</div>
      ${this.support.renderDialog(program?.content.support, program?.content.url)}
    </div>`;
  }
}
