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

const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 minutes 10 seconds`, `8 minutes`, `45 seconds`, `1 hour 2 minutes`, `0 seconds`. */
export function spokenDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(unit(h, 'hour'));
  if (m) parts.push(unit(m, 'minute'));
  if (s || parts.length === 0) parts.push(unit(s, 'second'));
  return parts.join(' ');
}

/** The seek slider's `aria-valuetext`: `2 minutes 10 seconds of 8 minutes`. */
export function positionText(position: number, duration: number): string {
  return duration > 0 ? `${spokenDuration(position)} of ${spokenDuration(duration)}` : spokenDuration(position);
}
