import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Direction } from '../sdk/content/types.js';
import { ELEMENT_TAGS } from '../tags.js';
import { catalogFor, type LocaleCatalog } from './registry.js';

type Host = ReactiveControllerHost & HTMLElement;
const OURS = `:is(${ELEMENT_TAGS.join(',')})`;
const EMPTY: LocaleCatalog = {};

/**
 * The nearest `lang` or `dir` that speaks for `el`: its own attribute, one on a compassion-kit
 * element around it, or, inside an element's shadow root, the wrapper that carries that element's
 * language (the course's, for the player and journal in a week). The page's own `<html lang>` is
 * not asked: an Arabic program on an English site is still Arabic.
 */
function around(el: Element, name: 'lang' | 'dir'): string | null {
  for (let node = el; ; ) {
    const root = node.getRootNode();
    const shadow = root instanceof ShadowRoot;
    const found = node.closest(shadow ? `[${name}]` : `${OURS}[${name}]`)?.getAttribute(name);
    if (found || !shadow) return found || null;
    node = root.host;
  }
}

/**
 * The language and direction an element speaks, and that language's catalog: from the element's
 * `lang` and `dir` attributes (or an enclosing compassion-kit element's), else the program's
 * `locale` and `dir`. A catalog loads on first use; the host re-renders when it arrives.
 */
export class LocaleController implements ReactiveController {
  private observer: MutationObserver | undefined;
  private cached: { lang: string; dir: Direction | undefined; catalog: LocaleCatalog; loading?: Promise<unknown> } | undefined;

  constructor(
    private readonly host: Host,
    private readonly program: () => { locale?: string; dir?: Direction } | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.cached = undefined;
    this.observer ??= new MutationObserver(this.refresh);
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang', 'dir'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** Works the language out again and renders (an attribute changed, or a catalog arrived). */
  private readonly refresh = () => {
    this.cached = undefined;
    this.host.requestUpdate();
  };

  // Worked out once per update (the program, an attribute or a catalog may have changed since).
  hostUpdated(): void {
    this.cached = undefined;
  }

  private get value() {
    if (this.cached) return this.cached;
    const program = this.program();
    const lang = around(this.host, 'lang') || program?.locale || 'en';
    let catalog = catalogFor(lang) ?? EMPTY;
    let loading;
    if (catalog instanceof Promise) {
      // A catalog on its way: English meanwhile, and render again once it is here.
      loading = catalog.then(this.refresh);
      catalog = EMPTY;
    }
    const dir = around(this.host, 'dir');
    return (this.cached = { lang, catalog, loading, dir: dir === 'rtl' || dir === 'ltr' ? dir : program?.dir ?? catalog.dir });
  }

  /** The BCP 47 tag in use; also what `Intl` formats numbers and dates with. */
  get lang(): string {
    return this.value.lang;
  }

  /** `rtl` or `ltr` when the element, the program or the catalog says; else undefined (the page's direction holds). */
  get dir(): Direction | undefined {
    return this.value.dir;
  }

  /** The language's words (empty for English: the elements' own English is the default). */
  get catalog(): LocaleCatalog {
    return this.value.catalog;
  }

  /**
   * The host's update, then again once the language's catalog has arrived (or failed), so a test
   * or a script sees the translated words: for the host's `getUpdateComplete()`.
   */
  async settled(update: () => Promise<boolean>): Promise<boolean> {
    const complete = await update();
    await this.value.loading;
    return (await update()) && complete;
  }
}
