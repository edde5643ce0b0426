import type { SupportStrings } from '../shared/support-dialog.js';
import { EN_SESSION_STRINGS } from './internal/en-session-strings.js';
import { EN_PLAYER_STRINGS } from './internal/en-strings.js';
import { EN_TRANSCRIPT_STRINGS } from './internal/en-transcript-strings.js';
import { EN_KEEP_STRINGS } from './internal/en-keep-strings.js';
import { EN_RESUME_STRINGS } from './internal/en-resume-strings.js';
import type { PlayerMode } from './modes.js';

/**
 * Every word `<meditation-player>` writes itself (titles, descriptions, transcripts and check-in
 * questions come from the program). A clinic working in another language passes its own through
 * the `strings` property; anything left out falls back to English.
 */
export interface PlayerStrings {
  modeTitle: Record<PlayerMode, string>;
  loadingProgram: string;
  /** While a part of the player (a mode, the check-in) is still downloading. */
  loadingPart: string;
  /** A part of the player could not be downloaded. */
  partFailed: string;
  programFailed: (message: string) => string;
  /** Audio still plays, but nothing can be stored. */
  notSaving: string;
  nothingToPlay: string;
  meditationMissing: (id: string, known: readonly string[]) => string;
  play: string;
  pause: string;
  back15: string;
  forward15: string;
  /** @deprecated Not shown since the buttons became icons (issue 12); kept so existing translations still type-check. */
  back15Short?: string;
  /** @deprecated Not shown since the buttons became icons (issue 12). */
  forward15Short?: string;
  position: string;
  /** "3:20 of 12:05"; also the seek slider's spoken value, with both times in words ("2 minutes 10 seconds of 8 minutes"). */
  elapsedOfTotal: (elapsed: string, total: string) => string;
  /** The name of the button that switches the total time to the time left (and back). */
  showTimeLeft: string;
  speed: string;
  speedOption: (rate: number) => string;
  volume: string;
  volumeText: (percent: number) => string;
  mute: string;
  loadingAudio: string;
  slowAudio: string;
  blocked: string;
  audioFailed: string;
  retry: string;
  offline: string;
  resumePrompt: (time: string) => string;
  resumeFrom: (time: string) => string;
  startOver: string;
  finishForNow: string;
  ended: string;
  chapters: string;
  transcript: string;
  showTranscript: string;
  hideTranscript: string;
  transcriptLoading: string;
  transcriptFailed: string;
  transcriptEmpty: string;
  cueAt: (time: string) => string;
  stats: (minutesThisWeek: number, sessionsTotal: number) => string;
  logged: (minutes: number) => string;
  logFailed: (message: string) => string;
  checkInTitle: string;
  checkInHint: string;
  checkInChoices: readonly string[];
  checkInEntryTitle: (practice: string) => string;
  noteLabel: string;
  saveNote: string;
  notNow: string;
  checkInSaved: string;
  noteSaved: string;
  /** Memory-only mode: the check-in is kept only until the page closes, so it is never called saved. */
  checkInKept: string;
  noteKept: string;
  saving: string;
  checkInFailed: (message: string) => string;
  timerLength: string;
  minutesUnit: string;
  /** The label of the field for a length that is not one of the presets. */
  customLength: string;
  /** Said while the typed length is not a whole number from 1 to 60. */
  lengthInvalid: string;
  /** Said after a typed length was brought within 1–60 minutes (or replaced, when it was not a number). */
  lengthChanged: (minutes: number) => string;
  /** The progress ring's text: the time left in words, e.g. "4 minutes 30 seconds left". */
  timeLeftWords: (spoken: string) => string;
  intervalBell: string;
  intervalNone: string;
  intervalEvery: (minutes: number) => string;
  start: string;
  resume: string;
  end: string;
  timeRemaining: string;
  timerRunning: (remaining: string) => string;
  timerPaused: string;
  timeUp: string;
  endedEarly: string;
  practised: (seconds: number) => string;
  startAgain: string;
  bellFailed: (message: string) => string;
  noBell: string;
  breatheIn: string;
  breatheOut: string;
  breathingReady: string;
  breathingReadyReduced: string;
  breathingPace: (inhale: number, exhale: number, perMinute: number) => string;
  stop: string;
  /** "Keep on this device" (the recording, its transcript and the program file, for offline practice). */
  keep: string;
  keepHint: string;
  /** While keeping: how far, in words (`percent` when the size is known beforehand). */
  keeping: (percent: number | undefined, size: string) => string;
  stopKeeping: string;
  keptOnDevice: (size: string) => string;
  removeKept: string;
  /** The Remove button's full name for screen readers (it starts with `removeKept`). */
  removeKeptName: string;
  removedKept: (size: string) => string;
  keepStopped: string;
  /** A size in bytes in words, e.g. "4.2 MB". */
  size: (bytes: number) => string;
  /** The "Need support now?" button and dialog. */
  support?: Partial<SupportStrings>;
}

/** Every English word of the player, for reference and to translate from. */
export const EN_STRINGS: PlayerStrings = { ...EN_PLAYER_STRINGS, ...EN_TRANSCRIPT_STRINGS, ...EN_SESSION_STRINGS, ...EN_KEEP_STRINGS, ...EN_RESUME_STRINGS };
