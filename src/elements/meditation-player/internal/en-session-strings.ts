import type { PlayerStrings } from '../strings.js';
import { plural } from './en-strings.js';

const minutesText = (seconds: number) => {
  const m = Math.round(seconds / 60);
  return m >= 1 ? plural(m, 'minute', 'minutes') : plural(Math.round(seconds), 'second', 'seconds');
};

/**
 * The English words of the timer, the pacer, the summary and the check-in, and of the guided player
 * once its recording plays (the engine waits for them): they download with those parts.
 */
export const EN_SESSION_STRINGS = {
  slowAudio: 'This is taking a while; the connection may be slow. It keeps trying.',
  blocked: 'Your browser did not let the sound start by itself. Press Play to begin.',
  finishForNow: 'Finish for now',
  ended: 'The recording has finished. Thank you for taking this time for yourself.',
  logged: (minutes) => `${plural(minutes, 'minute', 'minutes')} added to your practice log.`,
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
  customLength: 'Or type a length (1–60)',
  lengthInvalid: 'Type a whole number of minutes from 1 to 60.',
  lengthChanged: (minutes) => `The timer runs for 1 to 60 whole minutes, so it is set to ${plural(minutes, 'minute', 'minutes')}.`,
  timeLeftWords: (spoken) => `${spoken} left`,
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
  breatheIn: 'Breathe in…',
  breatheOut: 'Breathe out…',
  breathingReady: 'When you are ready, press Start and let your breath follow the circle: in as it grows, out as it shrinks.',
  breathingReadyReduced: 'When you are ready, press Start and let your breath follow the words.',
  breathingPace: (inhale, exhale, perMinute) =>
    `${inhale} seconds in, ${exhale} seconds out: about ${Math.round(perMinute * 10) / 10} breaths a minute. If this pace does not suit you, breathe in your own rhythm.`,
  stop: 'Stop',
  noBell: 'No bell sound is set, so the timer keeps time silently.',
} satisfies Partial<PlayerStrings>;
