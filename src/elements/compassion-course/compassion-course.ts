import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ProgramController } from '../../controllers/program-controller.js';
import type { ProgramContent } from '../../sdk/content/content.js';
import type { MeditateStep, Program, ReflectStep, Step, Week } from '../../sdk/content/types.js';
import { localMidnight, type AvailabilityOptions, type WeekStatus } from '../../sdk/content/unlock.js';
import { ProgramCompleteEvent, StepCompleteEvent, WeekCompleteEvent } from '../../sdk/events.js';
import type { CompassionProgram } from '../../sdk/program.js';
import type { StorageMode } from '../../sdk/store/backend.js';
import type { RecoveredDraft } from '../../sdk/store/drafts.js';
import { blockingIssues, canRetry, programErrorStyles, renderIssueList } from '../shared/program-error.js';
import { renderMarkdown } from '../shared/markdown.js';
import { SupportDialogController, supportStyles } from '../shared/support-dialog.js';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './compassion-course.styles.js';
import { formatHash, parseHash, sameView, type CourseView, type RoutingMode } from './routing.js';
import { EN_STRINGS, type CourseStrings } from './strings.js';

type Celebration = { kind: 'week'; weekId: string } | { kind: 'program' };
type FocusTarget = { kind: 'heading' } | { kind: 'step'; stepId: string; focus: boolean };

const PLAYER_TAG = 'meditation-player';
const JOURNAL_TAG = 'reflection-journal';
/** setTimeout's ceiling (about 24.8 days); longer waits are re-armed on the next update. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The 14-week program itself: an overview with progress and the list of weeks, and a view of
 * each week with its theory, key ideas and steps (read, listen and practise, reflect, try this
 * week) as a checklist. Remembers where the participant was, opens weeks by the program's unlock
 * policy, and can mirror the open week in the page's URL hash.
 *
 * Works inside `<compassion-program src="…">` (sharing its program and store with the other
 * elements) or alone with its own `src`. Meditate steps embed `<meditation-player>` and reflect
 * steps embed `<reflection-journal>` when those elements are defined on the page, and say plainly
 * when they are not. It sets `embedded` on them, so that the week shows one "Need support now?"
 * button (the course's own, in its header) and its own storage notices, not one per step.
 *
 * @tag compassion-course
 * @summary Follows the weekly program: overview, progress, weeks, steps and "Continue".
 *
 * @csspart base - The wrapper around everything; carries the program's `dir` and `lang`.
 * @csspart header - The top bar with the clinic's name and the support button.
 * @csspart support-button - "Need support now?", always at the inline end of the header.
 * @csspart support-dialog - The dialog listing the clinic's crisis and support resources.
 * @csspart status - The loading message.
 * @csspart error - The message shown when the program could not be loaded.
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
 * @csspart steps - The checklist of steps.
 * @csspart step - One step; also `step-read`, `step-meditate`, `step-reflect`, `step-practice`, and `step-done` once done.
 * @csspart step-checkbox - The "I've done this" checkbox of a step.
 * @csspart prompt - The question of a reflect step, where the journal is not available to show it.
 * @csspart note - The optional note field of a practice step.
 * @csspart placeholder - The message shown where the player or the journal is not available.
 * @csspart locked - The message shown for a week that is not open yet.
 * @csspart completion - The quiet message when a week or the whole program is complete.
 * @csspart week-nav - The previous / next week navigation.
 *
 * @cssprop --compassion-course-background - Background the course paints behind itself (default the `--ck-color-bg` token; `transparent` to show the page).
 * @cssprop --compassion-course-max-width - Widest the course grows (default `48rem`).
 * @cssprop --compassion-course-gap - Space between the parts of a view (default the `--ck-space-5` token).
 * @cssprop --compassion-course-card-background - Background of the progress card, weeks and steps (default the surface token).
 * @cssprop --compassion-course-card-border - Border of cards (default `1px solid` the border token).
 * @cssprop --compassion-course-card-radius - Corner radius of cards (default the `--ck-radius-lg` token).
 * @cssprop --compassion-course-accent - Colour of the progress bar, the current week and done marks (default the accent token).
 * @cssprop --compassion-course-heading-font - Font family of headings (default the body font).
 *
 * @fires {StepCompleteEvent} ck-step-complete - The participant marked a step done (or the embedded player or journal finished it). `detail: { programId, weekId, stepId, completedSteps, totalSteps }`.
 * @fires {WeekCompleteEvent} ck-week-complete - That step finished its week. `detail: { programId, weekId, weekNumber }`.
 * @fires {ProgramCompleteEvent} ck-program-complete - That step finished the whole program. `detail: { programId, weeks }`.
 */
export class CompassionCourseElement extends LitElement {
  static override styles = [tokens, base, supportStyles, programErrorStyles, styles];

  private readonly programCtl = new ProgramController(this);
  private readonly support = new SupportDialogController(this);

  @state() private view: CourseView = { kind: 'overview' };
  /** A one-off message on the overview, e.g. an unknown week in the URL. */
  @state() private notice: string | null = null;
  @state() private celebration: Celebration | null = null;
  @state() private busy: ReadonlySet<string> = new Set();
  @state() private stepErrors: ReadonlyMap<string, string> = new Map();
  /** Practice notes being typed, by step id (kept until saved). */
  @state() private drafts: ReadonlyMap<string, string> = new Map();
  @state() private savedNote: string | null = null;
  /** Step notes found again after a page closed before they were saved: step id → when they were typed. */
  @state() private recoveredNotes: ReadonlyMap<string, number> = new Map();
  /** The write-ahead copy number of each note being typed (see DraftStore.keep). */
  private noteCopies = new Map<string, number>();
  /** Text for the polite live region. */
  @state() private announcement = '';

  /** URL of the program JSON, when the course is not inside `<compassion-program>`. */
  @property({ reflect: true }) src: string | null = null;

  /** With `src`: `indexeddb` (default) keeps progress on this device; `memory` only while the page is open. */
  @property({ reflect: true }) storage: StorageMode = 'indexeddb';

  /** Colour scheme: `light`, `dark`, or unset to follow the system. Passed on to the embedded player and journal. */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

  /** The group's first day, `YYYY-MM-DD` (local time), for the weekly unlock policy; overrides the program's `unlock.startDate`. */
  @property({ attribute: 'start-date', reflect: true }) startDate: string | null = null;

  /** `hash` mirrors the open week in the URL (`#week-3`, `#week-3/step-2`) so the browser's back button moves between weeks; `none` (default) leaves the URL alone. Use `hash` on one course per page. */
  @property({ reflect: true }) routing: RoutingMode = 'none';

  /** The moment week availability is worked out for. Unset (default) means now, re-checked at each opening time; set it to preview the course as it will look on a given day. */
  @property({ attribute: false }) now: Date | null = null;

  /** Replaces any of the words the course writes itself (for programs in other languages). */
  @property({ attribute: false }) strings: Partial<CourseStrings> = {};

  private subscribedTo: CompassionProgram | undefined;
  private unsubscribe: (() => void) | undefined;
  private routedFor: CompassionProgram | undefined;
  private focusTarget: FocusTarget | null = null;
  private unlockTimer: ReturnType<typeof setTimeout> | undefined;
  private statuses: WeekStatus[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    for (const tag of [PLAYER_TAG, JOURNAL_TAG]) {
      // Swap the placeholder for the real element when its script arrives after ours.
      if (!customElements.get(tag)) void customElements.whenDefined(tag).then(() => this.requestUpdate());
    }
    // Moved in the page: follow the program's progress again (disconnecting stopped it).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
    this.routedFor = undefined;
    clearTimeout(this.unlockTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('storage')) this.programCtl.srcChanged();
    const program = this.programCtl.program;
    if (program !== this.subscribedTo) this.follow(program);
    if (program && this.routing === 'hash' && (this.routedFor !== program || changed.has('routing'))) {
      this.routedFor = program;
      this.applyHash(false);
    }
  }

  protected override updated(): void {
    this.moveFocus();
    this.armUnlockTimer();
  }

  private readonly onHashChange = (): void => {
    if (this.routing === 'hash' && this.programCtl.program) this.applyHash(true);
  };

  private readonly onVisibilityChange = (): void => {
    // A laptop that slept past midnight may have opened a week.
    if (document.visibilityState === 'visible') this.requestUpdate();
  };

  private onWeekLinkClick(event: MouseEvent, week: Week): void {
    // Let the browser handle new-tab and new-window clicks on hash links.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.openWeek(week.id);
  }

  private onDoneChange(event: Event, step: Step, week: Week): void {
    const checked = (event.target as HTMLInputElement).checked;
    void this.setDone(step, week, checked);
  }

  private onNoteInput(event: Event, step: Step): void {
    const note = (event.target as HTMLTextAreaElement).value;
    this.drafts = new Map(this.drafts).set(step.id, note);
    // D2: a write-ahead copy, so a tab closed before "Save note" loses nothing.
    const program = this.programCtl.program;
    if (program) this.noteCopies.set(step.id, program.drafts.keep('step-note', step.id, { stepId: step.id, note }));
    if (this.savedNote === step.id) this.savedNote = null;
  }

  private onPracticeLogged(event: Event, step: MeditateStep, week: Week): void {
    const detail = (event as CustomEvent<{ meditationId?: string }>).detail;
    if (detail?.meditationId === step.meditation) void this.setDone(step, week, true, { quiet: true });
  }

  private onEntrySaved(event: Event, step: ReflectStep, week: Week): void {
    const detail = (event as CustomEvent<{ stepId?: string }>).detail;
    if (detail?.stepId === step.id) void this.setDone(step, week, true, { quiet: true });
  }

  /** Shows the overview with the list of weeks. */
  showOverview(): void {
    this.navigate({ kind: 'overview' });
  }

  /** Opens a week by id (`"week-3"`) or number (`3`), optionally scrolled to one of its steps. Locked weeks show when they open. */
  openWeek(week: string | number, stepId?: string): void {
    const content = this.programCtl.program?.content;
    const found = content?.week(week);
    if (!content || !found) return;
    const step = stepId ? found.steps.find((s) => s.id === stepId) : undefined;
    this.navigate(step ? { kind: 'week', weekId: found.id, stepId: step.id } : { kind: 'week', weekId: found.id });
  }

  /** Opens the step the participant was last on (what "Continue" does), or week 1 at the start. */
  resume(): void {
    const program = this.programCtl.program;
    if (!program) return;
    const target = this.continueTarget(program);
    if (target) this.navigate(target);
  }

  protected override render(): TemplateResult {
    const state = this.programCtl.value;
    const program = state.status === 'ready' ? state.program : undefined;
    const p = program?.content.program;
    const s = this.t;
    return html`<div class="course" part="base" dir=${ifDefined(p?.dir)} lang=${ifDefined(p?.locale)}>
      <header class="top" part="header">
        <span class="brand">${p?.clinic?.name ?? ''}</span>
        ${this.support.renderButton()}
      </header>
      ${program ? this.renderStorageNotice(program) : nothing}
      ${state.status === 'loading' ? html`<p class="loading" part="status" role="status">${s.loading}</p>` : nothing}
      ${state.status === 'error' ? this.renderError(state.error) : nothing}
      ${program ? (this.view.kind === 'week' ? this.renderWeek(program, this.view) : this.renderOverview(program)) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.support.renderDialog(program?.content.support, program?.content.url)}
    </div>`;
  }

  private get t(): CourseStrings {
    return { ...EN_STRINGS, ...this.strings };
  }

  // --- program and progress -------------------------------------------------

  private follow(program: CompassionProgram | undefined): void {
    this.unsubscribe?.();
    this.subscribedTo = program;
    this.unsubscribe = undefined;
    if (!program) return;
    const stops = [
      program.progress.subscribe(() => this.requestUpdate()),
      program.storage.subscribe(() => this.requestUpdate()),
      program.drafts.subscribe((s) => this.adoptRecoveredNotes(program, s.recovered)),
    ];
    this.unsubscribe = () => stops.forEach((stop) => stop());
    if (!program.progress.snapshot.loaded) void program.progress.load().catch((error: unknown) => program.reportError(error, 'course'));
  }

  /** Notes recovered from a page that closed: a note for a step not done goes back into its field, unsaved. */
  private adoptRecoveredNotes(program: CompassionProgram, recovered: readonly RecoveredDraft[]): void {
    const notes = recovered.filter((r) => r.kind === 'step-note' && !this.recoveredNotes.has(r.id));
    if (!notes.length) return;
    const drafts = new Map(this.drafts);
    for (const r of notes) {
      const restored = r.outcome === 'restored' ? program.drafts.stepNote(r.id) : undefined;
      if (restored && !drafts.has(r.id)) drafts.set(r.id, restored.note);
    }
    this.drafts = drafts;
    this.recoveredNotes = new Map([...this.recoveredNotes, ...notes.map((r) => [r.id, r.writtenAt] as const)]);
  }

  private computeStatuses(content: ProgramContent, completed: ReadonlyMap<string, unknown>): WeekStatus[] {
    const options: AvailabilityOptions = { completed: new Set(completed.keys()), now: this.now ?? new Date() };
    if (this.startDate !== null) options.startDate = this.startDate.trim();
    this.statuses = content.weekStatuses(options);
    return this.statuses;
  }

  private continueTarget(program: CompassionProgram): CourseView | undefined {
    const { content, progress } = program;
    const statuses = this.computeStatuses(content, progress.snapshot.completed);
    const stepId = progress.continueStepId;
    const location = stepId ? content.step(stepId) : undefined;
    const open = (week: Week) => statuses.find((st) => st.week === week)?.state !== 'locked';
    if (location && open(location.week)) return { kind: 'week', weekId: location.week.id, stepId: location.step.id };
    const current = statuses.find((st) => st.state === 'current') ?? statuses.find((st) => st.state !== 'locked');
    return current ? { kind: 'week', weekId: current.week.id } : undefined;
  }

  private async setDone(step: Step, week: Week, done: boolean, options: { quiet?: boolean } = {}): Promise<void> {
    const program = this.programCtl.program;
    if (!program || this.busy.has(step.id)) return;
    const { progress, content } = program;
    const wasDone = progress.isComplete(step.id);
    if (!done && !wasDone) return;
    // Completing a done step again only makes sense to save a practice note.
    if (done && wasDone && (step.kind !== 'practice' || options.quiet)) return;
    this.busy = new Set(this.busy).add(step.id);
    const errors = new Map(this.stepErrors);
    errors.delete(step.id);
    this.stepErrors = errors;
    try {
      if (!done) {
        await progress.reopen(step.id);
        if (this.celebration && (this.celebration.kind === 'program' || this.celebration.weekId === week.id)) this.celebration = null;
        return;
      }
      const draft = step.kind === 'practice' ? this.drafts.get(step.id) : undefined;
      const result = await progress.complete(step.id, draft !== undefined ? { note: draft.trim() } : {});
      if (draft !== undefined) {
        const drafts = new Map(this.drafts);
        drafts.delete(step.id);
        this.drafts = drafts;
        const copy = this.noteCopies.get(step.id);
        if (copy !== undefined) program.drafts.settle('step-note', step.id, copy);
        this.noteCopies.delete(step.id);
      }
      if (wasDone) {
        this.savedNote = step.id;
        this.announcement = program.storage.mode === 'memory' ? this.t.noteKept : this.t.noteSaved;
        return;
      }
      const programId = content.id;
      this.dispatchEvent(new StepCompleteEvent({ programId, weekId: week.id, stepId: step.id, completedSteps: progress.snapshot.completed.size, totalSteps: content.totalSteps }));
      if (result.weekCompleted) {
        this.dispatchEvent(new WeekCompleteEvent({ programId, weekId: week.id, weekNumber: week.number }));
        this.celebration = { kind: 'week', weekId: week.id };
        this.announcement = this.t.weekCompleteTitle(week.number);
      }
      if (result.programCompleted) {
        this.dispatchEvent(new ProgramCompleteEvent({ programId, weeks: content.program.weeks.length }));
        this.celebration = { kind: 'program' };
        this.announcement = this.t.programCompleteTitle;
      }
      // "Continue" now leads to the next step still to do: in this week, else in the next open week.
      const next = this.nextStepToDo(program, week);
      if (next) await progress.visit(next.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.stepErrors = new Map(this.stepErrors).set(step.id, message);
      program.reportError(error, 'course');
    } finally {
      const busy = new Set(this.busy);
      busy.delete(step.id);
      this.busy = busy;
    }
  }

  private nextStepToDo(program: CompassionProgram, week: Week): Step | undefined {
    const { progress, content } = program;
    const inWeek = week.steps.find((s) => !progress.isComplete(s.id));
    if (inWeek) return inWeek;
    const statuses = this.computeStatuses(content, progress.snapshot.completed);
    const later = statuses.slice(statuses.findIndex((st) => st.week.id === week.id) + 1).find((st) => st.state !== 'locked' && st.state !== 'done');
    return later?.week.steps.find((s) => !progress.isComplete(s.id));
  }

  private visitStep(step: Step): void {
    const program = this.programCtl.program;
    if (!program || program.progress.snapshot.lastStepId === step.id) return;
    program.progress.visit(step.id).catch((error: unknown) => program.reportError(error, 'course'));
  }

  // --- navigation -------------------------------------------------------------

  private navigate(view: CourseView, focus = true): void {
    const program = this.programCtl.program;
    if (!program) return;
    const sameWeek = view.kind === 'week' && this.view.kind === 'week' && view.weekId === this.view.weekId;
    if (!sameWeek) this.celebration = null;
    this.view = view;
    this.notice = null;
    this.focusTarget = view.kind === 'week' && view.stepId ? { kind: 'step', stepId: view.stepId, focus } : focus ? { kind: 'heading' } : null;
    if (view.kind === 'week' && view.stepId && this.isOpen(program, view.weekId)) this.visitStep(program.content.step(view.stepId)!.step);
    if (this.routing === 'hash') this.writeHash(formatHash(view, program.content));
  }

  private isOpen(program: CompassionProgram, weekId: string): boolean {
    const statuses = this.computeStatuses(program.content, program.progress.snapshot.completed);
    return statuses.find((st) => st.week.id === weekId)?.state !== 'locked';
  }

  private writeHash(hash: string): void {
    if (location.hash === hash || (hash === '' && (location.hash === '' || location.hash === '#'))) return;
    if (hash === '') {
      // Back to the overview: drop the fragment rather than leave a bare "#" in the address.
      history.pushState(history.state, '', `${location.pathname}${location.search}`);
    } else {
      location.hash = hash;
    }
  }

  private applyHash(focus: boolean): void {
    const program = this.programCtl.program;
    if (!program) return;
    const route = parseHash(location.hash, program.content);
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

  private moveFocus(): void {
    const target = this.focusTarget;
    if (!target || !this.programCtl.program) return;
    this.focusTarget = null;
    const root = this.shadowRoot!;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (target.kind === 'step') {
      const heading = root.querySelector<HTMLElement>(`[data-step-heading="${CSS.escape(target.stepId)}"]`);
      if (heading) {
        heading.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
        if (target.focus) heading.focus({ preventScroll: true });
        return;
      }
      if (!target.focus) return;
    }
    root.querySelector<HTMLElement>('[data-view-heading]')?.focus();
  }

  private armUnlockTimer(): void {
    clearTimeout(this.unlockTimer);
    this.unlockTimer = undefined;
    if (this.now || !this.isConnected) return;
    const now = Date.now();
    const next = this.statuses.map((st) => st.opensAt?.getTime()).filter((t): t is number => t !== undefined && t > now);
    if (!next.length) return;
    const wait = Math.min(Math.min(...next) - now + 250, MAX_TIMER_MS);
    this.unlockTimer = setTimeout(() => this.requestUpdate(), wait);
  }

  // --- rendering helpers -----------------------------------------------------

  private formatDate(date: Date, locale: string, withWeekday = true): string {
    const sameYear = date.getFullYear() === (this.now ?? new Date()).getFullYear();
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', ...(withWeekday ? { weekday: 'long' } : {}), ...(sameYear ? {} : { year: 'numeric' }) };
    try {
      return new Intl.DateTimeFormat(locale, options).format(date);
    } catch {
      return new Intl.DateTimeFormat(undefined, options).format(date);
    }
  }

  private lockedReason(status: WeekStatus, program: Program): string {
    const s = this.t;
    if (status.opensAt) return s.opensOn(this.formatDate(status.opensAt, program.locale));
    if (program.unlock.policy === 'sequential') return s.opensAfter(status.week.number - 1);
    return s.opensWhenGroupStarts;
  }

  private externalLink(href: string, label: string, part: string): TemplateResult {
    const external = href.startsWith('https:') && new URL(href).origin !== location.origin;
    return external
      ? html`<a class="button" part=${part} href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="visually-hidden"> ${this.t.opensInNewTab}</span></a>`
      : html`<a class="button" part=${part} href=${href}>${label}</a>`;
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
    const issues = blockingIssues(error);
    return html`<div class="error" part="error" role="alert">
      <h2 class="error-title">${s.loadErrorTitle}</h2>
      <p>${issues.length ? s.loadErrorIssues(issues.length) : error.message}</p>
      ${issues.length ? renderIssueList(issues) : nothing}
      ${canRetry(error) ? html`<button type="button" class="button" part="retry-button" @click=${() => this.retry()}>${s.retry}</button>` : nothing}
    </div>`;
  }

  private retry(): void {
    this.programCtl.retry();
  }

  private renderOverview(program: CompassionProgram): TemplateResult {
    const s = this.t;
    const { content, progress } = program;
    const p = content.program;
    const statuses = this.computeStatuses(content, progress.snapshot.completed);
    const doneSteps = statuses.reduce((n, st) => n + st.completed, 0);
    const total = content.totalSteps;
    const allDone = statuses.every((st) => st.state === 'done');
    const current = statuses.find((st) => st.state === 'current');
    const started = doneSteps > 0 || progress.snapshot.lastStepId !== undefined;
    const target = this.continueTarget(program);
    const targetStep = target?.kind === 'week' && target.stepId ? content.step(target.stepId) : undefined;
    const register = p.clinic?.registerUrl ? content.resolveUrl(p.clinic.registerUrl) : undefined;
    return html`<section class="view overview" part="overview" aria-labelledby="ck-course-title">
      <h2 id="ck-course-title" class="view-title" part="title" tabindex="-1" data-view-heading>${p.title}</h2>
      ${this.notice ? html`<p class="notice" part="notice" role="alert">${this.notice}</p>` : nothing}
      ${this.renderStartDateNotice(p)}
      ${allDone ? this.renderProgramComplete(program, false) : nothing}
      <div class="card progress" part="progress">
        <p class="progress-week">${allDone ? s.allWeeksDone(p.weeks.length) : current ? s.weekOf(current.week.number, p.weeks.length) : s.weekOf(firstOpenNumber(statuses), p.weeks.length)}</p>
        <p class="progress-steps" id="ck-progress-label">${s.stepsDone(doneSteps, total)}</p>
        <progress part="progress-bar" max=${total} .value=${doneSteps} aria-label=${s.progressLabel} aria-describedby="ck-progress-label"></progress>
        ${target && !allDone
          ? html`<div class="continue">
              <button type="button" class="button primary" part="continue-button" aria-describedby=${ifDefined(targetStep ? 'ck-continue-target' : undefined)} @click=${() => this.resume()}>
                ${started ? s.continueButton : s.startButton}
              </button>
              ${targetStep ? html`<span class="continue-target" id="ck-continue-target">${s.continueTarget(targetStep.week.number, targetStep.step.title)}</span>` : nothing}
            </div>`
          : nothing}
      </div>
      <div class="prose" part="introduction">${renderMarkdown(p.introduction, { headingLevel: 3, baseUrl: content.url, newTabText: s.opensInNewTab })}</div>
      ${register ? html`<p class="register">${this.externalLink(register, s.register, 'register-link')}</p>` : nothing}
      ${p.disclaimer ? html`<p class="disclaimer" part="disclaimer">${p.disclaimer}</p>` : nothing}
      <nav class="weeks" part="week-list" aria-labelledby="ck-weeks-heading">
        <h3 id="ck-weeks-heading">${s.weeksHeading}</h3>
        <ol class="week-list">
          ${statuses.map((st) => this.renderWeekItem(st, p))}
        </ol>
      </nav>
    </section>`;
  }

  private renderStartDateNotice(p: Program): TemplateResult | typeof nothing {
    if (p.unlock.policy !== 'weekly') return nothing;
    const start = this.startDate?.trim() ?? p.unlock.startDate;
    if (start === undefined || start === '') return html`<p class="notice" part="notice">${this.t.startDateMissing}</p>`;
    if (!validDate(start)) return html`<p class="notice" part="notice">${this.t.startDateInvalid(start)}</p>`;
    return nothing;
  }

  private renderWeekItem(st: WeekStatus, p: Program): TemplateResult {
    const s = this.t;
    const detail = st.state === 'locked' ? this.lockedReason(st, p) : s.weekStepsDone(st.completed, st.total);
    const inner = html`<span class="week-number">${s.weekLabel(st.week.number)}</span>
      <span class="week-title">${st.week.title}</span>
      <span class="week-meta"><span class="week-state">${s.weekState[st.state]}</span> · ${detail}</span>`;
    const marker = html`<span class="week-marker" aria-hidden="true">${st.state === 'done' ? '✓' : st.state === 'locked' ? '🔒︎' : st.week.number}</span>`;
    let row: TemplateResult;
    if (st.state === 'locked') row = html`<div class="week-row">${marker}<span class="week-text">${inner}</span></div>`;
    else if (this.routing === 'hash')
      row = html`<a class="week-row" part="week-link" href=${formatHash({ kind: 'week', weekId: st.week.id }, this.programCtl.program!.content)} aria-current=${ifDefined(st.state === 'current' ? 'step' : undefined)} @click=${(e: MouseEvent) => this.onWeekLinkClick(e, st.week)}
        >${marker}<span class="week-text">${inner}</span></a
      >`;
    else
      row = html`<button type="button" class="week-row" part="week-link" aria-current=${ifDefined(st.state === 'current' ? 'step' : undefined)} @click=${() => this.openWeek(st.week.id)}>
        ${marker}<span class="week-text">${inner}</span>
      </button>`;
    return html`<li class="week-item ${st.state}" part="week-item week-item-${st.state}">${row}</li>`;
  }

  private renderWeek(program: CompassionProgram, view: Extract<CourseView, { kind: 'week' }>): TemplateResult {
    const s = this.t;
    const { content, progress } = program;
    const p = content.program;
    const statuses = this.computeStatuses(content, progress.snapshot.completed);
    const index = statuses.findIndex((st) => st.week.id === view.weekId);
    const status = statuses[index];
    if (!status) return this.renderOverview(program);
    const week = status.week;
    const locked = status.state === 'locked';
    const md = { baseUrl: content.url, newTabText: s.opensInNewTab };
    return html`<section class="view week" part="week" aria-labelledby="ck-week-title">
      <button type="button" class="button quiet back" part="back-button" @click=${() => this.showOverview()}><span class="arrow" aria-hidden="true">←</span> ${s.allWeeks}</button>
      <p class="eyebrow">${s.weekOf(week.number, p.weeks.length)}${status.state === 'done' ? html` · <span class="done-text">${s.weekState.done}</span>` : nothing}</p>
      <h2 id="ck-week-title" class="view-title" part="title" tabindex="-1" data-view-heading>${week.title}</h2>
      <p class="summary">${week.summary}</p>
      ${locked
        ? html`<div class="card locked" part="locked">
            <h3>${s.lockedWeekTitle}</h3>
            <p>${this.lockedReason(status, p)}.${statuses.some((st) => st.state !== 'locked') ? ` ${s.lockedWeekBody}` : ''}</p>
          </div>`
        : html`
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
            <h3 id="ck-steps-heading">${s.stepsHeading}</h3>
            <ol class="steps" part="steps" aria-labelledby="ck-steps-heading">
              ${week.steps.map((step, i) => this.renderStep(program, week, step, i))}
            </ol>
            ${this.renderCelebration(program, week, statuses, index)}
          `}
      ${this.renderWeekNav(statuses, index, p)}
    </section>`;
  }

  private renderStep(program: CompassionProgram, week: Week, step: Step, index: number): TemplateResult {
    const s = this.t;
    const record = program.progress.snapshot.completed.get(step.id);
    const done = record !== undefined;
    const busy = this.busy.has(step.id);
    const error = this.stepErrors.get(step.id);
    const key = `${index}`;
    return html`<li
      class="card step ${step.kind} ${done ? 'done' : ''}"
      part="step step-${step.kind}${done ? ' step-done' : ''}"
      @focusin=${() => this.visitStep(step)}
    >
      <div class="step-head">
        <span class="step-marker" aria-hidden="true">${done ? '✓' : index + 1}</span>
        <div class="step-heading">
          <p class="step-kind">${s.stepKind[step.kind] ?? step.kind}</p>
          <h4 id="ck-step-title-${key}" tabindex="-1" data-step-heading=${step.id}>${step.title}</h4>
        </div>
      </div>
      ${step.body ? html`<div class="prose step-body">${renderMarkdown(step.body, { headingLevel: 5, baseUrl: program.content.url, newTabText: s.opensInNewTab })}</div>` : nothing}
      ${step.kind === 'meditate' ? this.renderMeditate(program, week, step) : nothing}
      ${step.kind === 'reflect' ? this.renderReflect(week, step) : nothing}
      ${step.kind === 'practice' ? this.renderNote(step, record?.note, done, key) : nothing}
      <div class="step-done">
        <input
          type="checkbox"
          id="ck-done-${key}"
          part="step-checkbox"
          .checked=${live(done)}
          aria-describedby="ck-step-title-${key}"
          @change=${(e: Event) => this.onDoneChange(e, step, week)}
        />
        <label for="ck-done-${key}">${s.doneCheckbox}</label>
        ${busy ? html`<span class="step-status">${s.saving}</span>` : done && record ? html`<span class="step-status">${s.doneOn(this.formatDate(new Date(record.completedAt), program.content.program.locale, false))}</span>` : nothing}
      </div>
      ${error ? html`<p class="error" role="alert">${s.saveFailed(error)}</p>` : nothing}
    </li>`;
  }

  private renderMeditate(program: CompassionProgram, week: Week, step: MeditateStep): TemplateResult {
    const s = this.t;
    const meditation = program.content.meditation(step.meditation);
    if (!meditation) return html`<p class="notice" part="placeholder">${s.meditationMissing(step.meditation)}</p>`;
    if (!customElements.get(PLAYER_TAG)) {
      return html`<div class="notice placeholder" part="placeholder">
        <p><strong>${s.playerMissing}</strong></p>
        <p>${s.playerMissingHint(meditation.title, Math.max(1, Math.round(meditation.duration / 60)))}</p>
        ${meditation.description ? html`<p>${meditation.description}</p>` : nothing}
      </div>`;
    }
    return html`<meditation-player
      embedded
      meditation-id=${step.meditation}
      src=${ifDefined(this.src ?? undefined)}
      storage=${ifDefined(this.src ? this.storage : undefined)}
      theme=${ifDefined(this.theme ?? undefined)}
      @ck-practice-logged=${(e: Event) => this.onPracticeLogged(e, step, week)}
    ></meditation-player>`;
  }

  private renderReflect(week: Week, step: ReflectStep): TemplateResult {
    const s = this.t;
    if (customElements.get(JOURNAL_TAG)) {
      // The journal shows the prompt above the entry itself.
      return html`<reflection-journal
        embedded
        template=${step.template}
        prompt=${step.prompt}
        week-id=${week.id}
        step-id=${step.id}
        src=${ifDefined(this.src ?? undefined)}
        storage=${ifDefined(this.src ? this.storage : undefined)}
        theme=${ifDefined(this.theme ?? undefined)}
        @ck-entry-saved=${(e: Event) => this.onEntrySaved(e, step, week)}
      ></reflection-journal>`;
    }
    return html`<div class="prompt" part="prompt">
        <p class="prompt-label">${s.promptLabel}</p>
        <p class="prompt-text">${step.prompt}</p>
      </div>
      <div class="notice placeholder" part="placeholder">
        <p><strong>${s.journalMissing}</strong></p>
        <p>${s.journalMissingHint}</p>
      </div>`;
  }

  private renderNote(step: Step, saved: string | undefined, done: boolean, key: string): TemplateResult {
    const s = this.t;
    const draft = this.drafts.get(step.id);
    const changed = draft !== undefined && draft.trim() !== (saved ?? '');
    const recoveredAt = this.recoveredNotes.get(step.id);
    return html`<div class="note">
      <label for="ck-note-${key}">${s.noteLabel}</label>
      <p class="hint" id="ck-note-hint-${key}">${s.noteHint}</p>
      <textarea id="ck-note-${key}" part="note" rows="3" aria-describedby="ck-note-hint-${key}" .value=${live(draft ?? saved ?? '')} @input=${(e: Event) => this.onNoteInput(e, step)}></textarea>
      ${done && changed
        ? html`<button type="button" class="button" ?disabled=${this.busy.has(step.id)} @click=${() => this.saveNote(step)}>${s.saveNote}</button>`
        : nothing}
      ${done && this.savedNote === step.id && !changed ? html`<span class="step-status">${this.programCtl.program?.storage.mode === 'memory' ? s.noteKept : s.noteSaved}</span>` : nothing}
      ${recoveredAt !== undefined ? html`<p class="step-status recovered" role="status">${s.noteRecovered(new Intl.DateTimeFormat(this.programCtl.program?.content.program.locale, { timeStyle: 'short' }).format(recoveredAt))}</p>` : nothing}
    </div>`;
  }

  private saveNote(step: Step): void {
    const program = this.programCtl.program;
    const location = program?.content.step(step.id);
    if (location) void this.setDone(step, location.week, true);
  }

  private renderCelebration(program: CompassionProgram, week: Week, statuses: WeekStatus[], index: number): TemplateResult | typeof nothing {
    const c = this.celebration;
    if (!c) return nothing;
    if (c.kind === 'program') return this.renderProgramComplete(program, true);
    if (c.weekId !== week.id) return nothing;
    const s = this.t;
    const next = statuses[index + 1];
    return html`<div class="card completion" part="completion">
      <span class="completion-mark" aria-hidden="true">❀</span>
      <h3>${s.weekCompleteTitle(week.number)}</h3>
      <p>${s.weekCompleteBody}</p>
      ${next && next.state !== 'locked'
        ? html`<p>${s.nextWeekReady(next.week.number)}</p>
            <button type="button" class="button primary" @click=${() => this.openWeek(next.week.id)}>${s.weekLabel(next.week.number)}: ${next.week.title}</button>`
        : next
          ? html`<p>${this.lockedReason(next, program.content.program)}.</p>`
          : nothing}
    </div>`;
  }

  private renderProgramComplete(program: CompassionProgram, inWeek: boolean): TemplateResult {
    const s = this.t;
    const weeks = program.content.program.weeks;
    return html`<div class="card completion program-complete" part="completion">
      <span class="completion-mark" aria-hidden="true">❀</span>
      <h3>${s.programCompleteTitle}</h3>
      <p>${s.programCompleteBody(weeks.length)}</p>
      ${inWeek
        ? html`<button type="button" class="button" @click=${() => this.showOverview()}>${s.allWeeks}</button>`
        : html`<button type="button" class="button" @click=${() => this.openWeek(weeks[0]!.id)}>${s.revisit}</button>`}
    </div>`;
  }

  private renderWeekNav(statuses: WeekStatus[], index: number, p: Program): TemplateResult {
    const s = this.t;
    const prev = statuses[index - 1];
    const next = statuses[index + 1];
    const link = (st: WeekStatus, label: string, direction: 'prev' | 'next') =>
      st.state === 'locked'
        ? html`<p class="nav-locked ${direction}"><span class="nav-label">${label}</span> <span>${s.weekLabel(st.week.number)}: ${this.lockedReason(st, p)}</span></p>`
        : html`<button type="button" class="button nav-button ${direction}" @click=${() => this.openWeek(st.week.id)}>
            ${direction === 'prev' ? html`<span class="arrow" aria-hidden="true">←</span>` : nothing}
            <span class="nav-text"><span class="nav-label">${label}</span> <span>${s.weekLabel(st.week.number)}: ${st.week.title}</span></span>
            ${direction === 'next' ? html`<span class="arrow" aria-hidden="true">→</span>` : nothing}
          </button>`;
    return html`<nav class="week-nav" part="week-nav" aria-label=${s.weekNav}>
      ${prev ? link(prev, s.previousWeek, 'prev') : html`<span></span>`}
      ${next ? link(next, s.nextWeek, 'next') : html`<button type="button" class="button nav-button next" @click=${() => this.showOverview()}>${s.allWeeks}</button>`}
    </nav>`;
  }
}

function validDate(value: string): boolean {
  const d = localMidnight(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return d !== undefined && m !== null && d.getDate() === Number(m[3]) && d.getMonth() === Number(m[2]) - 1;
}

function firstOpenNumber(statuses: WeekStatus[]): number {
  return (statuses.find((st) => st.state !== 'locked') ?? statuses[0])?.week.number ?? 1;
}

/** The `<compassion-program>` enclosing the element (across shadow roots), if any: it shows load errors itself. */
function enclosingProvider(el: Element): (Element & { storage?: StorageMode }) | undefined {
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'compassion-program') return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}
