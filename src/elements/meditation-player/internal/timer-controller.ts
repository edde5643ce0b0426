import type { ReactiveControllerHost } from 'lit';
import { BellController } from '../../../controllers/bell-controller.js';
import type { AudioSourceInput } from '../../../sdk/audio/engine.js';
import { claimPlayback, releasePlayback, type PlaybackOwner } from '../../../sdk/audio/focus.js';
import { shouldLogPractice } from '../../../sdk/audio/practice-session.js';
import { PracticeTimer, clampMinutes, type TimerSnapshot } from '../../../sdk/audio/timer.js';
import { resolveContentUrl } from '../../../sdk/content/urls.js';
import type { SessionLogController } from './session-log-controller.js';
import type { PlayerPort } from './types.js';
import { WakeLockController } from './wake-lock-controller.js';

/** The element's timer attributes; the view sets the length and the interval bell the participant picks. */
export interface TimerSettings {
  minutes: number;
  intervalMinutes: number;
  readonly bellSrc: string | null;
}

/** The silent practice timer with its bell, keeping the screen on while it runs. Loaded when the timer mode is first chosen. */
export class TimerController {
  timer: PracticeTimer | undefined;
  bellProblem: string | null = null;
  readonly wakeLock: WakeLockController;
  private readonly bell: BellController;
  /** Set while a timer is stopped because the participant left: log it, but show nothing. */
  private quietFinish = false;
  private readonly owner: PlaybackOwner = { yieldPlayback: () => undefined };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    private readonly log: SessionLogController,
    private readonly settings: TimerSettings,
  ) {
    this.bell = new BellController(host);
    this.wakeLock = new WakeLockController(host);
  }

  get snapshot(): TimerSnapshot | undefined {
    return this.timer?.snapshot;
  }

  /** The bell: `bell-src`, else `audio/bell.ogg` (or `.mp3`) next to the program file. */
  get bellSources(): AudioSourceInput[] {
    if (this.settings.bellSrc) {
      const url = resolveContentUrl(this.settings.bellSrc);
      return url ? [{ src: url }] : [];
    }
    const content = this.port.program?.content;
    if (!content?.url) return [];
    return (['ogg', 'mp3'] as const).flatMap((ext) => {
      const url = content.resolveUrl(`audio/bell.${ext}`);
      return url ? [{ src: url, type: ext === 'ogg' ? 'audio/ogg' : 'audio/mpeg' }] : [];
    });
  }

  prepareBell(): void {
    this.bell.prepare(this.bellSources);
  }

  start(): void {
    this.timer?.dispose();
    this.log.clear();
    this.bellProblem = null;
    const timer = new PracticeTimer({
      minutes: clampMinutes(this.settings.minutes),
      intervalMinutes: this.settings.intervalMinutes,
      now: () => this.port.now(),
      onBell: () => this.ring(),
      onFinish: (s) => void this.finished(s),
    });
    timer.subscribe((s) => {
      this.wakeLock.hold(s.status === 'running');
      this.host.requestUpdate();
    });
    this.timer = timer;
    claimPlayback(this.owner);
    timer.start();
  }

  /** Ends the session; with `showSummary` false (the participant left) it is logged but nothing is shown. */
  stop(showSummary: boolean): void {
    const timer = this.timer;
    if (!timer) return;
    const status = timer.snapshot.status;
    if (status === 'running' || status === 'paused') {
      if (!showSummary) this.quietFinish = true;
      timer.stop();
      this.quietFinish = false;
    }
    timer.dispose();
    this.wakeLock.hold(false);
    releasePlayback(this.owner);
  }

  pause(): void {
    this.timer?.pause();
  }

  resume(): void {
    this.timer?.resume();
  }

  tick(): void {
    this.timer?.tick();
  }

  private async finished(s: TimerSnapshot): Promise<void> {
    releasePlayback(this.owner);
    const quiet = this.quietFinish;
    const logged = shouldLogPractice(s.elapsed) && s.startedAt !== null ? await this.log.log('timer', s.startedAt, s.endedAt ?? this.port.now(), s.elapsed) : undefined;
    if (!quiet) this.log.open({ mode: 'timer', seconds: s.elapsed, finished: !s.endedEarly, ...(logged !== undefined ? { loggedMinutes: logged } : {}) });
  }

  private ring(): void {
    void this.bell.ring(this.bellSources).then((s) => {
      if (!s) return;
      const t = this.port.t;
      if (s.status === 'error' && s.error) this.bellProblem = t.bellFailed(s.error.message);
      else if (s.blocked) this.bellProblem = t.bellFailed(t.blocked);
      else return;
      this.host.requestUpdate();
    });
  }
}
