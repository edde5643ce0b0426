/**
 * The CDN entry: one small script a clinic adds with a single <script type="module">. It defines
 * nothing heavy itself: the first time a compassion-kit tag appears in the page, the code for
 * that element is fetched and registered.
 *
 * Nothing waits for anything else to download: an element's chunk is requested together with the
 * provider's (the core), and the program file of a `<compassion-program src>` together with both.
 * The provider is still registered first, so elements inside `<compassion-program>` find it when
 * they upgrade: every element chunk imports the core chunk, and the core defines the provider when
 * it runs, before the element chunk's own code (the CDN build checks this, rollup.config.mjs).
 */
type Loader = () => Promise<unknown>;

const PROVIDER = 'compassion-program';
const LOADERS: Record<string, Loader> = {
  // The course embeds a player and a journal in its weeks, but only a week shows them: when one
  // renders, the course calls discover() on its shadow root (below), which loads what it holds.
  // Shared chunks an element needs at first render are requested beside it, not after it has run
  // (rollup.config.mjs, sharedLazy; npm run size fails when one is missing here).
  'compassion-course': () => Promise.all([import('./elements/compassion-course/define.js'), import('./elements/shared/markdown.js')]),
  'meditation-player': () => import('./elements/meditation-player/define.js'),
  'reflection-journal': () => Promise.all([import('./elements/reflection-journal/define.js'), import('./sdk/store/journal-parts.js')]),
  // The course shows the practice log on its overview and discovers it there, as it does a week's player.
  'practice-log': () => import('./elements/practice-log/define.js'),
};
const loadProvider = (): Promise<unknown> => import('./elements/compassion-program/define.js');

interface Autoloader {
  discover(root: ParentNode): void;
}

function createAutoloader(): Autoloader {
  const started = new Map<string, Promise<unknown>>();
  const preloaded = new Set<string>();
  let provider: Promise<unknown> | undefined;

  const load = (tag: string): void => {
    if (started.has(tag) || customElements.get(tag)) return;
    provider ??= loadProvider();
    const loading = tag === PROVIDER ? provider : Promise.all([provider, LOADERS[tag]()]);
    started.set(tag, loading);
    loading.catch((error: unknown) => {
      started.delete(tag);
      console.error(`compassion-kit: could not load <${tag}>.`, error);
    });
  };

  // The provider fetches its program only once its code has run; a preload starts that download
  // now. It must match the provider's request exactly (src/sdk/content/load.ts: same absolute URL,
  // CORS mode, credentials 'same-origin', which crossorigin="anonymous" gives) or the browser
  // fetches twice. Once the provider is defined it fetches by itself, so there is nothing to gain.
  const preloadProgram = (element: Element): void => {
    const src = element.getAttribute('src');
    if (!src || customElements.get(PROVIDER)) return;
    let href: string;
    try {
      href = new URL(src, location.href).href;
    } catch {
      return; // The provider reports an unusable src itself.
    }
    if (preloaded.has(href)) return;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  };

  const discover = (root: ParentNode): void => {
    const self = root instanceof Element ? root : undefined;
    for (const tag of [PROVIDER, ...Object.keys(LOADERS)]) {
      if (!started.has(tag) && (self?.localName === tag || root.querySelector(tag))) load(tag);
    }
    if (self?.localName === PROVIDER) preloadProgram(self);
    root.querySelectorAll(`${PROVIDER}[src]`).forEach(preloadProgram);
  };

  const start = (): void => {
    discover(document);
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) discover(node as Element);
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return { discover };
}

// A second copy of this script (two tags, or CDN next to npm) shares the first one's loader (S5).
const KEY = Symbol.for('compassion-kit.autoloader');
const globals = globalThis as unknown as Record<symbol, Autoloader | undefined>;
const autoloader = (globals[KEY] ??= createAutoloader());

/**
 * Loads the code of every compassion-kit element inside `root` that is not registered yet. The page
 * itself is watched already; call this for content the page's observer cannot see, such as a
 * shadow root, as Shoelace's autoloader does. The course does this itself for the player and the
 * journal in a week it shows, through the loader published under `Symbol.for('compassion-kit.autoloader')`.
 */
export function discover(root: ParentNode): void {
  autoloader.discover(root);
}

/**
 * Adds the words of a language for every element on the page, e.g.
 * `registerLocale('fr', { course: { … }, journal: { … } })`, or a function that imports a catalog
 * module. The same as `registerLocale` in the npm package (src/locales/registry.ts), written to the
 * same page-wide map, so a CDN page loads no element code to register one (docs/translating.md).
 */
export function registerLocale(locale: string, catalog: object | (() => Promise<object>)): void {
  const globals = globalThis as unknown as Record<symbol, Map<string, unknown> | undefined>;
  (globals[Symbol.for('compassion-kit.locales')] ??= new Map()).set(locale.toLowerCase(), catalog);
}
