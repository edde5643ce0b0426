import type { PlayerStrings } from '../strings.js';

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The English words the player needs before a session starts: the guided player, its states and
 * errors. The rest (timer, pacer, summary, check-in, and what the guided player says only once it
 * plays) are in en-session-strings.ts, the transcript's, the resume offer's and the keep control's
 * beside those parts: each downloads with the code that shows it.
 */
export const EN_PLAYER_STRINGS = {
  modeTitle: { guided: 'Guided meditation', timer: 'Silent practice timer', breathing: 'Soothing-rhythm breathing' },
  loadingProgram: 'Loading the meditation…',
  loadingPart: 'One moment…',
  partFailed: 'This part of the player could not be downloaded. Check your connection and try again.',
  programFailed: () => 'This practice cannot be played right now.',
  notSaving: 'Your practice and place in the recording cannot be saved on this device right now, but you can still listen.',
  nothingToPlay: 'There is nothing to play yet: this player needs a meditation-id (with a program) or an audio-src.',
  meditationMissing: (id, known) => `This program has no meditation "${id}".${known.length ? ` It has: ${known.join(', ')}.` : ''}`,
  play: 'Play',
  pause: 'Pause',
  back15: 'Back 15 seconds',
  forward15: 'Forward 15 seconds',
  position: 'Position in the recording',
  elapsedOfTotal: (elapsed, total) => `${elapsed} of ${total}`,
  showTimeLeft: 'Show time left',
  speed: 'Speed',
  speedOption: (rate) => (rate === 1 ? 'Normal' : `${rate}×`),
  volume: 'Volume',
  volumeText: (percent) => `${percent}%`,
  mute: 'Mute',
  loadingAudio: 'Loading the recording…',
  audioFailed: 'The recording could not be played.',
  retry: 'Try again',
  offline: 'You are offline. A recording that has not loaded yet can play once you reconnect; the timer and the breathing pacer work offline.',
  chapters: 'Chapters',
  transcript: 'Transcript',
  transcriptLoading: 'Loading the transcript…',
  stats: (minutes, sessions) => `This week: ${plural(minutes, 'minute', 'minutes')} of practice. In total: ${plural(sessions, 'session', 'sessions')}.`,
  logFailed: (message) => `Your practice could not be added to the log: ${message}`,
} satisfies Partial<PlayerStrings>;
