import type { SupportStrings } from '../shared/support-dialog.js';
import type { PlayerMode } from './modes.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  back15Short: string;
  forward15Short: string;
  position: string;
  elapsedOfTotal: (elapsed: string, total: string) => string;
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
  /** The "Need support now?" button and dialog. */
  support?: Partial<SupportStrings>;
}

const minutesText = (seconds: number) => {
  const m = Math.round(seconds / 60);
  return m >= 1 ? plural(m, 'minute', 'minutes') : plural(Math.round(seconds), 'second', 'seconds');
};

export const EN_STRINGS: PlayerStrings = {
  modeTitle: { guided: 'Guided meditation', timer: 'Silent practice timer', breathing: 'Soothing-rhythm breathing' },
  loadingProgram: 'Loading the meditation…',
  loadingPart: 'One moment…',
  partFailed: 'This part of the player could not be downloaded. Check your connection and try again.',
  programFailed: (message) => `The program could not be loaded. ${message}`,
  notSaving: 'Your practice and place in the recording cannot be saved on this device right now, but you can still listen.',
  nothingToPlay: 'There is nothing to play yet: this player needs a meditation-id (with a program) or an audio-src.',
  meditationMissing: (id, known) => `This program has no meditation "${id}".${known.length ? ` It has: ${known.join(', ')}.` : ''}`,
  play: 'Play',
  pause: 'Pause',
  back15: 'Back 15 seconds',
  forward15: 'Forward 15 seconds',
  back15Short: '15 s',
  forward15Short: '15 s',
  position: 'Position in the recording',
  elapsedOfTotal: (elapsed, total) => `${elapsed} of ${total}`,
  speed: 'Speed',
  speedOption: (rate) => (rate === 1 ? 'Normal' : `${rate}×`),
  volume: 'Volume',
  volumeText: (percent) => `${percent}%`,
  mute: 'Mute',
  loadingAudio: 'Loading the recording…',
  slowAudio: 'This is taking a while; the connection may be slow. It keeps trying.',
  blocked: 'Your browser did not let the sound start by itself. Press Play to begin.',
  audioFailed: 'The recording could not be played.',
  retry: 'Try again',
  offline: 'You are offline. A recording that has not loaded yet can play once you reconnect; the timer and the breathing pacer work offline.',
  resumePrompt: (time) => `Last time you stopped at ${time}.`,
  resumeFrom: (time) => `Resume from ${time}`,
  startOver: 'Start over',
  finishForNow: 'Finish for now',
  ended: 'The recording has finished. Thank you for taking this time for yourself.',
  chapters: 'Chapters',
  transcript: 'Transcript',
  showTranscript: 'Show transcript',
  hideTranscript: 'Hide transcript',
  transcriptLoading: 'Loading the transcript…',
  transcriptFailed: 'The transcript could not be loaded; the recording still plays.',
  transcriptEmpty: 'This transcript has no text.',
  cueAt: (time) => `Play from ${time}`,
  stats: (minutes, sessions) => `This week: ${plural(minutes, 'minute', 'minutes')} of practice. In total: ${plural(sessions, 'session', 'sessions')}.`,
  logged: (minutes) => `${plural(minutes, 'minute', 'minutes')} added to your practice log.`,
  logFailed: (message) => `Your practice could not be added to the log: ${message}`,
  checkInTitle: 'How do you feel now?',
  checkInHint: 'Optional. One tap saves it privately to your journal on this device.',
  checkInChoices: ['calmer', 'about the same', 'unsettled', 'warmer toward myself', 'sleepy'],
  checkInEntryTitle: (practice) => `After practice: ${practice}`,
  noteLabel: 'Anything you would like to note? (optional)',
  saveNote: 'Save note',
  notNow: 'Not now',
  checkInSaved: 'Saved to your journal.',
  noteSaved: 'Note saved to your journal.',
  checkInKept: 'Added to your journal until this page closes (not saved on this device).',
  noteKept: 'Note kept until this page closes (not saved on this device).',
  saving: 'Saving…',
  checkInFailed: (message) => `Your check-in could not be saved: ${message}`,
  timerLength: 'Length',
  minutesUnit: 'minutes',
  intervalBell: 'Bell in between',
  intervalNone: 'None',
  intervalEvery: (minutes) => `Every ${plural(minutes, 'minute', 'minutes')}`,
  start: 'Start',
  resume: 'Resume',
  end: 'End',
  timeRemaining: 'Time remaining',
  timerRunning: (remaining) => `${remaining} remaining`,
  timerPaused: 'Paused',
  timeUp: 'Time is up.',
  endedEarly: 'You ended the practice.',
  practised: (seconds) => `You practised for ${minutesText(seconds)}.`,
  startAgain: 'Start again',
  bellFailed: (message) => `The bell could not be played (${message}). The timer keeps time without it.`,
  noBell: 'No bell sound is set, so the timer keeps time silently.',
  breatheIn: 'Breathe in…',
  breatheOut: 'Breathe out…',
  breathingReady: 'When you are ready, press Start and let your breath follow the circle: in as it grows, out as it shrinks.',
  breathingReadyReduced: 'When you are ready, press Start and let your breath follow the words.',
  breathingPace: (inhale, exhale, perMinute) =>
    `${inhale} seconds in, ${exhale} seconds out: about ${Math.round(perMinute * 10) / 10} breaths a minute. If this pace does not suit you, breathe in your own rhythm.`,
  stop: 'Stop',
};
