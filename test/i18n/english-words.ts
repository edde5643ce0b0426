import { EN_STRINGS as COURSE_EN } from '../../src/elements/compassion-course/strings.js';
import { PROVIDER_STRINGS_EN } from '../../src/elements/compassion-program/strings.js';
import { EN_STRINGS as PLAYER_EN } from '../../src/elements/meditation-player/strings.js';
import { EN_STRINGS as LOG_EN } from '../../src/elements/practice-log/strings.js';
import { EN_ENTRY_STRINGS } from '../../src/elements/reflection-journal/internal/en-entry-strings.js';
import { EN_FILTER_STRINGS } from '../../src/elements/reflection-journal/internal/en-filter-strings.js';
import { EN_JOURNAL_STRINGS } from '../../src/elements/reflection-journal/internal/en-journal-strings.js';
import { EN_PANEL_STRINGS } from '../../src/elements/reflection-journal/internal/en-panel-strings.js';
import { EN_UNLOCK_STRINGS } from '../../src/elements/reflection-journal/internal/en-unlock-strings.js';
import { PROGRAM_ERROR_WORDS_EN } from '../../src/elements/shared/program-error.js';
import { SUPPORT_STRINGS_EN } from '../../src/elements/shared/support-dialog.js';
import type { LocaleCatalog } from '../../src/locales/registry.js';
import { EN_MEASURE_STRINGS } from '../../src/elements/compassion-course/internal/lazy/measure-form.js';
import { EN_SCORES_STRINGS } from '../../src/elements/practice-log/internal/scores-view.js';
import { DEFAULT_SUPPORT } from '../../src/sdk/content/defaults.js';

/** Every English word of every element, in the shape of a catalog. */
export const ENGLISH: Required<Omit<LocaleCatalog, 'dir'>> = {
  course: COURSE_EN,
  player: PLAYER_EN,
  practiceLog: LOG_EN,
  journal: { ...EN_JOURNAL_STRINGS, ...EN_FILTER_STRINGS, ...EN_ENTRY_STRINGS, ...EN_PANEL_STRINGS, ...EN_UNLOCK_STRINGS },
  support: SUPPORT_STRINGS_EN,
  programError: PROGRAM_ERROR_WORDS_EN,
  provider: PROVIDER_STRINGS_EN,
  defaultSupport: DEFAULT_SUPPORT,
  measure: EN_MEASURE_STRINGS,
  scores: EN_SCORES_STRINGS,
};

// Keys kept only so that old translations still type-check (PlayerStrings marks them deprecated).
const NOT_SHOWN = new Set(['player.back15Short', 'player.forward15Short']);

/** What a function says with sample arguments: numbers, a placeholder, an empty list, an import report. */
function sample(fn: (...args: unknown[]) => unknown): string {
  const report = { new: 7, updated: 7, bothKept: 7, versions: 7, duplicates: 7, damaged: 7 };
  const args = [7, 7, 7, 7].map((n, i) => (fn.length === 1 && i === 0 && /\br\./.test(String(fn)) ? report : n));
  try {
    return String(fn(...args));
  } catch {
    return '';
  }
}

/** Each leaf of a catalog by its path ("course.weekState.done"), functions spoken with sample arguments. */
export function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') out.set(path, sample(value as (...args: unknown[]) => unknown));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [p, v] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, v);
  }
  return out;
}

/** The paths every English catalog has, less the deprecated ones, for the completeness check. */
export function englishPaths(): string[] {
  return [...leaves(ENGLISH).keys()].filter((p) => !NOT_SHOWN.has(p) && ![...NOT_SHOWN].some((n) => p.startsWith(`${n}.`)));
}

export interface EnglishWords {
  /** Whole English strings (and the fixed parts of English sentences with numbers), matched against a whole text. */
  exact: Set<string>;
  /** Longer English sentence parts, matched anywhere inside a text. */
  contained: string[];
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
const hasLetters = (s: string) => /\p{L}{2}/u.test(s);

/**
 * The English words a page in `catalog`'s language must not show: every English value, except
 * those the translation keeps the same (an "OK" or a "Pause" is the right word in German too).
 * Sentences with numbers are cut at the numbers, so "Week 3 of 14" is found as "Week", "of".
 */
export function englishFor(catalog: LocaleCatalog): EnglishWords {
  const translated = leaves(catalog);
  const exact = new Set<string>();
  const contained = new Set<string>();
  for (const [path, english] of leaves(ENGLISH)) {
    if (NOT_SHOWN.has(path) || translated.get(path) === english) continue;
    const whole = normal(english);
    if (hasLetters(whole)) exact.add(whole);
    for (const piece of english.split(/\d+(?:[.,]\d+)?|undefined|NaN/)) {
      const p = normal(piece).replace(/^[\s:;,.·()–—-]+|[\s:;,.·()–—-]+$/g, '');
      if (!hasLetters(p)) continue;
      exact.add(p);
      // Long enough to be a sentence of its own, not a word another language shares.
      if (p.length >= 14 && p.includes(' ')) contained.add(p);
    }
  }
  return { exact, contained: [...contained] };
}

/** Every text a person meets in `root`: text nodes and names (aria-label, title, placeholder, alt), through shadow roots. */
export function interfaceTexts(root: Node): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = normal(node.textContent ?? '');
      if (t) out.push(t);
      return;
    }
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script' || node.localName === 'template') return;
      for (const name of ['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const v = node.getAttribute(name);
        if (v && normal(v)) out.push(normal(v));
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return out;
}

// Durations the SDK spells out for screen readers (the seek slider's value, the timer's ring).
const ENGLISH_UNITS = /\b(?:seconds?|minutes?|hours?)\b/;

/** The English a page shows, as "text ← English" lines (empty when there is none). */
export function englishShown(root: Node, words: EnglishWords): string[] {
  const found: string[] = [];
  for (const t of interfaceTexts(root)) {
    if (words.exact.has(t)) found.push(`"${t}"`);
    else if (ENGLISH_UNITS.test(t)) found.push(`"${t}" ← an English duration`);
    else {
      const inside = words.contained.find((c) => t.includes(c));
      if (inside) found.push(`"${t}" ← "${inside}"`);
    }
  }
  return [...new Set(found)];
}
