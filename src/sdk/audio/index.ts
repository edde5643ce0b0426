/** The audio side of the SDK: playback engine, transcripts, timer, breathing pacer. No rendering. */
export {
  AudioEngine,
  PLAYBACK_STATUSES,
  loadHowler,
  claimPlayback,
  releasePlayback,
  type PlaybackStatus,
  type AudioSnapshot,
  type AudioSourceInput,
  type TrackInfo,
  type AudioEngineOptions,
  type PlaybackOwner,
} from './engine.js';
export { formatOf, playableSource } from './formats.js';
export { AudioError, AUDIO_ERROR_CODES, type AudioErrorCode } from './errors.js';
export { parseWebVtt, parseTimestamp, cueIndexAt, type VttCue } from './webvtt.js';
export { loadTranscript } from './transcript.js';
export { formatClock, spokenDuration, positionText } from './time.js';
export { PracticeTimer, clampMinutes, TIMER_STATUSES, BELL_KINDS, TIMER_MIN_MINUTES, TIMER_MAX_MINUTES, type TimerStatus, type BellKind, type TimerSnapshot, type TimerOptions } from './timer.js';
export {
  BreathingPacer,
  breathPattern,
  breathPhaseAt,
  breathsPerMinute,
  DEFAULT_BREATH,
  BREATH_MIN_SECONDS,
  BREATH_MAX_SECONDS,
  type BreathPattern,
  type BreathPhase,
  type BreathPhaseName,
  type PacerSnapshot,
} from './breathing.js';
export { ListeningTracker, shouldLogPractice, MIN_PRACTICE_SECONDS, SHORT_TRACK_SECONDS } from './practice-session.js';
