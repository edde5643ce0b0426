import { ProgramError } from '../errors.js';
import { PROGRAM_FILE_BYTES } from './file-limit.js';
import { shortUrl } from './short-url.js';
import type { Program } from './types.js';
import type { ValidationResult } from './validate.js';

// The validator (with the schema and limits it reads) is a lazy chunk: loadProgram requests it
// together with the program file, not before it, and nothing renders until it has run.
const loadParser = () => import('./parse.js');

export interface LoadProgramOptions {
  /** Give up after this many milliseconds (default 15 000). */
  timeoutMs?: number;
  /** Refuse files larger than this many bytes (default `PROGRAM_LIMITS.fileBytes`, 2 MB). The body is measured as it arrives and the download stopped at the limit. */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface LoadedProgram extends ValidationResult {
  /** The absolute URL the program came from; relative URLs in it resolve against this. */
  url: string;
}

/**
 * Fetches, parses and validates a program file. Each failure has its own `ProgramError` code:
 * `network`, `timeout`, `http-status`, `wrong-content-type`, `too-large`, `invalid-json`,
 * `program-too-deep`, `invalid-program`.
 */
export async function loadProgram(url: string | URL, options: LoadProgramOptions = {}): Promise<LoadedProgram> {
  const { timeoutMs = 15000, maxBytes = PROGRAM_FILE_BYTES } = options;
  const absolute = new URL(url, globalThis.location?.href).href;
  const parser = loadParser();
  // A failed fetch is the error to report; the parser's own failure, if any, surfaces when awaited.
  parser.catch(() => undefined);
  const shown = shortUrl(absolute);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  options.signal?.addEventListener('abort', () => controller.abort(options.signal?.reason), { once: true });
  let text: string;
  try {
    let response: Response;
    try {
      response = await fetch(absolute, { signal: controller.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch (cause) {
      if (controller.signal.aborted && (controller.signal.reason as DOMException | undefined)?.name === 'TimeoutError') {
        throw new ProgramError('timeout', `The program file ${shown} did not arrive within ${Math.round(timeoutMs / 1000)} seconds.`, [], { cause, url: absolute });
      }
      // A copy kept for offline practice stands in (it is validated like the file).
      const kept = await import('../offline/kept-match.js').then((m) => m.keptResponse(absolute));
      if (!kept) throw new ProgramError('network', `The program file ${shown} could not be fetched (offline, blocked by CORS, or the server is unreachable).`, [], { cause, url: absolute });
      response = kept;
    }
    if (!response.ok) {
      throw new ProgramError('http-status', `The program file ${shown} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`, [], { url: absolute });
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/(^|[/+])json\b/i.test(type)) {
      throw new ProgramError('wrong-content-type', `The program file ${shown} was served as "${type || 'no content type'}", not JSON: check the URL (an HTML error page is a common cause) and serve it as application/json.`, [], { url: absolute });
    }
    // A declared length over the limit is refused before a byte is read.
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw tooLarge(absolute, `is ${mb(declared)}; the limit is ${mb(maxBytes)}`);
    }
    try {
      text = await readText(response, maxBytes);
    } catch (cause) {
      if (cause === TOO_LARGE) {
        // Cancelling the body stops reading; aborting also closes the connection at once.
        controller.abort();
        throw tooLarge(absolute, `is over the ${mb(maxBytes)} limit: the download was stopped there`);
      }
      if (controller.signal.aborted) {
        throw new ProgramError('timeout', `The program file ${shown} did not finish arriving within ${Math.round(timeoutMs / 1000)} seconds.`, [], { cause, url: absolute });
      }
      throw new ProgramError('network', `The connection dropped while reading ${shown}.`, [], { cause, url: absolute });
    }
  } finally {
    clearTimeout(timer);
  }
  const { parseProgram, logWarnings } = await parser;
  const result = parseProgram(text, absolute);
  logWarnings({ id: result.program.id, url: absolute, warnings: result.warnings });
  return { ...result, url: absolute };
}

const TOO_LARGE = Symbol('too large');

/**
 * Reads a response body as UTF-8 text, counting bytes as they arrive, and cancels the download
 * (rejecting with TOO_LARGE) as soon as it passes `maxBytes`: a 50 MB file is never held in memory.
 */
async function readText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw TOO_LARGE;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

function tooLarge(url: string, size: string): ProgramError {
  return new ProgramError('too-large', `The program file ${shortUrl(url)} ${size}.`, [], { url });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export type { Program };
