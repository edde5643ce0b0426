import { adoptStyles, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import { PageLifecycleController } from '../../controllers/page-lifecycle-controller.js';
import type { AudioSnapshot } from '../../sdk/audio/engine.js';
import type { CompassionProgram } from '../../sdk/program.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { forms } from '../../styles/forms.js';
import { layout } from '../../styles/layout.js';
import { CompassionWidget } from '../shared/compassion-widget.js';
import { EN_PLAYER_STRINGS } from './internal/en-strings.js';
import type { KeepControl } from './internal/keep-view.js';
import { GuidedSessionController } from './internal/guided-session-controller.js';
import { GuidedView } from './internal/guided-view.js';
import { LazyPart } from './internal/lazy-part.js';
import type { ResumeOffer } from './internal/resume-offer.js';
import { SessionLogController } from './internal/session-log-controller.js';
import { resolveTrack } from './internal/track.js';
import type { TranscriptPanel } from './internal/transcript-view.js';
import type { PlayerPort } from './internal/types.js';
import { styles } from './meditation-player.styles.js';
import type { PlayerMode } from './modes.js';
import type { PlayerStrings } from './strings.js';

export { CHECK_IN_TEMPLATE_ID } from './modes.js';

/**
 * Guided meditations with a synced transcript, a silent practice timer with bells, and a
 * soothing-rhythm breathing pacer. Practice is logged privately on the device.
 *
 * With `embedded` the player is part of a larger widget (`<compassion-course>` sets it on the
 * player of a meditate step): it leaves out its own "Need support now?" button (the host has one
 * in the same place), uses no landmarks (chapters, transcript and summary become labelled groups),
 * and its headings start at `h5`, under the course's `h4` step titles.
 *
 * @tag meditation-player
 * @summary Plays a guided meditation (or times silent practice, or paces breathing) and logs the practice.
 *
 * @csspart base - The player's outer box.
 * @csspart header - The title row, with the "Need support now?" button at its inline end.
 * @csspart title - The meditation's title.
 * @csspart description - The meditation's description, under the title.
 * @csspart support-button - "Need support now?" (not when `embedded`).
 * @csspart support-dialog - The dialog listing the clinic's crisis resources (not when `embedded`).
 * @csspart status - Loading, offline and "cannot save" messages.
 * @csspart error-details - The disclosure "Details for the site's developer" under a load error: the message, or the problems with their paths.
 * @csspart error - The error box (with its retry button).
 * @csspart error-list - The list of problems in the program file, each with its JSON path.
 * @csspart retry-button - "Try again" after a failure.
 * @csspart resume - The "Resume from 3:20 / Start over" offer.
 * @csspart resume-button - "Resume from …".
 * @csspart start-over-button - "Start over".
 * @csspart controls - The row of playback buttons: back, play / pause, forward and mute.
 * @csspart play-button - Play / Pause.
 * @csspart back-button - Back 15 seconds.
 * @csspart forward-button - Forward 15 seconds.
 * @csspart seek - The seek slider.
 * @csspart time - The elapsed time and the total, a toggle that shows the time left instead.
 * @csspart settings - Speed, and volume where the pointer is fine (phones set their own).
 * @csspart keep - "Keep on this device" with the space a kept recording takes (a program's meditation, where the browser has Cache Storage and the provider has not set `keep-recordings="off"`).
 * @csspart keep-button - "Keep on this device" (also after a failure, to try again).
 * @csspart keep-stop-button - "Stop" while keeping.
 * @csspart keep-remove-button - "Remove" once kept.
 * @csspart keep-error - Why a recording could not be kept.
 * @csspart chapters - The list of chapters.
 * @csspart transcript - The transcript panel.
 * @csspart transcript-list - The scrolling list of transcript cues.
 * @csspart cue - One transcript cue (a button that plays from there).
 * @csspart timer - The silent practice timer.
 * @csspart timer-display - The remaining time.
 * @csspart timer-presets - The one-tap timer lengths (3, 5, 10, 15, 20 minutes).
 * @csspart timer-ring - The ring that fills as the timer's time passes.
 * @csspart pacer - The breathing pacer.
 * @csspart breathing-shape - The circle that grows and shrinks (still under reduced motion).
 * @csspart breathing-cue - "Breathe in… / Breathe out…".
 * @csspart summary - What is shown after a session.
 * @csspart stats - Minutes practised this week and sessions in total.
 * @csspart check-in - The optional "How do you feel now?" check-in.
 *
 * @cssprop --meditation-player-accent - Colour of the play button, slider and highlighted cue (default: the accent token).
 * @cssprop --meditation-player-transcript-height - Height of the scrolling transcript (default 256px).
 * @cssprop --meditation-player-shape-size - Largest size of the breathing circle (default 192px).
 * @cssprop --meditation-player-shape-color - Colour of the breathing circle.
 * @cssprop --meditation-player-radius - Corner radius of the player's box.
 *
 * @fires {PracticeLoggedEvent} ck-practice-logged - A session was added to the practice log. `detail: { programId, sessionId, mode, meditationId?, minutes }`.
 * @fires {EntrySavedEvent} ck-entry-saved - The after-practice check-in was saved to the journal. `detail: { programId, entryId, templateId, revision, created }` (never the text).
 * @fires {CompassionErrorEvent} ck-error - The recording or the log failed after the participant acted. `detail: { code, message, source }`.
 * @fires {SupportOfferedEvent} ck-support-offered - The saved check-in note held words from the program's list and a support card was shown. `detail: {}`: no text, no reason.
 */
export class MeditationPlayer extends CompassionWidget {
  static override styles = [...CompassionWidget.styles, forms, layout, styles];

  private readonly port: PlayerPort = ((el: MeditationPlayer): PlayerPort => ({
    get t() {
      return el.t;
    },
    get mode() {
      return el.mode;
    },
    get embedded() {
      return el.embedded;
    },
    get program() {
      return el.sdk;
    },
    get displayTitle() {
      return el.displayTitle;
    },
    locale: el.locale,
    get reducedMotion() {
      return el.page.value.reducedMotion;
    },
    get renderRoot() {
      return el.renderRoot;
    },
    now: () => el.now(),
    dispatch: (event) => el.dispatchEvent(event),
    heading: (level) => (el.embedded ? (level === 2 ? literal`h5` : literal`h6`) : level === 2 ? literal`h2` : literal`h3`),
    region: (standalone) => (el.embedded ? literal`div` : standalone),
  }))(this);

  private readonly page = new PageLifecycleController(this, {
    // Back/forward cache: the page may come back, so keep the session open; otherwise close it.
    pagehide: (persisted) => this.leave(persisted),
    visibilitychange: (visible) => {
      this.timerPart.value?.controller.tick();
      this.breathingPart.value?.controller.tick();
      if (!visible) this.session.hidden();
    },
  });

  private readonly log = new SessionLogController(this, this.port, () => this.noCheckIn, (load) => this.withWords(load));
  // The transcript downloads when a track first has one.
  private readonly transcriptPart: LazyPart<TranscriptPanel> = new LazyPart<TranscriptPanel>(this, async () => {
    const { TranscriptPanel, EN_TRANSCRIPT_STRINGS, transcriptStyles } = await import('./internal/transcript-view.js');
    this.receive(EN_TRANSCRIPT_STRINGS, transcriptStyles);
    return new TranscriptPanel(this, this.port, () => this.session.snapshot);
  });

  // The offer to resume downloads when a guided track first has a program to read its place from.
  private readonly resumePart: LazyPart<ResumeOffer> = new LazyPart<ResumeOffer>(this, async () => {
    const { ResumeOffer, EN_RESUME_STRINGS, resumeStyles } = await import('./internal/resume-offer.js');
    this.receive(EN_RESUME_STRINGS, resumeStyles);
    return new ResumeOffer(this, this.session, this.port);
  });

  private readonly session: GuidedSessionController = new GuidedSessionController(this, this.port, this.log, () => this.transcriptPart.value?.controller, this.resumePart);
  private readonly keepPart = new LazyPart<KeepControl>(this, async () => {
    const { KeepControl, EN_KEEP_STRINGS, keepStyles } = await import('./internal/keep-view.js');
    this.receive(EN_KEEP_STRINGS, keepStyles);
    return new KeepControl(this, this.port, () => this.session.audio.prepare());
  });

  private readonly guidedView = new GuidedView(this.port, this.session, this.transcriptPart, () => this.programCtl.retry(), (retry, failed) => this.renderLoading(retry, failed), this.keepPart);

  // The timer and the breathing pacer download when their mode is chosen (with the session recorder); the check-in when a session ends (session-record.ts).
  private readonly timerPart = this.modePart(() => import('./internal/timer-view.js').then((m) => m.TimerMode));
  private readonly breathingPart = this.modePart(() => import('./internal/breathing-view.js').then((m) => m.BreathingMode));

  /** English words that arrive with the parts using them: the transcript's, and the timer's, pacer's, summary's and check-in's. */
  private words: Partial<PlayerStrings> = {};
  /** Styles that arrived with parts, after the element's own. */
  private readonly partStyles: CSSResult[] = [];

  /** Id of a meditation in the program (`meditations[].id`), e.g. `cultivating-compassion`. */
  @property({ attribute: 'meditation-id', reflect: true }) meditationId: string | null = null;

  /** A recording to play without a program entry (https or relative URL). `meditation-id` wins when both are set. */
  @property({ attribute: 'audio-src' }) audioSrc: string | null = null;

  /** A WebVTT transcript for `audio-src`. A program meditation uses its own transcript. */
  @property({ attribute: 'transcript-src' }) transcriptSrc: string | null = null;

  /** Title shown for `audio-src` (or to replace the meditation's title). Prefer it to `title`, which also makes a browser tooltip. */
  @property({ attribute: 'track-title' }) trackTitle: string | null = null;

  /** Accepted as the track's title, as in the issue's examples; see `track-title`. */
  @property() override title = '';

  /** `guided` plays the recording; `timer` times silent practice with bells; `breathing` paces soothing-rhythm breathing. */
  @property({ reflect: true }) mode: PlayerMode = 'guided';

  /** Timer length in minutes, 1–60. The participant can change it before starting. */
  @property({ type: Number }) minutes = 10;

  /** Minutes between interval bells in timer mode; 0 for none. */
  @property({ type: Number, attribute: 'interval-minutes' }) intervalMinutes = 0;

  /** The timer's bell. Default: `audio/bell.ogg` (or `.mp3`) next to the program file; none without a program. */
  @property({ attribute: 'bell-src' }) bellSrc: string | null = null;

  /** Seconds of each in-breath in breathing mode (1.5–12, default 4.5). */
  // The defaults are the SDK's DEFAULT_BREATH, spelled here so the pacer's code waits for its mode.
  @property({ type: Number, attribute: 'breathe-in' }) breatheIn = 4.5;

  /** Seconds of each out-breath in breathing mode (1.5–12, default 5.5). */
  @property({ type: Number, attribute: 'breathe-out' }) breatheOut = 5.5;

  /** Hide the optional "How do you feel now?" check-in after a session. */
  @property({ type: Boolean, attribute: 'no-check-in' }) noCheckIn = false;

  /** Part of a larger widget, such as a course's week: no "Need support now?" button of its own, no landmarks, headings from `h5`. */
  @property({ type: Boolean, reflect: true }) embedded = false;

  /** Words the player writes itself, for another language; unset keys fall back to English. */
  @property({ attribute: false }) strings: Partial<PlayerStrings> = {};

  /** The current playback snapshot (guided mode), for scripts and tests. */
  get playback(): AudioSnapshot | undefined {
    return this.session.snapshot;
  }

  // Only the parts that brought their words read them, so every key read is there.
  private get t(): PlayerStrings {
    return { ...EN_PLAYER_STRINGS, ...this.words, ...this.locale.catalog.player, ...this.strings } as PlayerStrings;
  }

  private get displayTitle(): string {
    const own = this.trackTitle || this.title;
    if (own) return own;
    const track = this.session.track;
    if (track) return track.title;
    return this.t.modeTitle[this.mode] ?? this.t.modeTitle.guided;
  }

  /** The clock (epoch ms) used for timing practice. Replace it to test or to control time. */
  @property({ attribute: false }) now: () => number = () => Date.now();

  override disconnectedCallback(): void {
    this.leave(false);
    super.disconnectedCallback();
  }

  /** Plays the recording (guided mode). Call it from a click or key handler: browsers need a gesture. */
  play(): Promise<void> {
    return this.session.snapshot ? this.session.audio.play() : Promise.resolve();
  }

  /** Pauses the recording; the place is remembered. */
  pause(): void {
    this.session.audio.pause();
  }

  /** Moves to `seconds` from the start of the recording. */
  seek(seconds: number): void {
    this.session.seek(seconds);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') && changed.get('mode') !== undefined) this.leaveMode(changed.get('mode') as PlayerMode);
    const request = { meditationId: this.meditationId, audioSrc: this.audioSrc, transcriptSrc: this.transcriptSrc, ownTitle: this.trackTitle || this.title, src: this.src };
    this.session.setTrack(this.mode === 'guided' ? resolveTrack(request, this.programCtl.value, this.t) : { status: 'none' });
  }

  protected override render(): TemplateResult {
    const program = this.sdk;
    const description = this.session.track?.description;
    const heading = this.port.heading(2);
    return html`<article part="base" class="player" aria-labelledby="title" lang=${this.locale.lang} dir=${ifDefined(this.locale.dir)} @keydown=${this.mode === 'guided' ? this.guidedView.onKey : nothing}>
        <header part="header" class="header">
          <div class="heading">
            ${staticHtml`<${heading} id="title" part="title" class="title">${this.displayTitle}</${heading}>`}
            ${description ? html`<p part="description" class="description">${description}</p>` : nothing}
          </div>
          ${this.embedded ? nothing : this.support.renderButton()}
        </header>
        ${this.renderStatus()}
        ${this.mode === 'timer' ? this.renderPart(this.timerPart) : this.mode === 'breathing' ? this.renderPart(this.breathingPart) : this.guidedView.render()}
        ${this.log.recording?.renderSummary((retry, failed) => this.renderLoading(retry, failed)) ?? nothing} ${this.renderStats(program)}
        <div class="visually-hidden" role="status" aria-live="polite">${this.log.announcement}</div>
      </article>
      ${this.embedded ? nothing : this.support.renderDialog(program?.content.support, program?.content.url)}`;
  }

  /** Leaving the page or the element: remember the place, stop sound, and close sessions (unless the page may come back). */
  private leave(mayReturn: boolean): void {
    this.session.leave(mayReturn);
    if (mayReturn) return;
    this.timerPart.value?.controller.stop(false);
    this.breathingPart.value?.controller.stop(false);
  }

  private leaveMode(previous: PlayerMode): void {
    if (previous === 'guided') {
      this.session.audio.pause();
      void this.session.end(false, false);
    }
    if (previous === 'timer') this.timerPart.value?.controller.stop(false);
    if (previous === 'breathing') this.breathingPart.value?.controller.stop(false);
    this.log.clear();
  }

  /** Loads a part together with the session's English words and styles (a second import, in parallel). */
  private async withWords<T>(load: Promise<T>): Promise<T> {
    const [part, { EN_SESSION_STRINGS, sessionStyles }] = await Promise.all([load, import('./internal/session-parts.js')]);
    this.receive(EN_SESSION_STRINGS, sessionStyles);
    return part;
  }

  /** Takes what a part brought: its English words, and its styles, added to this player's sheets before the part renders. */
  private receive(words: Partial<PlayerStrings>, sheet?: CSSResult): void {
    this.words = { ...this.words, ...words };
    if (!sheet || this.partStyles.includes(sheet)) return;
    this.partStyles.push(sheet);
    adoptStyles(this.renderRoot as ShadowRoot, [...MeditationPlayer.elementStyles, ...this.partStyles]);
  }

  /** A mode's part: its code, the session's words and styles, and the session recorder, downloaded together. */
  private modePart<T>(load: () => Promise<new (host: MeditationPlayer, port: PlayerPort, log: SessionLogController, settings: MeditationPlayer) => T>): LazyPart<T> {
    return new LazyPart<T>(this, async () => {
      const [Mode] = await Promise.all([this.withWords(load()), this.log.ready()]);
      return new Mode(this, this.port, this.log, this);
    });
  }

  private renderPart(part: LazyPart<{ render(): TemplateResult }>): TemplateResult {
    const view = part.get();
    return view ? view.render() : this.renderLoading(() => void part.ready(), part.failed);
  }

  /** A calm line while a part downloads; if it could not be, a way to try again. */
  private renderLoading(retry: () => void, failed: boolean): TemplateResult {
    const t = this.t;
    if (!failed) return html`<p class="loading" part="status" role="status" data-loading-part>${t.loadingPart}</p>`;
    return html`<div class="error" part="error" role="alert">
      <p>${t.partFailed}</p>
      <button type="button" class="button" part="retry-button" @click=${retry}>${t.retry}</button>
    </div>`;
  }

  /** Minutes practised this week and sessions in total, once there is a session. */
  private renderStats(program: CompassionProgram | undefined): TemplateResult | typeof nothing {
    if (!program || !program.practice.snapshot.sessions.length) return nothing;
    const stats = program.practice.stats(new Date(this.now()));
    return html`<p class="stats" part="stats">${this.t.stats(stats.minutesThisWeek, stats.sessionsTotal)}</p>`;
  }

  private renderStatus(): TemplateResult | typeof nothing {
    const t = this.t;
    const notes: TemplateResult[] = [];
    if (!this.page.value.online) notes.push(html`<p class="notice" part="status">${t.offline}</p>`);
    const playsWithoutProgram = this.mode !== 'guided' || !this.meditationId;
    // The timer, the pacer and an audio-src work without the program; say plainly that nothing will be saved.
    if (playsWithoutProgram && this.programCtl.value.status === 'error' && this.src) notes.push(html`<p class="notice" part="status">${t.notSaving}</p>`);
    if (this.log.logProblem) notes.push(html`<p class="error" part="status" role="alert">${this.log.logProblem}</p>`);
    return notes.length ? html`${notes}` : nothing;
  }
}
