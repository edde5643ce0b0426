import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { autoloader } from '../autoloader.js';

/** What a week shows for a step's player or journal: the element, a calm loading line while its code is on the way, or a plain "not available". */
export type EmbedState = 'ready' | 'loading' | 'missing';

/** How long an element's code may take before the week says plainly that it is not available. */
export const EMBED_WAIT_MS = 8000;

/**
 * The player and journal a week embeds. The course renders inside its shadow root, which the CDN
 * autoloader's page observer cannot see: after each render that shows an element not defined yet,
 * this asks the autoloader to load it (`discover(renderRoot)`). The element renders while it loads
 * (so it upgrades in place) beside a loading line; without an autoloader, or after `EMBED_WAIT_MS`,
 * the week says the element is not available. It is swapped in whenever its code does arrive.
 */
export class EmbedsController implements ReactiveController {
  private readonly timedOut = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly awaited = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private readonly tags: readonly string[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const tag of this.tags) this.awaitDefinition(tag);
  }

  hostUpdated(): void {
    const loader = autoloader();
    const root = this.host.renderRoot;
    const waiting = this.tags.filter((tag) => !customElements.get(tag) && root.querySelector(tag));
    if (!loader || !waiting.length) return;
    loader.discover(root);
    for (const tag of waiting) {
      if (this.timers.has(tag) || this.timedOut.has(tag)) continue;
      this.timers.set(
        tag,
        setTimeout(() => {
          this.timedOut.add(tag);
          this.host.requestUpdate();
        }, EMBED_WAIT_MS),
      );
    }
  }

  hostDisconnected(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  state(tag: string): EmbedState {
    if (customElements.get(tag)) return 'ready';
    return autoloader() && !this.timedOut.has(tag) ? 'loading' : 'missing';
  }

  private awaitDefinition(tag: string): void {
    if (customElements.get(tag) || this.awaited.has(tag)) return;
    this.awaited.add(tag);
    // Swap the loading line or the placeholder for the real element when its code arrives.
    void customElements.whenDefined(tag).then(() => {
      clearTimeout(this.timers.get(tag));
      this.timers.delete(tag);
      this.host.requestUpdate();
    });
  }
}
