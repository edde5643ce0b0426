import type { TranscriptCue } from '../content/types.js';

/**
 * Index of the cue to highlight at `time`: the last cue that has started. Between two cues the
 * previous one stays highlighted, so the highlight does not flicker in the pauses. -1 before the first.
 */
export function cueIndexAt(cues: readonly TranscriptCue[], time: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.start <= time + 0.05) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
