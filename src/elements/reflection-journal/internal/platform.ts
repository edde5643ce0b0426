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

/** Formats times in the program's language, or the browser's. */
export class Formats {
  readonly time: Intl.DateTimeFormat;
  readonly dateTime: Intl.DateTimeFormat;
  readonly day: Intl.DateTimeFormat;

  constructor(locale: string | undefined) {
    const loc = safeLocale(locale);
    this.time = new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit' });
    this.dateTime = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' });
    this.day = new Intl.DateTimeFormat(loc, { dateStyle: 'full' });
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
