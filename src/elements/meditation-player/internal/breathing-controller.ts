import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BreathingPacer, breathPattern } from '../../../sdk/audio/breathing.js';
import { claimPlayback, releasePlayback, type PlaybackOwner } from '../../../sdk/audio/focus.js';
import { shouldLogPractice } from '../../../sdk/audio/practice-session.js';
import type { SessionLogController } from './session-log-controller.js';
import type { PlayerPort } from './types.js';

/** What the pacer reads from the element's attributes. */
export interface BreathingSettings {
  readonly breatheIn: number;
  readonly breatheOut: number;
}

/**
 * The soothing-rhythm breathing pacer and the circle that follows it (still under reduced
 * motion). Loaded when the breathing mode is first chosen.
 */
export class BreathingController implements ReactiveController {
  pacer: BreathingPacer | undefined;
  private animation: Animation | undefined;
  private animationTarget: Element | undefined;
  private readonly owner: PlaybackOwner = { yieldPlayback: () => undefined };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    private readonly log: SessionLogController,
    private readonly settings: BreathingSettings,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.syncAnimation();
  }

  hostDisconnected(): void {
    this.animation?.cancel();
    this.animation = undefined;
    this.animationTarget = undefined;
  }

  start(): void {
    this.pacer?.dispose();
    this.log.clear();
    const pacer = new BreathingPacer(breathPattern(this.settings.breatheIn, this.settings.breatheOut), { now: () => this.port.now() });
    pacer.subscribe(() => this.host.requestUpdate());
    this.pacer = pacer;
    claimPlayback(this.owner);
    pacer.start();
  }

  /** Ends the session; it is logged when it counts, and summed up only when `showSummary`. */
  stop(showSummary: boolean): void {
    const pacer = this.pacer;
    if (!pacer || pacer.snapshot.status !== 'running') return;
    const s = pacer.stop();
    pacer.dispose();
    releasePlayback(this.owner);
    void (async () => {
      const logged = shouldLogPractice(s.elapsed) && s.startedAt !== null ? await this.log.log('breathing', s.startedAt, s.endedAt ?? this.port.now(), s.elapsed) : undefined;
      if (showSummary && logged !== undefined) this.log.open({ mode: 'breathing', seconds: s.elapsed, finished: true, loggedMinutes: logged });
    })();
  }

  tick(): void {
    this.pacer?.tick();
  }

  private syncAnimation(): void {
    const shape = this.port.renderRoot.querySelector('.shape');
    const pacer = this.pacer;
    const want = this.port.mode === 'breathing' && pacer?.snapshot.status === 'running' && !this.port.reducedMotion && shape;
    if (!want || !pacer) {
      this.animation?.cancel();
      this.animation = undefined;
      this.animationTarget = undefined;
      return;
    }
    if (this.animation && this.animationTarget === shape) return;
    this.animation?.cancel();
    const { inhale, exhale } = pacer.pattern;
    const cycle = (inhale + exhale) * 1000;
    this.animation = shape.animate(
      [
        { transform: 'scale(0.55)', easing: 'ease-in-out' },
        { transform: 'scale(1)', offset: inhale / (inhale + exhale), easing: 'ease-in-out' },
        { transform: 'scale(0.55)' },
      ],
      { duration: cycle, iterations: Infinity },
    );
    // Keep the circle in step with the words, which follow the pacer's clock.
    this.animation.currentTime = Math.max(0, this.port.now() - (pacer.snapshot.startedAt ?? this.port.now())) % cycle;
    this.animationTarget = shape;
  }
}
