import type { CourseStrings } from '../elements/compassion-course/strings.js';
import type { ProviderStrings } from '../elements/compassion-program/strings.js';
import type { PlayerStrings } from '../elements/meditation-player/strings.js';
import type { PracticeLogStrings } from '../elements/practice-log/strings.js';
import type { ScoresStrings } from '../elements/practice-log/internal/scores-view.js';
import type { MeasureStrings } from '../elements/compassion-course/internal/lazy/measure-form.js';
import type { JournalStrings } from '../elements/reflection-journal/strings.js';
import type { ProgramErrorWords } from '../elements/shared/program-error.js';
import type { SupportStrings } from '../elements/shared/support-dialog.js';
import type { Direction, Support } from '../sdk/content/types.js';

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
  /** A questionnaire step in the course, with its support card (docs/measures.md). */
  measure?: Partial<MeasureStrings>;
  /** "Your scores so far" in the practice log. */
  scores?: Partial<ScoresStrings>;
  journal?: Partial<JournalStrings>;
  /** The "Need support now?" control and dialog, in every element. */
  support?: Partial<SupportStrings>;
  /** `<compassion-program>`'s own loading and error lines. */
  provider?: Partial<ProviderStrings>;
  /**
   * The crisis resources shown when the program gives none (or has not loaded): the SDK's generic
   * default, in this language. A program's own support section always wins.
   */
  defaultSupport?: Support;
  /** The words around a program that could not load, in every element. */
  programError?: Partial<ProgramErrorWords>;
}

/** A catalog, or a function that loads one (a module whose default export is the catalog). */
export type CatalogSource = LocaleCatalog | (() => Promise<LocaleCatalog | { default: LocaleCatalog }>);

// One map per page, shared by every copy of the library (the CDN script and an npm bundle, S5),
// so a catalog registered through either reaches every element. src/cdn.ts writes to it too.
// Created on first use: importing the library writes nothing to the page.
const registered = (): Map<string, CatalogSource> =>
  ((globalThis as unknown as Record<symbol, Map<string, CatalogSource> | undefined>)[Symbol.for('compassion-kit.locales')] ??= new Map());

// Shipped catalogs: each is its own file, fetched only when an element first needs that language.
const BUILT_IN: Record<string, CatalogSource> = {
  es: () => import('./es.js'),
  de: () => import('./de.js'),
  ar: () => import('./ar.js'),
};

/** Per source: its catalog once loaded, or the load under way (a failed load is forgotten, to be tried again). */
const cache = new WeakMap<CatalogSource, LocaleCatalog | Promise<unknown>>();

/**
 * Adds (or replaces) the catalog of a language, e.g. `registerLocale('fr', { course: { … } })`, or
 * `registerLocale('fr', () => import('./fr.js'))` to load it only on pages that need it. Register
 * before the elements render.
 */
export function registerLocale(locale: string, catalog: CatalogSource): void {
  registered().set(locale.toLowerCase(), catalog);
}

/** The source for `locale` (`es-MX`: `es-mx`, then `es`); none for English, which the elements speak already. */
function sourceFor(locale: string): CatalogSource | undefined {
  const tag = locale.toLowerCase();
  const base = tag.split('-')[0];
  if (base === 'en') return undefined;
  const own = registered();
  return own.get(tag) ?? own.get(base) ?? BUILT_IN[base];
}

/**
 * The catalog for `locale` if it is ready; otherwise its load, started now if needed, which
 * settles once the catalog has arrived or failed. Undefined for English and for a language with
 * no catalog, which show English words.
 */
export function catalogFor(locale: string): LocaleCatalog | Promise<unknown> | undefined {
  const source = sourceFor(locale);
  if (typeof source !== 'function') return source;
  let entry = cache.get(source);
  if (!entry) {
    cache.set(
      source,
      (entry = source().then(
        (module) => cache.set(source, 'default' in module ? module.default : module),
        (error: unknown) => {
          cache.delete(source);
          console.error(`compassion-kit: no "${locale}" catalog, English shown.`, error);
        },
      )),
    );
  }
  return entry;
}
