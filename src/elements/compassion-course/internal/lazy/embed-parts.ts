/**
 * The parts of the player and the journal a week embeds, exported from the course with a prefix
 * (`compassion-course::part(player-play-button)`): every part (`@csspart`) an embedded element can
 * show. Not the support control (the course's own `support-button` stands in for it), nor the whole
 * journal's list, backup and sharing views. Keep in step with their JSDoc; docs/theming.md and the
 * course's JSDoc list the result.
 */
const exportparts = (prefix: string, parts: string) => parts.split(' ').map((p) => `${p}:${prefix}-${p}`).join();

export const PLAYER_EXPORTPARTS = exportparts(
  'player',
  'base header title description status error error-details error-list retry-button resume resume-button start-over-button controls play-button back-button forward-button seek time settings keep keep-button keep-stop-button keep-remove-button keep-error chapters transcript transcript-list cue timer timer-display timer-presets timer-ring pacer breathing-shape breathing-cue summary stats check-in',
);

export const JOURNAL_EXPORTPARTS = exportparts(
  'journal',
  'lock-button banner storage-status editor field input textarea prompt save-state more-button more conflict history recovered unlock-form announcement error-details error-list retry-button',
);
