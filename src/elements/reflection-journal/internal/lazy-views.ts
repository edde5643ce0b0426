import { adoptStyles, html, nothing, type CSSResult, type ReactiveElement, type TemplateResult } from 'lit';
import { CompassionKitError } from '../../../sdk/errors.js';
import { loadWriteCode } from '../../../sdk/store/journal.js';
import { EN_JOURNAL_STRINGS } from './en-journal-strings.js';

/**
 * The journal's views and panels that its first screen does not show, each loaded with `import()`
 * the first time it is needed: the open entry, the rarely used views, and the passphrase lock's
 * code and unlock form (needed only once a lock record exists or the participant turns the lock on). Each module
 * may bring styles of its own, adopted into the journal's shadow root when it arrives.
 */
const LOADERS = {
  // The entry's chunk imports the shared view styles (view.styles.ts) and the program's markdown (its
  // template's guidance, shared with the course), each a chunk of its own: request them beside it,
  // and the journal's write code too, so the first save never waits for a download.
  entry: () =>
    Promise.all([import('./entry-view.js'), import('./view.styles.js'), import('../../shared/markdown.js'), loadWriteCode()]).then(([module]) => module),
  lockCore: () => import('../../../sdk/crypto/journal-lock.js'),
  // The unlock form and "Lock now": requested beside lockCore, once a lock record exists.
  unlock: () => import('./unlock-form.js'),
  actions: () => import('./entry-actions.js'),
  filters: () => import('./filters-view.js'),
  notices: () => import('./notices.js'),
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

  constructor(
    private readonly host: ReactiveElement,
    private readonly words: () => Pick<typeof EN_JOURNAL_STRINGS, 'partFailedTitle' | 'partFailedBody' | 'retry' | 'openingPart'> = () => EN_JOURNAL_STRINGS,
  ) {}

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
        this.adopt((module as { styles?: CSSResult | readonly CSSResult[] }).styles);
        this.entries.set(name, { state: 'complete', module });
        this.host.requestUpdate();
        return module as LazyModules[K];
      },
      (cause: unknown) => {
        // Whoever waited (the unlock form, an action) shows what to do, not the browser's words about a module.
        const error = new CompassionKitError('not-loaded', `${this.words().partFailedTitle} ${this.words().partFailedBody}`, { cause });
        this.entries.set(name, { state: 'error', error });
        this.host.requestUpdate();
        throw error;
      },
    );
    this.entries.set(name, { state: 'pending', promise });
    return promise;
  }

  /** Renders `view` with the module once it is here, and nothing before (for a rare line or banner, not a view). */
  quiet<K extends LazyName>(name: K, view: (module: LazyModules[K]) => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    const module = this.get(name);
    return module ? view(module) : nothing;
  }

  /** Renders `view` with the module, a calm "Opening…" line while it loads, or a way to try again. */
  render<K extends LazyName>(name: K, view: (module: LazyModules[K]) => TemplateResult): TemplateResult {
    const module = this.get(name);
    if (module) return view(module);
    const entry = this.entries.get(name);
    if (entry?.state === 'error') {
      const t = this.words();
      return html`<div class="error" role="alert">
        <p><strong>${t.partFailedTitle}</strong> ${t.partFailedBody}</p>
        <button type="button" class="button" @click=${() => this.retry(name)}>${t.retry}</button>
      </div>`;
    }
    return html`<p class="loading" role="status">${this.words().openingPart}</p>`;
  }

  private retry(name: LazyName): void {
    this.entries.delete(name);
    this.host.requestUpdate();
  }

  /** Adds a lazy module's styles after the element's own (as the course and player do); a piece two modules share is added once. */
  private adopt(styles: CSSResult | readonly CSSResult[] | undefined): void {
    const root = this.host.renderRoot;
    if (!styles || !(root instanceof ShadowRoot)) return;
    const before = this.adopted.size;
    for (const piece of [styles].flat()) this.adopted.add(piece);
    if (this.adopted.size > before) adoptStyles(root, [...(this.host.constructor as typeof ReactiveElement).elementStyles, ...this.adopted]);
  }
}
