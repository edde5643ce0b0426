/** Every cache compassion-kit writes is named `compassion-kit:<program id>`. */
export const CACHE_PREFIX = 'compassion-kit:';

/**
 * A copy of `url` kept on this device for offline practice (in any program's cache), or
 * undefined. Never throws: where Cache Storage is missing or refused, there is simply no copy.
 * The program loader and the transcript use it when the network fails.
 */
export async function keptResponse(url: string): Promise<Response | undefined> {
  try {
    if (typeof caches === 'undefined') return undefined;
    for (const name of await caches.keys()) {
      if (!name.startsWith(CACHE_PREFIX)) continue;
      const found = await (await caches.open(name)).match(url);
      if (found) return found;
    }
  } catch {
    // Cache Storage refused (an opaque origin, a blocked site): no copy.
  }
  return undefined;
}
