import { AudioError } from './errors.js';

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
