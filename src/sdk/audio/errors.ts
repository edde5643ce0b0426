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

/** The last path segment of a URL, for messages a participant can read. */
export function fileName(url: string): string {
  try {
    const path = new URL(url, globalThis.location?.href).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
  } catch {
    return url;
  }
}

/**
 * Finds out why a media file failed to load, which an `<audio>` element does not say (a 404 and
 * a broken file give the same MediaError). Asks the server for the first byte and reads the answer.
 */
export async function diagnoseFetch(url: string, what = 'recording', timeoutMs = 8000): Promise<AudioError> {
  const name = fileName(url);
  if (globalThis.navigator?.onLine === false) {
    return new AudioError('offline', `You appear to be offline, so the ${what} "${name}" cannot load. It will work again once you are connected.`, url);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, { method: 'GET', headers: { Range: 'bytes=0-0' }, cache: 'no-store', credentials: 'same-origin', signal: controller.signal });
    } catch (cause) {
      if (controller.signal.aborted) {
        return new AudioError('timeout', `The ${what} "${name}" took too long to answer. Check your connection and try again.`, url, undefined, { cause });
      }
      // A CORS refusal and an unreachable server look the same to fetch; an opaque request tells them apart.
      const reachable = await fetch(url, { method: 'GET', mode: 'no-cors', cache: 'no-store', signal: controller.signal }).then(() => true, () => false);
      controller.abort();
      if (reachable) {
        return new AudioError('cors', `The server holding the ${what} "${name}" does not allow this page to load it (cross-origin rules). The site owner needs to allow it.`, url, undefined, { cause });
      }
      return new AudioError('network', `The ${what} "${name}" could not be reached: the server did not answer. Check your connection and try again.`, url, undefined, { cause });
    }
    controller.abort();
    if (response.status === 404 || response.status === 410) {
      return new AudioError('not-found', `The ${what} "${name}" was not found (${response.status}). The link may be out of date.`, url, response.status);
    }
    if (!response.ok) {
      return new AudioError('http-status', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for the ${what} "${name}". Try again in a little while.`, url, response.status);
    }
    return new AudioError('unsupported', `The ${what} "${name}" arrived but this browser cannot play it (unsupported format or a damaged file).`, url, response.status);
  } finally {
    clearTimeout(timer);
  }
}
