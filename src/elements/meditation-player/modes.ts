/** The three ways the player can be used. */
export const PLAYER_MODES = ['guided', 'timer', 'breathing'] as const;
export type PlayerMode = (typeof PLAYER_MODES)[number];

/** Speeds the player offers. */
export const PLAYER_RATES = [0.75, 0.85, 1, 1.1, 1.25] as const;

/** Interval bell choices for the timer, in minutes (0 = none). */
export const INTERVAL_CHOICES = [0, 1, 2, 5, 10] as const;

/** Seek slider steps, in seconds. */
export const SEEK_STEP = 5;
export const SEEK_PAGE = 30;
/** The back and forward buttons. */
export const SKIP_SECONDS = 15;
/** How often the place in the recording is remembered while playing, in ms. */
export const SAVE_EVERY_MS = 5000;
/** A saved place this close to the start or the end (or a tenth of a short recording) is not worth offering to resume. */
export const RESUME_MARGIN = 5;
/** After the participant scrolls the transcript, it stops following the audio for this long, in ms. */
export const MANUAL_SCROLL_MS = 5000;
/** The journal template the after-practice check-in follows (shipped with the default program); the SDK's `CHECK_IN_TEMPLATE_ID` is the same id, for code without the player. */
export const CHECK_IN_TEMPLATE_ID = 'after-practice-check-in';
