import { keptResponse } from '../offline/kept-match.js';
import { diagnoseFetch, fileName } from './diagnose.js';
import { AudioError } from './errors.js';
import { parseWebVtt, type VttCue } from './webvtt.js';

/**
 * Fetches and parses a WebVTT transcript. Rejects with an `AudioError` saying what went wrong:
 * `not-found` (404), `http-status`, `offline`, `network`, `cors`, `timeout`, `invalid-transcript`.
 */
export async function loadTranscript(url: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<VttCue[]> {
  const { timeoutMs = 15000 } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  let text: string;
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin', headers: { Accept: 'text/vtt, text/plain;q=0.5' } });
    if (!response.ok) throw await diagnoseFetch(url, 'transcript');
    text = await response.text();
  } catch (cause) {
    if (cause instanceof AudioError) throw cause;
    if (options.signal?.aborted) throw cause;
    if (controller.signal.aborted) {
      throw new AudioError('timeout', `The transcript "${fileName(url)}" took too long to arrive. Try again.`, url, undefined, { cause });
    }
    // No network: a copy kept on this device for offline practice, if there is one.
    const kept = await keptResponse(url);
    if (!kept) throw await diagnoseFetch(url, 'transcript');
    text = await kept.text();
  } finally {
    clearTimeout(timer);
  }
  return parseWebVtt(text, `The transcript "${fileName(url)}"`);
}
