import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProgramContent } from '../../../sdk/content/content.js';
import { formatHash, parseHash, type CourseView, type HashRoute, type RoutingMode } from '../routing.js';

type Host = ReactiveControllerHost & HTMLElement & { routing: RoutingMode };

/**
 * Mirrors the open week in the page's URL hash when the course's `routing` is `hash`: reads the
 * hash when the program arrives and on every `hashchange` (the browser's back button), and writes
 * it when the participant moves. `value` is the last route read.
 */
export class HashRouteController implements ReactiveController {
  value: HashRoute = null;
  private routedFor: ProgramContent | undefined;

  constructor(
    private readonly host: Host,
    private readonly content: () => ProgramContent | undefined,
    private readonly apply: (route: HashRoute, focus: boolean) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    this.routedFor = undefined;
  }

  /** Call before each update: reads the hash for a program seen for the first time, or when `routing` just became `hash`. */
  sync(routingChanged: boolean): void {
    const content = this.content();
    if (!content || this.host.routing !== 'hash' || (this.routedFor === content && !routingChanged)) return;
    this.routedFor = content;
    this.read(content, false);
  }

  /** Puts `view` in the address bar (a new history entry), when routing by hash. */
  write(view: CourseView): void {
    const content = this.content();
    if (this.host.routing !== 'hash' || !content) return;
    const hash = formatHash(view, content);
    if (location.hash === hash || (hash === '' && (location.hash === '' || location.hash === '#'))) return;
    if (hash === '') {
      // Back to the overview: drop the fragment rather than leave a bare "#" in the address.
      history.pushState(history.state, '', `${location.pathname}${location.search}`);
    } else {
      location.hash = hash;
    }
  }

  private readonly onHashChange = (): void => {
    const content = this.content();
    if (this.host.routing === 'hash' && content) this.read(content, true);
  };

  private read(content: ProgramContent, focus: boolean): void {
    this.value = parseHash(location.hash, content);
    if (this.value !== null) this.apply(this.value, focus);
  }
}
