/** Time formats the player shows and announces. Pure functions, no DOM. */

/** `3:20`, `12:05`, `1:02:03`. Negative and non-finite values count as 0. */
export function formatClock(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * `2 minutes 10 seconds`, `8 minutes`, `45 seconds`, `1 hour 2 minutes`, `0 seconds`; in another
 * language (a BCP 47 `locale`) with its own plural forms and joining words, through `Intl`.
 */
export function spokenDuration(seconds: number, locale = 'en'): string {
  const unit = (n: number, name: 'hour' | 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(n);
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(unit(h, 'hour'));
  if (m) parts.push(unit(m, 'minute'));
  if (s || parts.length === 0) parts.push(unit(s, 'second'));
  return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format(parts);
}

/** The seek slider's `aria-valuetext`: `2 minutes 10 seconds of 8 minutes` (`of` words the pair in another language). */
export function positionText(position: number, duration: number, locale = 'en', of = (at: string, total: string) => `${at} of ${total}`): string {
  return duration > 0 ? of(spokenDuration(position, locale), spokenDuration(duration, locale)) : spokenDuration(position, locale);
}
