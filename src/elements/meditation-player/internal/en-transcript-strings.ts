import type { PlayerStrings } from '../strings.js';

/** The transcript panel's English words: they download with the panel. */
export const EN_TRANSCRIPT_STRINGS = {
  showTranscript: 'Show transcript',
  hideTranscript: 'Hide transcript',
  transcriptFailed: 'The transcript could not be loaded; the recording still plays.',
  transcriptEmpty: 'This transcript has no text.',
  cueAt: (time) => `Play from ${time}`,
} satisfies Partial<PlayerStrings>;
