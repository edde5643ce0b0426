import type { PlayerStrings } from '../strings.js';

/** The resume offer's English words: they download with the offer. */
export const EN_RESUME_STRINGS = {
  resumePrompt: (time) => `Last time you stopped at ${time}.`,
  resumeFrom: (time) => `Resume from ${time}`,
  startOver: 'Start over',
} satisfies Partial<PlayerStrings>;
