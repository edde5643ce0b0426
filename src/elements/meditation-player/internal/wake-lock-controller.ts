import type { ReactiveController, ReactiveControllerHost } from 'lit';

const hidden = (): boolean => document.visibilityState === 'hidden';

/**
 * Keeps the screen on while a practice runs, through the Screen Wake Lock API where the browser
 * has it, so that a participant can still see the timer (and the end) on a phone. The lock is
 * requested while the host wants it and the page is visible; released when it no longer wants it,
 * when the page is hidden (the browser drops it then anyway) and when the host leaves; requested
 * again when the page is shown while it is still wanted. A refusal (no permission, a battery
 * saver, an older browser) is not an error to show: the practice goes on without it.
 */
export class WakeLockController implements ReactiveController {
  /** The lock the browser granted, while it holds. */
  sentinel: WakeLockSentinel | undefined;
  private wanted = false;
  private requesting = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether the screen should stay on from now. */
  hold(on: boolean): void {
    if (on === this.wanted) return;
    this.wanted = on;
    if (on) void this.request();
    else this.release();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.hold(false);
  }

  private readonly onVisibility = (): void => {
    if (hidden()) this.release();
    else if (this.wanted) void this.request();
  };

  private async request(): Promise<void> {
    if (this.sentinel || this.requesting || !('wakeLock' in navigator) || hidden()) return;
    this.requesting = true;
    try {
      const sentinel = await navigator.wakeLock.request('screen');
      // The browser releases it by itself too (the page hidden, the battery low).
      sentinel.addEventListener('release', () => {
        if (this.sentinel === sentinel) this.sentinel = undefined;
      });
      this.sentinel = sentinel;
      // Paused, ended or hidden while the request was on its way.
      if (!this.wanted || hidden()) this.release();
    } catch {
      // Refused: the screen may dim, and the timer keeps time and rings its bells all the same.
    } finally {
      this.requesting = false;
    }
  }

  private release(): void {
    const sentinel = this.sentinel;
    this.sentinel = undefined;
    sentinel?.release().catch(() => undefined);
  }
}
