import type { CourseStrings } from '../elements/compassion-course/strings.js';
import type { ProviderStrings } from '../elements/compassion-program/strings.js';
import type { PlayerStrings } from '../elements/meditation-player/strings.js';
import type { PracticeLogStrings } from '../elements/practice-log/strings.js';
import type { JournalStrings } from '../elements/reflection-journal/strings.js';
import type { ProgramErrorWords } from '../elements/shared/program-error.js';
import type { SupportStrings } from '../elements/shared/support-dialog.js';
import type { Direction } from '../sdk/content/types.js';

/**
 * Every word of every element in one language. A key left out falls back to English, so a
 * catalog can be filled in step by step; an element's own `strings` property still wins over it.
 */
export interface LocaleCatalog {
  /** The language's direction, used when neither the element nor the program gives one. */
  dir?: Direction;
  course?: Partial<CourseStrings>;
  player?: Partial<PlayerStrings>;
  practiceLog?: Partial<PracticeLogStrings>;
  journal?: Partial<JournalStrings>;
  /** The "Need support now?" control and dialog, in every element. */
  support?: Partial<SupportStrings>;
  /** `<compassion-program>`'s own loading and error lines. */
  provider?: Partial<ProviderStrings>;
  /** The words around a program that could not load, in every element. */
  programError?: Partial<ProgramErrorWords>;
}

/** A catalog, or a function that loads one (a module whose default export is the catalog). */
export type CatalogSource = LocaleCatalog | (() => Promise<LocaleCatalog | { default: LocaleCatalog }>);

// One map per page, shared by every copy of the library (the CDN script and an npm bundle, S5),
// so a catalog registered through either reaches every element. src/cdn.ts writes to it too.
const KEY = Symbol.for('compassion-kit.locales');
const globals = globalThis as unknown as Record<symbol, Map<string, CatalogSource> | undefined>;
const registered = (globals[KEY] ??= new Map());

// Shipped catalogs: each is its own file, fetched only when an element first needs that language.
const BUILT_IN: Record<string, () => Promise<{ default: LocaleCatalog }>> = {
  es: () => import('./es.js'),
  de: () => import('./de.js'),
  ar: () => import('./ar.js'),
};

const loaded = new Map<string, LocaleCatalog>();
const loading = new Map<string, Promise<unknown>>();

/**
 * Adds (or replaces) the catalog of a language, e.g. `registerLocale('fr', { course: { … } })`, or
 * `registerLocale('fr', () => import('./fr.js'))` to load it only on pages that need it. Register
 * before the elements render; an element already showing the language re-renders on its next update.
 */
export function registerLocale(locale: string, catalog: CatalogSource): void {
  const tag = locale.toLowerCase();
  registered.set(tag, catalog);
  loaded.delete(tag);
  loading.delete(tag);
}

/** The tags to look for, most specific first: `es-MX` → `es-mx`, `es`. English needs none. */
function candidates(locale: string): string[] {
  const tag = locale.toLowerCase();
  const base = tag.split('-')[0];
  if (base === 'en' || !base) return [];
  return base === tag ? [tag] : [tag, base];
}

/** The tag whose catalog serves `locale`, or undefined when English (or nothing known) does. */
function sourceTag(locale: string): string | undefined {
  return candidates(locale).find((tag) => registered.has(tag) || tag in BUILT_IN);
}

/**
 * The catalog for `locale` if it is ready; otherwise starts loading it and calls `ready` once it
 * arrives (never for English or a language with no catalog, which show English words).
 */
export function catalogFor(locale: string, ready: () => void): LocaleCatalog | undefined {
  const tag = sourceTag(locale);
  if (!tag) return undefined;
  const done = loaded.get(tag);
  if (done) return done;
  const source: CatalogSource = registered.get(tag) ?? BUILT_IN[tag];
  if (typeof source !== 'function') {
    loaded.set(tag, source);
    return source;
  }
  let pending = loading.get(tag);
  if (!pending) {
    pending = (source as () => Promise<LocaleCatalog | { default: LocaleCatalog }>)().then(
      (module: LocaleCatalog | { default: LocaleCatalog }) => loaded.set(tag, 'default' in module ? (module.default as LocaleCatalog) : (module as LocaleCatalog)),
      (error: unknown) => {
        loading.delete(tag);
        console.error(`compassion-kit: the "${tag}" catalog could not be loaded; English is shown.`, error);
      },
    );
    loading.set(tag, pending);
  }
  void pending.then(ready);
  return undefined;
}

/** Resolves once the catalog for `locale` (if any) has loaded or failed. */
export function catalogLoaded(locale: string): Promise<unknown> {
  const tag = sourceTag(locale);
  return (tag && loading.get(tag)) || Promise.resolve();
}
