import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the page says about itself, replaced (never mutated) on every change. */
export interface PageLifecycle {
  readonly online: boolean;
  readonly visible: boolean;
  readonly reducedMotion: boolean;
}

export interface PageLifecycleCallbacks {
  /** The page is going away; `persisted` when it may come back from the back/forward cache. */
  pagehide?: (persisted: boolean) => void;
  /** The tab was hidden or shown again. */
  visibilitychange?: (visible: boolean) => void;
}

const read = (): PageLifecycle => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  visible: typeof document === 'undefined' ? true : document.visibilityState !== 'hidden',
  reducedMotion: typeof matchMedia === 'undefined' ? false : matchMedia('(prefers-reduced-motion: reduce)').matches,
});

/**
 * The page around an element: `pagehide`, visibility, online/offline and reduced motion. Listens
 * while the host is connected, exposes a `value` snapshot and asks the host to update on a change.
 */
export class PageLifecycleController implements ReactiveController {
  value: PageLifecycle = read();
  private motionQuery: MediaQueryList | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: PageLifecycleCallbacks = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('online', this.onChange);
    window.addEventListener('offline', this.onChange);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');
    this.motionQuery.addEventListener('change', this.onChange);
    this.onChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('online', this.onChange);
    window.removeEventListener('offline', this.onChange);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.motionQuery?.removeEventListener('change', this.onChange);
    this.motionQuery = undefined;
  }

  private readonly onPageHide = (event: PageTransitionEvent): void => {
    this.callbacks.pagehide?.(event.persisted);
  };

  private readonly onVisibility = (): void => {
    this.onChange();
    this.callbacks.visibilitychange?.(this.value.visible);
  };

  private readonly onChange = (): void => {
    const next = read();
    const v = this.value;
    if (next.online === v.online && next.visible === v.visible && next.reducedMotion === v.reducedMotion) return;
    this.value = next;
    this.host.requestUpdate();
  };
}
