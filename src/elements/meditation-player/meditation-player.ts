import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { ProgramController } from '../../controllers/program-controller.js';
import { BreathingPacer, breathPattern, breathsPerMinute, DEFAULT_BREATH } from '../../sdk/audio/breathing.js';
import { AudioEngine, claimPlayback, loadHowler, releasePlayback, type AudioSnapshot, type AudioSourceInput, type PlaybackOwner } from '../../sdk/audio/engine.js';
import { AudioError } from '../../sdk/audio/errors.js';
import { ListeningTracker, shouldLogPractice } from '../../sdk/audio/practice-session.js';
import { formatClock, positionText } from '../../sdk/audio/time.js';
import { PracticeTimer, clampMinutes, type BellKind, type TimerSnapshot } from '../../sdk/audio/timer.js';
import { loadTranscript } from '../../sdk/audio/transcript.js';
import { cueIndexAt } from '../../sdk/audio/webvtt.js';
import { resolveContentUrl } from '../../sdk/content/urls.js';
import type { Chapter, ChoiceField, TemplateField, TranscriptCue } from '../../sdk/content/types.js';
import { CompassionErrorEvent, EntrySavedEvent, PracticeLoggedEvent } from '../../sdk/events.js';
import type { CompassionProgram } from '../../sdk/program.js';
import type { StorageMode } from '../../sdk/store/backend.js';
import type { EntryDraft, FieldValue, PracticeMode } from '../../sdk/store/records.js';
import { SUPPORT_STRINGS_EN, SupportDialogController, supportStyles } from '../shared/support-dialog.js';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { AudioController } from './audio-controller.js';
import { styles } from './meditation-player.styles.js';
import { INTERVAL_CHOICES, MANUAL_SCROLL_MS, PLAYER_RATES, RESUME_MARGIN, SAVE_EVERY_MS, SEEK_PAGE, SEEK_STEP, SKIP_SECONDS, type PlayerMode } from './modes.js';
import { EN_STRINGS, type PlayerStrings } from './strings.js';

/** The journal template the after-practice check-in follows (shipped with the default program). */
export const CHECK_IN_TEMPLATE_ID = 'after-practice-check-in';

interface Track {
  /** Changes whenever the recording does. */
  key: string;
  title: string;
  description?: string;
  meditationId?: string;
  /** Key under which the place in the recording is remembered. */
  placeKey: string;
  sources: AudioSourceInput[];
  transcriptUrl?: string;
  inlineCues?: readonly TranscriptCue[];
  chapters: readonly Chapter[];
  duration?: number;
}

type TrackState = { status: 'none' } | { status: 'loading' } | { status: 'ready'; track: Track } | { status: 'error'; message: string; retryProgram: boolean };

type TranscriptState =
  | { status: 'none' }
  | { status: 'loading'; url: string }
  | { status: 'ready'; url?: string; cues: readonly TranscriptCue[] }
  | { status: 'error'; url: string; message: string };

interface Summary {
  mode: PlayerMode;
  seconds: number;
  /** Heard to the end, or the time was up. */
  finished: boolean;
  /** Whole minutes added to the log, when it was logged. */
  loggedMinutes?: number;
}

interface CheckIn {
  status: 'open' | 'saving' | 'saved' | 'error';
  choice?: string;
  note: string;
  entryId?: string;
  revision?: number;
  noteSaved?: boolean;
  error?: string;
  /** The write-ahead copy number of the note being typed (see DraftStore.keep). */
  copy?: number;
}

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
 * @csspart error - The error box (with its retry button).
 * @csspart retry-button - "Try again" after a failure.
 * @csspart resume - The "Resume from 3:20 / Start over" offer.
 * @csspart resume-button - "Resume from …".
 * @csspart start-over-button - "Start over".
 * @csspart controls - The row of playback buttons.
 * @csspart play-button - Play / Pause.
 * @csspart back-button - Back 15 seconds.
 * @csspart forward-button - Forward 15 seconds.
 * @csspart seek - The seek slider.
 * @csspart time - The elapsed and total time.
 * @csspart settings - Speed, volume and mute.
 * @csspart chapters - The list of chapters.
 * @csspart transcript - The transcript panel.
 * @csspart transcript-list - The scrolling list of transcript cues.
 * @csspart cue - One transcript cue (a button that plays from there).
 * @csspart timer - The silent practice timer.
 * @csspart timer-display - The remaining time.
 * @csspart pacer - The breathing pacer.
 * @csspart breathing-shape - The circle that grows and shrinks (still under reduced motion).
 * @csspart breathing-cue - "Breathe in… / Breathe out…".
 * @csspart summary - What is shown after a session.
 * @csspart stats - Minutes practised this week and sessions in total.
 * @csspart check-in - The optional "How do you feel now?" check-in.
 *
 * @cssprop --meditation-player-accent - Colour of the play button, slider and highlighted cue (default: the accent token).
 * @cssprop --meditation-player-transcript-height - Height of the scrolling transcript (default 16rem).
 * @cssprop --meditation-player-shape-size - Largest size of the breathing circle (default 12rem).
 * @cssprop --meditation-player-shape-color - Colour of the breathing circle.
 * @cssprop --meditation-player-radius - Corner radius of the player's box.
 *
 * @fires {PracticeLoggedEvent} ck-practice-logged - A session was added to the practice log. `detail: { programId, sessionId, mode, meditationId?, minutes }`.
 * @fires {EntrySavedEvent} ck-entry-saved - The after-practice check-in was saved to the journal. `detail: { programId, entryId, templateId, revision, created }` (never the text).
 * @fires {CompassionErrorEvent} ck-error - The recording or the log failed after the participant acted. `detail: { code, message, source }`.
 */
export class MeditationPlayer extends LitElement {
  static override styles = [tokens, base, supportStyles, styles];

  private readonly programCtl = new ProgramController(this);
  private readonly support = new SupportDialogController(this);
  private readonly audio = new AudioController(this, (next, previous) => this.onAudio(next, previous));

  @state() private resumeAt: number | null = null;
  @state() private transcript: TranscriptState = { status: 'none' };
  @state() private transcriptOpen = true;
  @state() private scrub: number | null = null;
  @state() private summary: Summary | null = null;
  @state() private checkIn: CheckIn | null = null;
  @state() private timer: PracticeTimer | undefined;
  @state() private pacer: BreathingPacer | undefined;
  @state() private bellProblem: string | null = null;
  @state() private logProblem: string | null = null;
  @state() private online = typeof navigator === 'undefined' ? true : navigator.onLine;
  @state() private reducedMotion = false;
  @state() private announcement = '';

  /** URL of the program JSON when the player stands alone (inside `<compassion-program>` it uses that program). */
  @property({ reflect: true }) src: string | null = null;

  /** `indexeddb` (default) keeps the practice log on this device; `memory` only while the page is open. Standalone only. */
  @property({ reflect: true }) storage: StorageMode = 'indexeddb';

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
  @property({ type: Number, attribute: 'breathe-in' }) breatheIn = DEFAULT_BREATH.inhale;

  /** Seconds of each out-breath in breathing mode (1.5–12, default 5.5). */
  @property({ type: Number, attribute: 'breathe-out' }) breatheOut = DEFAULT_BREATH.exhale;

  /** Hide the optional "How do you feel now?" check-in after a session. */
  @property({ type: Boolean, attribute: 'no-check-in' }) noCheckIn = false;

  /** Colour scheme: `light`, `dark`, or unset to follow the system. */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

  /** Part of a larger widget, such as a course's week: no "Need support now?" button of its own, no landmarks, headings from `h5`. */
  @property({ type: Boolean, reflect: true }) embedded = false;

  /** Words the player writes itself, for another language; unset keys fall back to English. */
  @property({ attribute: false }) strings: Partial<PlayerStrings> = {};

  /** The clock (epoch ms) used for timing practice. Replace it to test or to control time. */
  @property({ attribute: false }) now: () => number = () => Date.now();

  private trackState: TrackState = { status: 'none' };
  private tracker = new ListeningTracker('guided', () => this.now());
  private lastPlaceSave = 0;
  private resumeCheckedFor: string | undefined;
  private watchedProgram: CompassionProgram | undefined;
  private unwatchPractice: (() => void) | undefined;
  private bell: AudioEngine | undefined;
  private bellKey: string | undefined;
  private breathAnimation: Animation | undefined;
  private breathAnimationTarget: Element | undefined;
  private scrolledCue = -1;
  private userScrolledAt = -Infinity;
  private autoScrollUntil = 0;
  private motionQuery: MediaQueryList | undefined;
  /** Set while a timer is stopped because the participant left: log it, but show nothing. */
  private quietFinish = false;
  private readonly owner: PlaybackOwner = { yieldPlayback: () => undefined };

  /** The current playback snapshot (guided mode), for scripts and tests. */
  get playback(): AudioSnapshot | undefined {
    return this.audio.snapshot;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');
    this.reducedMotion = this.motionQuery.matches;
    this.motionQuery.addEventListener('change', this.onMotion);
  }

  override disconnectedCallback(): void {
    this.leave(false);
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.motionQuery?.removeEventListener('change', this.onMotion);
    this.unwatchPractice?.();
    this.unwatchPractice = undefined;
    this.watchedProgram = undefined;
    this.bell?.unload();
    this.breathAnimation?.cancel();
    this.breathAnimation = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('storage')) this.programCtl.srcChanged();
    if (changed.has('strings')) this.support.strings = { ...SUPPORT_STRINGS_EN, ...this.strings.support };
    const program = this.programCtl.program;
    if (program !== this.watchedProgram) {
      this.unwatchPractice?.();
      this.watchedProgram = program;
      this.unwatchPractice = program?.practice.subscribe(() => this.requestUpdate());
    }
    if (changed.has('mode') && changed.get('mode') !== undefined) this.leaveMode(changed.get('mode') as PlayerMode);
    this.trackState = this.mode === 'guided' ? this.resolveTrack(program) : { status: 'none' };
    if (this.trackState.status === 'ready') this.useTrack(this.trackState.track, program);
  }

  protected override updated(): void {
    this.syncBreathAnimation();
    this.followTranscript();
  }

  // Event handlers

  private readonly onPageHide = (event: PageTransitionEvent): void => {
    // Back/forward cache: the page may come back, so keep the session open; otherwise close it.
    this.leave(event.persisted);
  };

  private readonly onVisibility = (): void => {
    this.timer?.tick();
    this.pacer?.tick();
    const s = this.audio.snapshot;
    if (document.visibilityState === 'hidden' && s && s.status === 'playing') this.savePlace(s.position);
  };

  private readonly onOnline = (): void => {
    this.online = navigator.onLine;
  };

  private readonly onMotion = (event: MediaQueryListEvent): void => {
    this.reducedMotion = event.matches;
  };

  private onAudio(next: AudioSnapshot, previous: AudioSnapshot): void {
    this.tracker.update(next.status === 'playing');
    if (next.status === 'playing' && previous.status !== 'playing') {
      this.resumeAt = null;
      this.summary = null;
      this.checkIn = null;
    }
    if (next.status === 'playing' && this.now() - this.lastPlaceSave >= SAVE_EVERY_MS) this.savePlace(next.position);
    if (previous.status === 'playing' && next.status === 'paused') this.savePlace(next.position);
    if (next.status === 'ended' && previous.status !== 'ended') {
      this.forgetPlace();
      void this.endListening(true, true);
    }
    if (next.status === 'error' && previous.status !== 'error' && next.error) {
      this.dispatchEvent(new CompassionErrorEvent({ code: next.error.code, message: next.error.message, source: 'audio' }));
    }
  }

  private onPlay(): void {
    const engine = this.audio.engine;
    if (!engine) return;
    const s = engine.snapshot;
    if (s.status === 'playing' || s.status === 'loading') {
      engine.pause();
      return;
    }
    if (this.resumeAt !== null) {
      engine.seek(this.resumeAt);
      this.resumeAt = null;
    }
    void engine.play();
  }

  private onResume(): void {
    const engine = this.audio.engine;
    if (!engine || this.resumeAt === null) return;
    engine.seek(this.resumeAt);
    this.resumeAt = null;
    void engine.play();
  }

  private onStartOver(): void {
    const engine = this.audio.engine;
    if (!engine) return;
    this.resumeAt = null;
    this.forgetPlace();
    engine.seek(0);
    void engine.play();
  }

  private onSeekKey(event: KeyboardEvent): void {
    const engine = this.audio.engine;
    if (!engine) return;
    const { position, duration } = engine.snapshot;
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const steps: Record<string, number> = {
      ArrowRight: rtl ? -SEEK_STEP : SEEK_STEP,
      ArrowLeft: rtl ? SEEK_STEP : -SEEK_STEP,
      ArrowUp: SEEK_STEP,
      ArrowDown: -SEEK_STEP,
      PageUp: SEEK_PAGE,
      PageDown: -SEEK_PAGE,
    };
    let target: number | undefined;
    if (event.key in steps) target = position + steps[event.key]!;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = duration;
    if (target === undefined) return;
    event.preventDefault();
    this.scrub = null;
    this.seekTo(target);
  }

  private onSeekInput(event: Event): void {
    this.scrub = Number((event.target as HTMLInputElement).value);
  }

  private onSeekChange(event: Event): void {
    this.scrub = null;
    this.seekTo(Number((event.target as HTMLInputElement).value));
  }

  private onTranscriptScroll(): void {
    if (performance.now() > this.autoScrollUntil) this.userScrolledAt = performance.now();
  }

  private onTranscriptTouch(): void {
    this.userScrolledAt = performance.now();
  }

  // Public methods

  /** Plays the recording (guided mode). Call it from a click or key handler: browsers need a gesture. */
  play(): Promise<void> {
    return this.audio.engine?.play() ?? Promise.resolve();
  }

  /** Pauses the recording; the place is remembered. */
  pause(): void {
    this.audio.engine?.pause();
  }

  /** Moves to `seconds` from the start of the recording. */
  seek(seconds: number): void {
    this.seekTo(seconds);
  }

  // Internals: the track

  private get t(): PlayerStrings {
    return { ...EN_STRINGS, ...this.strings };
  }

  private get displayTitle(): string {
    const own = this.trackTitle || this.title;
    if (own) return own;
    if (this.trackState.status === 'ready') return this.trackState.track.title;
    return this.t.modeTitle[this.mode] ?? this.t.modeTitle.guided;
  }

  private resolveTrack(program: CompassionProgram | undefined): TrackState {
    const t = this.t;
    const programState = this.programCtl.value;
    if (this.meditationId) {
      if (programState.status === 'loading') return { status: 'loading' };
      if (programState.status === 'error') return { status: 'error', message: t.programFailed(programState.error.message), retryProgram: !!this.src };
      const content = program!.content;
      const m = content.meditation(this.meditationId);
      if (!m) return { status: 'error', message: t.meditationMissing(this.meditationId, content.program.meditations.map((x) => x.id)), retryProgram: false };
      const sources = m.audio.flatMap((a) => {
        const url = content.resolveUrl(a.src);
        return url ? [{ src: url, type: a.type }] : [];
      });
      const transcriptUrl = m.transcript?.src ? content.resolveUrl(m.transcript.src) : undefined;
      return {
        status: 'ready',
        track: {
          key: `${content.id}|${m.id}|${sources.map((s) => s.src).join(' ')}`,
          title: this.trackTitle || this.title || m.title,
          ...(m.description ? { description: m.description } : {}),
          meditationId: m.id,
          placeKey: m.id,
          sources,
          ...(transcriptUrl ? { transcriptUrl } : {}),
          ...(m.transcript?.cues?.length ? { inlineCues: m.transcript.cues } : {}),
          chapters: m.chapters ?? [],
          duration: m.duration,
        },
      };
    }
    if (this.audioSrc) {
      const src = resolveContentUrl(this.audioSrc);
      const transcriptUrl = this.transcriptSrc ? resolveContentUrl(this.transcriptSrc) : undefined;
      return {
        status: 'ready',
        track: {
          key: `audio|${src ?? this.audioSrc}`,
          title: this.trackTitle || this.title || t.modeTitle.guided,
          placeKey: `audio:${src ?? this.audioSrc}`,
          // A refused URL leaves no source; the engine then says so plainly.
          sources: src ? [{ src }] : [],
          ...(transcriptUrl ? { transcriptUrl } : {}),
          chapters: [],
        },
      };
    }
    if (programState.status === 'loading' && this.src) return { status: 'loading' };
    return { status: 'error', message: t.nothingToPlay, retryProgram: false };
  }

  private useTrack(track: Track, program: CompassionProgram | undefined): void {
    if (this.audio.key !== track.key) {
      if (this.audio.engine) void this.endListening(false, false);
      const artist = program?.content.program.clinic?.name;
      this.audio.use(track.key, {
        title: track.title,
        sources: track.sources,
        ...(artist ? { artist } : {}),
        ...(program ? { album: program.content.program.title } : {}),
        ...(track.duration ? { duration: track.duration } : {}),
      });
      this.resumeAt = null;
      this.resumeCheckedFor = undefined;
      this.scrolledCue = -1;
    }
    // Inline cues from the program win over a transcript file.
    if (track.inlineCues) {
      if (this.transcript.status !== 'ready' || this.transcript.cues !== track.inlineCues) this.transcript = { status: 'ready', cues: track.inlineCues };
    } else if (track.transcriptUrl) {
      const t = this.transcript;
      if (t.status === 'none' || (t.status !== 'ready' ? t.url : t.url ?? '') !== track.transcriptUrl) void this.fetchTranscript(track.transcriptUrl);
    } else if (this.transcript.status !== 'none') {
      this.transcript = { status: 'none' };
    }
    if (program) void this.offerResume(program, track);
  }

  private async fetchTranscript(url: string): Promise<void> {
    this.transcript = { status: 'loading', url };
    try {
      const cues = await loadTranscript(url);
      if (this.transcript.status === 'loading' && this.transcript.url === url) this.transcript = { status: 'ready', url, cues };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.transcript.status === 'loading' && this.transcript.url === url) this.transcript = { status: 'error', url, message };
    }
  }

  private async offerResume(program: CompassionProgram, track: Track): Promise<void> {
    const key = `${program.id}|${track.placeKey}`;
    if (this.resumeCheckedFor === key) return;
    this.resumeCheckedFor = key;
    try {
      const place = await program.playback.get(track.placeKey);
      const engine = this.audio.engine;
      if (!place || !engine || this.resumeCheckedFor !== key) return;
      const s = engine.snapshot;
      const duration = place.duration || s.duration;
      const fresh = (s.status === 'idle' || s.status === 'ready') && s.position === 0;
      // Near the start or the end there is nothing worth resuming; short recordings get a smaller margin.
      const margin = duration > 0 ? Math.min(RESUME_MARGIN, duration / 10) : RESUME_MARGIN;
      if (fresh && place.position >= margin && (!(duration > 0) || place.position < duration - margin)) this.resumeAt = place.position;
    } catch (error) {
      program.reportError(error, 'playback');
    }
  }

  private seekTo(seconds: number): void {
    const engine = this.audio.engine;
    if (!engine) return;
    if (this.resumeAt !== null) this.resumeAt = null;
    engine.seek(seconds);
    const s = engine.snapshot;
    if (s.status !== 'playing') this.savePlace(s.position);
  }

  private savePlace(position: number): void {
    const program = this.programCtl.program;
    const track = this.trackState.status === 'ready' ? this.trackState.track : undefined;
    if (!program || !track) return;
    this.lastPlaceSave = this.now();
    const duration = this.audio.snapshot?.duration ?? 0;
    program.playback.save(track.placeKey, position, duration).catch((error: unknown) => program.reportError(error, 'playback'));
  }

  private forgetPlace(): void {
    const program = this.programCtl.program;
    const track = this.trackState.status === 'ready' ? this.trackState.track : undefined;
    if (!program || !track) return;
    program.playback.clear(track.placeKey).catch((error: unknown) => program.reportError(error, 'playback'));
  }

  // Internals: sessions and the practice log

  /** Closes the guided session: logs it when it counts and, after a real ending, offers the check-in. */
  private async endListening(finished: boolean, showSummary: boolean): Promise<void> {
    const tracker = this.tracker;
    tracker.update(false);
    const seconds = tracker.seconds;
    const startedAt = tracker.startedAt;
    tracker.reset();
    if (startedAt === null) return;
    const duration = this.audio.snapshot?.duration ?? 0;
    const meditationId = this.trackState.status === 'ready' ? this.trackState.track.meditationId : undefined;
    const logged = shouldLogPractice(seconds, { finished, trackDuration: duration })
      ? await this.logPractice('guided', startedAt, this.now(), seconds, meditationId)
      : undefined;
    if (showSummary) this.openSummary({ mode: 'guided', seconds, finished, ...(logged !== undefined ? { loggedMinutes: logged } : {}) });
  }

  /** Adds a session to the log and tells the page. Resolves the whole minutes logged, or undefined. */
  private async logPractice(mode: PracticeMode, startedAt: number, endedAt: number, seconds: number, meditationId?: string): Promise<number | undefined> {
    const program = this.programCtl.program;
    if (!program) return undefined;
    try {
      const session = await program.practice.log({ mode, startedAt, endedAt, seconds, ...(meditationId ? { meditationId } : {}) });
      const minutes = Math.max(1, Math.round(session.seconds / 60));
      this.logProblem = null;
      this.dispatchEvent(new PracticeLoggedEvent({ programId: program.id, sessionId: session.id, mode, minutes, ...(meditationId ? { meditationId } : {}) }));
      return minutes;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logProblem = this.t.logFailed(message);
      program.reportError(error, 'practice');
      this.dispatchEvent(new CompassionErrorEvent({ code: (error as { code?: string }).code ?? 'unknown', message, source: 'practice' }));
      return undefined;
    }
  }

  private openSummary(summary: Summary): void {
    this.summary = summary;
    const canCheckIn = !this.noCheckIn && !!this.programCtl.program && (summary.loggedMinutes !== undefined || summary.finished);
    // The entry's id is chosen now, so a note typed while the first save runs already has its copy.
    this.checkIn = canCheckIn ? { status: 'open', note: '', entryId: crypto.randomUUID() } : null;
    const t = this.t;
    const parts = [
      summary.mode === 'guided' ? (summary.finished ? t.ended : '') : summary.mode === 'timer' ? (summary.finished ? t.timeUp : t.endedEarly) : '',
      summary.loggedMinutes !== undefined ? t.logged(summary.loggedMinutes) : '',
      canCheckIn ? this.checkInLabels().title : '',
    ];
    this.announcement = parts.filter(Boolean).join(' ');
  }

  /** Leaving the page or the element: remember the place, stop sound, and close sessions (unless the page may come back). */
  private leave(mayReturn: boolean): void {
    const s = this.audio.snapshot;
    if (s && (s.status === 'playing' || s.status === 'paused')) this.savePlace(s.position);
    this.audio.engine?.pause();
    if (mayReturn) return;
    void this.endListening(false, false);
    this.stopTimer(false);
    this.stopBreathing(false);
  }

  private leaveMode(previous: PlayerMode): void {
    if (previous === 'guided') {
      this.audio.engine?.pause();
      void this.endListening(false, false);
    }
    if (previous === 'timer') this.stopTimer(false);
    if (previous === 'breathing') this.stopBreathing(false);
    this.summary = null;
    this.checkIn = null;
  }

  // Internals: timer

  private startTimer(): void {
    this.timer?.dispose();
    this.summary = null;
    this.checkIn = null;
    this.bellProblem = null;
    const timer = new PracticeTimer({
      minutes: clampMinutes(this.minutes),
      intervalMinutes: this.intervalMinutes,
      now: () => this.now(),
      onBell: (kind) => this.ringBell(kind),
      onFinish: (s) => void this.onTimerFinish(s),
    });
    timer.subscribe(() => this.requestUpdate());
    this.timer = timer;
    claimPlayback(this.owner);
    timer.start();
  }

  private stopTimer(showSummary: boolean): void {
    const timer = this.timer;
    if (!timer) return;
    const status = timer.snapshot.status;
    if (status === 'running' || status === 'paused') {
      if (!showSummary) this.quietFinish = true;
      timer.stop();
      this.quietFinish = false;
    }
    timer.dispose();
    releasePlayback(this.owner);
  }

  private async onTimerFinish(s: TimerSnapshot): Promise<void> {
    releasePlayback(this.owner);
    const quiet = this.quietFinish;
    const logged = shouldLogPractice(s.elapsed) && s.startedAt !== null ? await this.logPractice('timer', s.startedAt, s.endedAt ?? this.now(), s.elapsed) : undefined;
    if (!quiet) this.openSummary({ mode: 'timer', seconds: s.elapsed, finished: !s.endedEarly, ...(logged !== undefined ? { loggedMinutes: logged } : {}) });
  }

  private bellSources(): AudioSourceInput[] {
    if (this.bellSrc) {
      const url = resolveContentUrl(this.bellSrc);
      return url ? [{ src: url }] : [];
    }
    const content = this.programCtl.program?.content;
    if (!content?.url) return [];
    return (['ogg', 'mp3'] as const).flatMap((ext) => {
      const url = content.resolveUrl(`audio/bell.${ext}`);
      return url ? [{ src: url, type: ext === 'ogg' ? 'audio/ogg' : 'audio/mpeg' }] : [];
    });
  }

  private ringBell(_kind: BellKind): void {
    const sources = this.bellSources();
    if (!sources.length) return;
    const key = sources.map((s) => s.src).join(' ');
    if (!this.bell || this.bellKey !== key) {
      this.bell?.unload();
      // A bell is a short effect: it neither pauses other tracks nor takes the lock screen.
      this.bell = new AudioEngine({ title: 'Bell', sources }, { exclusive: false, mediaSession: false });
      this.bellKey = key;
    }
    const bell = this.bell;
    bell.seek(0);
    void bell.play().then(() => {
      const s = bell.snapshot;
      if (s.status === 'error' && s.error) this.bellProblem = this.t.bellFailed(s.error.message);
      else if (s.blocked) this.bellProblem = this.t.bellFailed(this.t.blocked);
    });
  }

  // Internals: breathing

  private startBreathing(): void {
    this.pacer?.dispose();
    this.summary = null;
    this.checkIn = null;
    const pacer = new BreathingPacer(breathPattern(this.breatheIn, this.breatheOut), { now: () => this.now() });
    pacer.subscribe(() => this.requestUpdate());
    this.pacer = pacer;
    claimPlayback(this.owner);
    pacer.start();
  }

  private stopBreathing(showSummary: boolean): void {
    const pacer = this.pacer;
    if (!pacer || pacer.snapshot.status !== 'running') return;
    const s = pacer.stop();
    pacer.dispose();
    releasePlayback(this.owner);
    void (async () => {
      const logged = shouldLogPractice(s.elapsed) && s.startedAt !== null ? await this.logPractice('breathing', s.startedAt, s.endedAt ?? this.now(), s.elapsed) : undefined;
      if (showSummary && logged !== undefined) this.openSummary({ mode: 'breathing', seconds: s.elapsed, finished: true, loggedMinutes: logged });
    })();
  }

  private syncBreathAnimation(): void {
    const shape = this.renderRoot.querySelector('.shape');
    const pacer = this.pacer;
    const want = this.mode === 'breathing' && pacer?.snapshot.status === 'running' && !this.reducedMotion && shape;
    if (!want || !pacer) {
      this.breathAnimation?.cancel();
      this.breathAnimation = undefined;
      this.breathAnimationTarget = undefined;
      return;
    }
    if (this.breathAnimation && this.breathAnimationTarget === shape) return;
    this.breathAnimation?.cancel();
    const { inhale, exhale } = pacer.pattern;
    const cycle = (inhale + exhale) * 1000;
    this.breathAnimation = shape.animate(
      [
        { transform: 'scale(0.55)', easing: 'ease-in-out' },
        { transform: 'scale(1)', offset: inhale / (inhale + exhale), easing: 'ease-in-out' },
        { transform: 'scale(0.55)' },
      ],
      { duration: cycle, iterations: Infinity },
    );
    // Keep the circle in step with the words, which follow the pacer's clock.
    this.breathAnimation.currentTime = Math.max(0, this.now() - (pacer.snapshot.startedAt ?? this.now())) % cycle;
    this.breathAnimationTarget = shape;
  }

  // Internals: transcript

  private get currentCue(): number {
    if (this.transcript.status !== 'ready') return -1;
    return cueIndexAt(this.transcript.cues, this.audio.snapshot?.position ?? 0);
  }

  private followTranscript(): void {
    const index = this.currentCue;
    if (index === this.scrolledCue || !this.transcriptOpen) return;
    this.scrolledCue = index;
    const s = this.audio.snapshot;
    if (index < 0 || !s || s.status === 'idle') return;
    if (performance.now() - this.userScrolledAt < MANUAL_SCROLL_MS) return;
    const list = this.renderRoot.querySelector<HTMLElement>('.cues');
    const cue = list?.querySelector<HTMLElement>(`[data-cue="${index}"]`);
    if (!list || !cue) return;
    const top = cue.offsetTop;
    const bottom = top + cue.offsetHeight;
    if (top >= list.scrollTop && bottom <= list.scrollTop + list.clientHeight) return;
    // Scroll only the panel, never the page, and keep a little of the previous cue in view.
    this.autoScrollUntil = performance.now() + 800;
    list.scrollTo({ top: Math.max(0, top - list.clientHeight / 4), behavior: this.reducedMotion ? 'auto' : 'smooth' });
  }

  // Internals: check-in

  private checkInLabels(): { title: string; choices: readonly string[]; choiceId: string; multiple: boolean; noteId: string; noteLabel: string; hint: string } {
    const t = this.t;
    const template = this.programCtl.program?.content.template(CHECK_IN_TEMPLATE_ID);
    const choice = template?.fields.find((f): f is ChoiceField => f.type === 'choice' || f.type === 'emotions');
    const note = template?.fields.find((f: TemplateField) => f.type === 'longtext' || f.type === 'text');
    return {
      title: choice?.label ?? t.checkInTitle,
      choices: choice?.options.length ? choice.options : t.checkInChoices,
      choiceId: choice?.id ?? 'feeling',
      multiple: choice?.type === 'emotions',
      noteId: note?.id ?? 'note',
      noteLabel: note ? `${note.label}${note.required ? '' : ' (optional)'}` : t.noteLabel,
      hint: t.checkInHint,
    };
  }

  /** The journal entry a check-in is saved as. */
  private checkInEntry(current: CheckIn, picked: string | undefined, note: string): EntryDraft {
    const labels = this.checkInLabels();
    const fields: Record<string, FieldValue> = {};
    if (picked !== undefined) fields[labels.choiceId] = labels.multiple ? [picked] : picked;
    fields[labels.noteId] = note;
    const practice = this.summary?.mode === 'guided' ? this.displayTitle : this.t.modeTitle[this.summary?.mode ?? this.mode];
    return {
      ...(current.entryId ? { id: current.entryId } : {}),
      templateId: CHECK_IN_TEMPLATE_ID,
      title: this.t.checkInEntryTitle(practice),
      fields,
      tags: ['practice', this.summary?.mode ?? this.mode],
    };
  }

  private onCheckInNote(c: CheckIn, note: string): void {
    const program = this.programCtl.program;
    let copy = c.copy;
    // D2: a write-ahead copy of the note, so a tab closed before "Save note" loses nothing.
    if (program && c.entryId) {
      const entry = { ...this.checkInEntry(c, c.choice, note), id: c.entryId };
      copy = program.drafts.keep('entry', c.entryId, {
        entry,
        ...(c.revision !== undefined ? { base: c.revision } : {}),
        // Typed while a save runs: if the page dies after it commits, that revision is this page's own.
        ...(c.status === 'saving' ? { saving: (c.revision ?? 0) + 1 } : {}),
      });
    }
    this.checkIn = { ...c, note, noteSaved: false, ...(copy !== undefined ? { copy } : {}) };
  }

  private closeCheckIn(): void {
    const c = this.checkIn;
    // "Not now" is the participant's choice: an unsaved note is let go with the check-in.
    if (c?.entryId && c.copy !== undefined) this.programCtl.program?.drafts.discard('entry', c.entryId);
    this.checkIn = null;
  }

  /** "Saved" only when it is (D1); memory-only mode says how long the words are kept. */
  private checkInSavedText(note: boolean): string {
    const t = this.t;
    if (this.programCtl.program?.storage.mode === 'memory') return note ? t.noteKept : t.checkInKept;
    return note ? t.noteSaved : t.checkInSaved;
  }

  private async saveCheckIn(choice: string | undefined, note: string): Promise<void> {
    const program = this.programCtl.program;
    const current = this.checkIn;
    if (!program || !current) return;
    const picked = choice ?? current.choice;
    this.checkIn = { ...current, status: 'saving', ...(picked !== undefined ? { choice: picked } : {}), note };
    try {
      if (current.entryId && current.copy !== undefined) program.drafts.mark('entry', current.entryId, { saving: (current.revision ?? 0) + 1 });
      const entry = await program.journal.save(this.checkInEntry(current, picked, note), current.revision !== undefined ? { expectedRevision: current.revision } : {});
      if (current.entryId && current.copy !== undefined) program.drafts.settle('entry', current.entryId, current.copy);
      const noteSaved = choice === undefined && note.trim() !== '';
      // Words typed while this save ran stay on screen (and in their copy) for the next save.
      const typed = this.checkIn?.note ?? note;
      const later = typed !== note ? { copy: this.checkIn?.copy } : {};
      this.checkIn = { status: 'saved', note: typed, entryId: entry.id, revision: entry.revision, noteSaved: noteSaved && typed === note, ...later, ...(picked !== undefined ? { choice: picked } : {}) };
      // Their copy now builds on the revision just stored.
      if (typed !== note) this.onCheckInNote(this.checkIn, typed);
      this.announcement = this.checkInSavedText(noteSaved);
      this.dispatchEvent(new EntrySavedEvent({ programId: program.id, entryId: entry.id, templateId: entry.templateId, revision: entry.revision, created: entry.revision === 1 }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.checkIn = { ...current, status: 'error', note, error: this.t.checkInFailed(message), ...(picked !== undefined ? { choice: picked } : {}) };
    }
  }

  // Rendering

  protected override render(): TemplateResult {
    const program = this.programCtl.program;
    const description = this.trackState.status === 'ready' ? this.trackState.track.description : undefined;
    return html`<article part="base" class="player" aria-labelledby="title">
        <header part="header" class="header">
          <div class="heading">
            ${staticHtml`<${this.headingTag(2)} id="title" part="title" class="title">${this.displayTitle}</${this.headingTag(2)}>`}
            ${description ? html`<p part="description" class="description">${description}</p>` : nothing}
          </div>
          ${this.embedded ? nothing : this.support.renderButton()}
        </header>
        ${this.renderStatus()}
        ${this.mode === 'timer' ? this.renderTimer() : this.mode === 'breathing' ? this.renderBreathing() : this.renderGuided()}
        ${this.renderSummary()} ${this.renderStats(program)}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </article>
      ${this.embedded ? nothing : this.support.renderDialog(program?.content.support, program?.content.url)}`;
  }

  /** The tag for a heading of `level` in the player's outline; embedded, under a course step's h4, three levels deeper. */
  private headingTag(level: 2 | 3): StaticValue {
    if (this.embedded) return level === 2 ? literal`h5` : literal`h6`;
    return level === 2 ? literal`h2` : literal`h3`;
  }

  /** A landmark alone; embedded, a labelled group, so that a page of several widgets has no look-alike landmarks. */
  private regionTag(standalone: StaticValue): StaticValue {
    return this.embedded ? literal`div` : standalone;
  }

  private renderStatus(): TemplateResult | typeof nothing {
    const t = this.t;
    const notes: TemplateResult[] = [];
    if (!this.online) notes.push(html`<p class="notice" part="status">${t.offline}</p>`);
    const programState = this.programCtl.value;
    const playsWithoutProgram = this.mode !== 'guided' || !this.meditationId;
    // The timer, the pacer and an audio-src work without the program; say plainly that nothing will be saved.
    if (playsWithoutProgram && programState.status === 'error' && this.src) notes.push(html`<p class="notice" part="status">${t.notSaving}</p>`);
    if (this.logProblem) notes.push(html`<p class="error" part="status" role="alert">${this.logProblem}</p>`);
    return notes.length ? html`${notes}` : nothing;
  }

  private renderGuided(): TemplateResult {
    const t = this.t;
    const state = this.trackState;
    if (state.status === 'loading') return html`<p class="loading" part="status" role="status">${t.loadingProgram}</p>`;
    if (state.status === 'error' || state.status === 'none') {
      const message = state.status === 'error' ? state.message : t.nothingToPlay;
      const retry = state.status === 'error' && state.retryProgram;
      return html`<div class="error" part="error" role="alert">
        <p>${message}</p>
        ${retry ? html`<button type="button" class="button" part="retry-button" @click=${() => this.retryProgram()}>${t.retry}</button>` : nothing}
      </div>`;
    }
    const s = this.audio.snapshot;
    if (!s) return html``;
    const track = state.track;
    const position = this.scrub ?? s.position;
    const duration = s.duration;
    const playing = s.status === 'playing';
    const starting = s.status === 'loading';
    return html`
      ${this.resumeAt !== null ? this.renderResume(this.resumeAt) : nothing}
      ${s.status === 'error' && s.error ? this.renderAudioError(s.error) : nothing}
      ${s.blocked ? html`<p class="notice" part="status" role="alert">${t.blocked}</p>` : nothing}
      ${starting ? html`<p class="loading" part="status" role="status">${s.slow ? t.slowAudio : t.loadingAudio}</p>` : nothing}
      <div class="transport">
        <div part="controls" class="controls">
          <button type="button" class="button skip" part="back-button" @click=${() => this.skip(-SKIP_SECONDS)} ?disabled=${s.status === 'error'}>
            <span aria-hidden="true" dir="auto">↺ ${t.back15Short}</span><span class="visually-hidden">${t.back15}</span>
          </button>
          <button
            type="button"
            class="button primary play"
            part="play-button"
            @pointerdown=${() => this.audio.engine?.prepare()}
            @click=${() => this.onPlay()}
            ?disabled=${s.status === 'error'}
          >
            <span class="icon" aria-hidden="true">${playing || starting ? '❚❚' : '▶'}</span>${playing || starting ? t.pause : t.play}
          </button>
          <button type="button" class="button skip" part="forward-button" @click=${() => this.skip(SKIP_SECONDS)} ?disabled=${s.status === 'error'}>
            <span aria-hidden="true" dir="auto">${t.forward15Short} ↻</span><span class="visually-hidden">${t.forward15}</span>
          </button>
        </div>
        <div class="seek">
          <input
            type="range"
            part="seek"
            class="slider"
            aria-label=${t.position}
            min="0"
            max=${Math.max(0, Math.floor(duration)) || 0}
            step="1"
            .value=${live(String(Math.floor(position)))}
            aria-valuetext=${positionText(position, duration)}
            ?disabled=${!(duration > 0)}
            @keydown=${this.onSeekKey}
            @input=${this.onSeekInput}
            @change=${this.onSeekChange}
          />
          <p class="time" part="time">
            <span class="visually-hidden">${t.elapsedOfTotal(formatClock(position), formatClock(duration))}</span>
            <span aria-hidden="true">${formatClock(position)} / ${duration > 0 ? formatClock(duration) : '–:––'}</span>
          </p>
        </div>
        ${this.renderSettings(s)}
        ${s.status === 'paused' && this.tracker.seconds >= 60 ? html`<button type="button" class="button quiet finish" @click=${() => void this.endListening(false, true)}>${t.finishForNow}</button>` : nothing}
      </div>
      ${track.chapters.length ? this.renderChapters(track.chapters, position) : nothing}
      ${this.renderTranscript()}
    `;
  }

  private skip(delta: number): void {
    const s = this.audio.snapshot;
    if (!s) return;
    this.seekTo(s.position + delta);
  }

  private retryProgram(): void {
    this.programCtl.retry();
  }

  private renderResume(at: number): TemplateResult {
    const t = this.t;
    const time = formatClock(at);
    return html`<div class="resume" part="resume" role="group" aria-labelledby="resume-prompt">
      <p id="resume-prompt">${t.resumePrompt(time)}</p>
      <div class="actions">
        <button type="button" class="button primary" part="resume-button" @click=${() => this.onResume()}>${t.resumeFrom(time)}</button>
        <button type="button" class="button" part="start-over-button" @click=${() => this.onStartOver()}>${t.startOver}</button>
      </div>
    </div>`;
  }

  private renderAudioError(error: AudioError): TemplateResult {
    const t = this.t;
    return html`<div class="error" part="error" role="alert" data-code=${error.code}>
      <p><strong>${t.audioFailed}</strong> ${error.message}</p>
      ${error.retryable ? html`<button type="button" class="button" part="retry-button" @click=${() => void this.audio.engine?.retry()}>${t.retry}</button>` : nothing}
    </div>`;
  }

  private renderSettings(s: AudioSnapshot): TemplateResult {
    const t = this.t;
    const volume = Math.round(s.volume * 100);
    return html`<div class="settings" part="settings">
      <label class="field">
        <span>${t.speed}</span>
        <select @change=${(e: Event) => this.audio.engine?.setRate(Number((e.target as HTMLSelectElement).value))}>
          ${PLAYER_RATES.map((r) => html`<option value=${r} ?selected=${r === s.rate}>${t.speedOption(r)}</option>`)}
        </select>
      </label>
      <label class="field volume">
        <span>${t.volume}</span>
        <input
          type="range"
          class="slider"
          min="0"
          max="100"
          step="5"
          .value=${live(String(volume))}
          aria-valuetext=${t.volumeText(volume)}
          @input=${(e: Event) => this.audio.engine?.setVolume(Number((e.target as HTMLInputElement).value) / 100)}
        />
      </label>
      <button type="button" class="button mute" aria-pressed=${s.muted ? 'true' : 'false'} @click=${() => this.audio.engine?.setMuted(!s.muted)}>
        ${t.mute}
      </button>
    </div>`;
  }

  private renderChapters(chapters: readonly Chapter[], position: number): TemplateResult {
    const t = this.t;
    const current = cueIndexAt(chapters.map((c) => ({ start: c.start, end: c.start, text: c.title })), position);
    const tag = this.regionTag(literal`nav`);
    return staticHtml`<${tag} class="chapters" part="chapters" role=${ifDefined(this.embedded ? 'group' : undefined)} aria-label=${t.chapters}>
      <${this.headingTag(3)} class="subheading">${t.chapters}</${this.headingTag(3)}>
      <ol>
        ${chapters.map(
          (c, i) => html`<li>
            <button type="button" class="chapter" aria-current=${i === current ? 'true' : 'false'} @click=${() => this.seekTo(c.start)}>
              <span class="chapter-time">${formatClock(c.start)}</span> <span>${c.title}</span>
            </button>
          </li>`,
        )}
      </ol>
    </${tag}>`;
  }

  private renderTranscript(): TemplateResult | typeof nothing {
    const t = this.t;
    const tr = this.transcript;
    if (tr.status === 'none') return nothing;
    const open = this.transcriptOpen;
    let body: TemplateResult;
    if (tr.status === 'loading') body = html`<p class="loading" role="status">${t.transcriptLoading}</p>`;
    else if (tr.status === 'error') {
      body = html`<div class="error" role="alert">
        <p><strong>${t.transcriptFailed}</strong> ${tr.message}</p>
        <button type="button" class="button" part="retry-button" @click=${() => void this.fetchTranscript(tr.url)}>${t.retry}</button>
      </div>`;
    } else if (!tr.cues.length) body = html`<p>${t.transcriptEmpty}</p>`;
    else {
      const current = this.currentCue;
      body = html`<ol class="cues" part="transcript-list" @scroll=${this.onTranscriptScroll} @wheel=${this.onTranscriptTouch} @touchmove=${this.onTranscriptTouch}>
        ${tr.cues.map(
          (cue, i) => html`<li>
            <button type="button" class=${classMap({ cue: true, current: i === current })} part="cue" data-cue=${i} aria-current=${i === current ? 'true' : 'false'} @click=${() => this.seekTo(cue.start)}>
              <span class="cue-time"><span class="visually-hidden">${t.cueAt(formatClock(cue.start))}</span><span aria-hidden="true">${formatClock(cue.start)}</span></span>
              <span class="cue-text" dir="auto">${cue.text}</span>
            </button>
          </li>`,
        )}
      </ol>`;
    }
    const tag = this.regionTag(literal`section`);
    return staticHtml`<${tag} class="transcript" part="transcript" role=${ifDefined(this.embedded ? 'group' : undefined)} aria-labelledby="transcript-title">
      <div class="transcript-head">
        <${this.headingTag(3)} id="transcript-title" class="subheading">${t.transcript}</${this.headingTag(3)}>
        <button type="button" class="button quiet" aria-expanded=${open ? 'true' : 'false'} aria-controls="transcript-body" @click=${() => {
          this.transcriptOpen = !open;
          this.scrolledCue = -1;
        }}>
          ${open ? t.hideTranscript : t.showTranscript}
        </button>
      </div>
      <div id="transcript-body" ?hidden=${!open}>${body}</div>
    </${tag}>`;
  }

  private renderTimer(): TemplateResult {
    const t = this.t;
    const s = this.timer?.snapshot;
    const running = s?.status === 'running' || s?.status === 'paused';
    const sources = this.bellSources();
    if (!running) {
      return html`<div class="timer" part="timer">
        <div class="timer-form">
          <label class="field">
            <span>${t.timerLength} <span class="unit">(${t.minutesUnit})</span></span>
            <input
              type="number"
              min="1"
              max="60"
              step="1"
              inputmode="numeric"
              .value=${live(String(clampMinutes(this.minutes)))}
              @change=${(e: Event) => (this.minutes = clampMinutes(Number((e.target as HTMLInputElement).value)))}
            />
          </label>
          <label class="field">
            <span>${t.intervalBell}</span>
            <select @change=${(e: Event) => (this.intervalMinutes = Number((e.target as HTMLSelectElement).value))}>
              ${INTERVAL_CHOICES.filter((m) => m < clampMinutes(this.minutes)).map(
                (m) => html`<option value=${m} ?selected=${m === this.intervalMinutes}>${m === 0 ? t.intervalNone : t.intervalEvery(m)}</option>`,
              )}
            </select>
          </label>
        </div>
        <button type="button" class="button primary" @pointerdown=${() => this.prepareBell()} @click=${() => this.startTimer()}>${s?.status === 'finished' ? t.startAgain : t.start}</button>
        ${sources.length ? nothing : html`<p class="hint">${t.noBell}</p>`}
        ${this.bellProblem ? html`<p class="notice" part="status">${this.bellProblem}</p>` : nothing}
      </div>`;
    }
    return html`<div class="timer" part="timer">
      <p class="clock" part="timer-display" role="timer" aria-labelledby="timer-label">
        <span id="timer-label" class="visually-hidden">${t.timeRemaining}</span>${formatClock(Math.ceil(s.remaining))}
      </p>
      ${s.status === 'paused' ? html`<p class="hint">${t.timerPaused}</p>` : nothing}
      <div class="actions">
        ${s.status === 'running'
          ? html`<button type="button" class="button" @click=${() => this.timer?.pause()}>${t.pause}</button>`
          : html`<button type="button" class="button primary" @click=${() => this.timer?.resume()}>${t.resume}</button>`}
        <button type="button" class="button" @click=${() => this.stopTimer(true)}>${t.end}</button>
      </div>
      ${this.bellProblem ? html`<p class="notice" part="status">${this.bellProblem}</p>` : nothing}
    </div>`;
  }

  private prepareBell(): void {
    if (this.bellSources().length) void loadHowler().catch(() => undefined);
  }

  private renderBreathing(): TemplateResult {
    const t = this.t;
    const pattern = breathPattern(this.breatheIn, this.breatheOut);
    const s = this.pacer?.snapshot;
    const running = s?.status === 'running';
    const cue = running ? (s.phase === 'in' ? t.breatheIn : t.breatheOut) : this.reducedMotion ? t.breathingReadyReduced : t.breathingReady;
    return html`<div class=${classMap({ pacer: true, still: this.reducedMotion, running })} part="pacer" data-phase=${running ? s.phase : 'ready'}>
        <div class="stage">
          <div class="shape" part="breathing-shape" aria-hidden="true"></div>
        </div>
        <p class=${classMap({ 'breath-cue': true, big: running })} part="breathing-cue">${cue}</p>
        <p class="hint">${t.breathingPace(pattern.inhale, pattern.exhale, breathsPerMinute(pattern))}</p>
        <div class="actions">
          ${running
            ? html`<button type="button" class="button" @click=${() => this.stopBreathing(true)}>${t.stop}</button>`
            : html`<button type="button" class="button primary" @click=${() => this.startBreathing()}>${t.start}</button>`}
        </div>
      </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const summary = this.summary;
    if (!summary) return nothing;
    const t = this.t;
    const lead =
      summary.mode === 'guided' ? (summary.finished ? t.ended : '') : summary.mode === 'timer' ? `${summary.finished ? t.timeUp : t.endedEarly} ${t.practised(summary.seconds)}` : t.practised(summary.seconds);
    const tag = this.regionTag(literal`section`);
    return staticHtml`<${tag} class="summary" part="summary" role=${ifDefined(this.embedded ? 'group' : undefined)} aria-label=${t.modeTitle[summary.mode]}>
      ${lead ? html`<p>${lead}</p>` : nothing}
      ${summary.loggedMinutes !== undefined ? html`<p class="logged">${t.logged(summary.loggedMinutes)}</p>` : nothing}
      ${this.renderCheckIn()}
    </${tag}>`;
  }

  private renderCheckIn(): TemplateResult | typeof nothing {
    const c = this.checkIn;
    if (!c) return nothing;
    const t = this.t;
    const labels = this.checkInLabels();
    const busy = c.status === 'saving';
    return html`<div class="check-in" part="check-in">
      ${staticHtml`<${this.headingTag(3)} id="check-in-title" class="subheading">${labels.title}</${this.headingTag(3)}>`}
      <p class="hint" id="check-in-hint">${labels.hint}</p>
      <div class="choices" role="group" aria-labelledby="check-in-title" aria-describedby="check-in-hint">
        ${labels.choices.map(
          (choice) => html`<button type="button" class="button choice" aria-pressed=${c.choice === choice ? 'true' : 'false'} ?disabled=${busy} @click=${() => void this.saveCheckIn(choice, c.note)}>
            ${choice}
          </button>`,
        )}
      </div>
      ${c.choice !== undefined
        ? html`<label class="field note">
              <span>${labels.noteLabel}</span>
              <textarea rows="3" .value=${live(c.note)} @input=${(e: Event) => this.onCheckInNote(c, (e.target as HTMLTextAreaElement).value)}></textarea>
            </label>
            <div class="actions">
              <button type="button" class="button" ?disabled=${busy || !c.note.trim()} @click=${() => void this.saveCheckIn(undefined, c.note)}>${t.saveNote}</button>
            </div>`
        : nothing}
      ${c.status === 'saving' ? html`<p class="hint">${t.saving}</p>` : nothing}
      ${c.status === 'saved' ? html`<p class="saved">${this.checkInSavedText(!!c.noteSaved)}</p>` : nothing}
      ${c.status === 'error' ? html`<p class="error" role="alert">${c.error}</p>` : nothing}
      <button type="button" class="button quiet" @click=${() => this.closeCheckIn()}>${t.notNow}</button>
    </div>`;
  }

  private renderStats(program: CompassionProgram | undefined): TemplateResult | typeof nothing {
    if (!program || !program.practice.snapshot.sessions.length) return nothing;
    const stats = program.practice.stats(new Date(this.now()));
    return html`<p class="stats" part="stats">${this.t.stats(stats.minutesThisWeek, stats.sessionsTotal)}</p>`;
  }
}
