import { html, type CSSResult, type ReactiveElement, type TemplateResult } from 'lit';

/**
 * The journal's rarely used views and panels, each loaded with `import()` the first time it is
 * shown, so a page that only writes entries never downloads them. Each module may bring styles
 * of its own, adopted into the journal's shadow root when it arrives.
 */
const LOADERS = {
  lock: () => import('./lock-settings.js'),
  backup: () => import('./backup-panel.js'),
  share: () => import('./share-panel.js'),
  deleted: () => import('./deleted-view.js'),
  print: () => import('./print-view.js'),
  history: () => import('./history-view.js'),
  markdown: () => import('./markdown-export.js'),
};

export type LazyName = keyof typeof LOADERS;
export type LazyModules = { [K in LazyName]: Awaited<ReturnType<(typeof LOADERS)[K]>> };

type Entry = { state: 'pending'; promise: Promise<unknown> } | { state: 'complete'; module: unknown } | { state: 'error'; error: Error };

/** Loads the journal's lazy views and re-renders the host when one arrives (pending, complete or error, each rendered). */
export class LazyViews {
  private readonly entries = new Map<LazyName, Entry>();
  private readonly adopted = new Set<CSSResult>();

  constructor(private readonly host: ReactiveElement) {}

  /** The module if it has arrived; otherwise starts loading it and returns undefined. */
  get<K extends LazyName>(name: K): LazyModules[K] | undefined {
    const entry = this.entries.get(name);
    if (entry?.state === 'complete') return entry.module as LazyModules[K];
    if (!entry) void this.load(name).catch(() => undefined);
    return undefined;
  }

  /** The module, loading it first when needed. */
  async load<K extends LazyName>(name: K): Promise<LazyModules[K]> {
    const entry = this.entries.get(name);
    if (entry?.state === 'complete') return entry.module as LazyModules[K];
    if (entry?.state === 'pending') return entry.promise as Promise<LazyModules[K]>;
    const promise = LOADERS[name]().then(
      (module) => {
        this.adopt((module as { styles?: CSSResult }).styles);
        this.entries.set(name, { state: 'complete', module });
        this.host.requestUpdate();
        return module as LazyModules[K];
      },
      (error: unknown) => {
        this.entries.set(name, { state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
        this.host.requestUpdate();
        throw error;
      },
    );
    this.entries.set(name, { state: 'pending', promise });
    return promise;
  }

  /** Renders `view` with the module, a calm "Opening…" line while it loads, or a way to try again. */
  render<K extends LazyName>(name: K, view: (module: LazyModules[K]) => TemplateResult): TemplateResult {
    const module = this.get(name);
    if (module) return view(module);
    const entry = this.entries.get(name);
    if (entry?.state === 'error') {
      return html`<div class="error" role="alert">
        <p><strong>This part of the journal could not be opened.</strong> Check the connection, then try again. Your entries are not affected.</p>
        <button type="button" class="button" @click=${() => this.retry(name)}>Try again</button>
      </div>`;
    }
    return html`<p class="loading" role="status">Opening…</p>`;
  }

  private retry(name: LazyName): void {
    this.entries.delete(name);
    this.host.requestUpdate();
  }

  /** Adds a lazy module's styles after the element's own (Lit adopted those when it first rendered). */
  private adopt(styles: CSSResult | undefined): void {
    const root = this.host.renderRoot;
    if (!styles || this.adopted.has(styles) || !(root instanceof ShadowRoot)) return;
    this.adopted.add(styles);
    const sheet = styles.styleSheet;
    if (sheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      const style = document.createElement('style');
      const nonce = (globalThis as { litNonce?: string }).litNonce;
      if (nonce) style.setAttribute('nonce', nonce);
      style.textContent = styles.cssText;
      root.appendChild(style);
    }
  }
}
