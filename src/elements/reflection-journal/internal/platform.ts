import type { JournalStrings } from '../strings.js';

/**
 * True for Safari and every iOS browser (all WebKit): the engines that erase script-written
 * storage after seven days without a visit (WebKit's tracking prevention). Desktop Chrome,
 * Chromium-based browsers and Android WebViews also say "Safari" in their user agent, so they are
 * excluded by name.
 */
export function isWebKitWithStorageCap(userAgent: string): boolean {
  if (!/AppleWebKit\//.test(userAgent)) return false;
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return true;
  return /Safari\//.test(userAgent) && !/(Chrome|Chromium|CriOS|Android|Edg|OPR)\//.test(userAgent) && !/Android/.test(userAgent);
}

export const SAFARI_WARNINGS = ['auto', 'always', 'never'] as const;
export type SafariWarning = (typeof SAFARI_WARNINGS)[number];

export const GROUPINGS = ['week', 'date'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/**
 * The journal's language: times formatted in it, and its words (a catalog's and the page's own,
 * over the English each view brings with it: `t(EN_…)`).
 */
export class Formats {
  readonly time: Intl.DateTimeFormat;
  readonly dateTime: Intl.DateTimeFormat;
  readonly day: Intl.DateTimeFormat;
  readonly numbers: Intl.NumberFormat;
  private readonly merged = new WeakMap<object, object>();

  constructor(
    locale: string | undefined,
    private readonly words: Partial<JournalStrings> = {},
  ) {
    const loc = safeLocale(locale);
    this.time = new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit' });
    this.dateTime = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' });
    this.day = new Intl.DateTimeFormat(loc, { dateStyle: 'full' });
    this.numbers = new Intl.NumberFormat(loc);
  }

  /** `en` (a view's English words) with the translations over it. */
  t<T extends object>(en: T): T {
    let words = this.merged.get(en) as T | undefined;
    if (!words) this.merged.set(en, (words = { ...en, ...this.words }));
    return words;
  }
}

function safeLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : undefined;
  } catch {
    return undefined;
  }
}
