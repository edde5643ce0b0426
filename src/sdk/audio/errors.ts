import { CompassionKitError } from '../errors.js';

export const AUDIO_ERROR_CODES = [
  /** The server answered 404 for the recording (or the transcript). */
  'not-found',
  /** The server answered another HTTP error (403, 500 …). */
  'http-status',
  /** The file is reachable but the browser may not read it from this page (cross-origin rules). */
  'cors',
  /** The browser reports being offline. */
  'offline',
  /** The server could not be reached. */
  'network',
  /** The file arrived but this browser cannot play it (format or damaged file). */
  'unsupported',
  /** The recording took too long to start loading. */
  'timeout',
  /** The browser refused to start playback without a tap or click (autoplay policy, A2). */
  'play-blocked',
  /** No usable source was given, or its URL is not allowed. */
  'invalid-source',
  /** A transcript file is not WebVTT. */
  'invalid-transcript',
] as const;
export type AudioErrorCode = (typeof AUDIO_ERROR_CODES)[number];

/** Audio or transcript could not be loaded or played. `code` says why; `url` names the file. */
export class AudioError extends CompassionKitError {
  override name = 'AudioError';
  declare readonly code: AudioErrorCode;
  constructor(
    code: AudioErrorCode,
    message: string,
    readonly url?: string,
    /** HTTP status, when the server answered one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  /** Whether trying again could help (not for a format the browser cannot play or a refused URL). */
  get retryable(): boolean {
    return this.code !== 'unsupported' && this.code !== 'invalid-source' && this.code !== 'invalid-transcript';
  }
}
