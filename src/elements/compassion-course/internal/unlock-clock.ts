import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WeekStatus } from '../../../sdk/content/unlock.js';

/** setTimeout's ceiling (about 24.8 days); longer waits are re-armed on the next update. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Re-renders the course when the next week opens (a quarter of a second after its opening time),
 * and when the tab becomes visible again (a laptop that slept past midnight may have opened one).
 * Does nothing while `frozen()` (a course previewing a fixed `now`). `value` is the next opening time.
 */
export class UnlockClockController implements ReactiveController {
  value: Date | undefined;
  private statuses: readonly WeekStatus[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly frozen: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostUpdated(): void {
    this.arm();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The week states the last render showed; their opening times set the clock. */
  watch(statuses: readonly WeekStatus[]): void {
    this.statuses = statuses;
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.host.requestUpdate();
  };

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.value = undefined;
    if (this.frozen() || !this.host.isConnected) return;
    const now = Date.now();
    const next = this.statuses.map((st) => st.opensAt?.getTime()).filter((t): t is number => t !== undefined && t > now);
    if (!next.length) return;
    const at = Math.min(...next);
    this.value = new Date(at);
    this.timer = setTimeout(() => this.host.requestUpdate(), Math.min(at - now + 250, MAX_TIMER_MS));
  }
}
