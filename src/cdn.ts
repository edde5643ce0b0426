/**
 * The CDN entry: one small script a clinic adds with a single <script type="module">. It defines
 * nothing heavy itself: the first time a compassion-kit tag appears in the page, the code for
 * that element is fetched and registered. The provider (and with it the SDK) always loads first,
 * so elements inside <compassion-program> find it when they upgrade.
 */
type Loader = () => Promise<unknown>;

const PROVIDER = 'compassion-program';
const LOADERS: Record<string, Loader> = {
  // The course embeds a player and a journal in its weeks, so it brings both.
  'compassion-course': () =>
    Promise.all([
      import('./elements/compassion-course/define.js'),
      import('./elements/meditation-player/define.js'),
      import('./elements/reflection-journal/define.js'),
    ]),
  'meditation-player': () => import('./elements/meditation-player/define.js'),
  'reflection-journal': () => import('./elements/reflection-journal/define.js'),
};
const loadProvider = (): Promise<unknown> => import('./elements/compassion-program/define.js');

// A second copy of this script (two tags, or CDN next to npm) shares the first one's loader (S5).
const KEY = Symbol.for('compassion-kit.autoloader');
const globals = globalThis as unknown as Record<symbol, boolean | undefined>;

if (!globals[KEY]) {
  globals[KEY] = true;
  const started = new Map<string, Promise<unknown>>();
  let provider: Promise<unknown> | undefined;

  const load = (tag: string): void => {
    if (started.has(tag) || customElements.get(tag)) return;
    provider ??= loadProvider();
    const loading = tag === PROVIDER ? provider : provider.then(LOADERS[tag]);
    started.set(tag, loading);
    loading.catch((error: unknown) => {
      started.delete(tag);
      console.error(`compassion-kit: could not load <${tag}>.`, error);
    });
  };

  const discover = (root: ParentNode): void => {
    for (const tag of [PROVIDER, ...Object.keys(LOADERS)]) {
      if (!started.has(tag) && ((root as Element).localName === tag || root.querySelector(tag))) load(tag);
    }
  };

  const start = (): void => {
    discover(document);
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) discover(node as Element);
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

export {};
