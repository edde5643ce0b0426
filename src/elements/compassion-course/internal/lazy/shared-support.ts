import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { enclosingProvider } from '../format.js';

/**
 * Whether the `<compassion-program>` around the course shows its one shared "Need support now?"
 * on screen right now (`value`). The provider shows that control above its elements when it holds
 * several; inside a week the step bar's own control then gives way while the shared one is in the
 * viewport, so exactly one support control is in view at any scroll position.
 */
export class SharedSupportController implements ReactiveController {
  value = false;
  private observer: IntersectionObserver | undefined;
  private watched: Element | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly shownElsewhere: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const button = this.shownElsewhere() ? (enclosingProvider(this.host)?.shadowRoot?.querySelector('[part~="support-button"]') ?? undefined) : undefined;
    if (button === this.watched) return;
    this.stop();
    this.watched = button;
    if (!button) return this.set(false);
    this.observer = new IntersectionObserver((entries) => this.set(entries[entries.length - 1]!.isIntersecting));
    this.observer.observe(button);
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.watched = undefined;
  }

  private set(value: boolean): void {
    if (value === this.value) return;
    this.value = value;
    this.host.requestUpdate();
  }
}
