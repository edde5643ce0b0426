import { ProgramError } from '../errors.js';
import { PROGRAM_LIMITS } from './limits.js';
import type { Program } from './types.js';
import { validateProgram, type ValidationResult } from './validate.js';

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
  const { timeoutMs = 15000, maxBytes = PROGRAM_LIMITS.fileBytes } = options;
  const absolute = new URL(url, globalThis.location?.href).href;
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
      throw new ProgramError('network', `The program file ${shown} could not be fetched (offline, blocked by CORS, or the server is unreachable).`, [], { cause, url: absolute });
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
  const result = parseProgram(text, absolute);
  return { ...result, url: absolute };
}

/** Parses program JSON text and validates it; JSON syntax errors name the line and column. */
export function parseProgram(text: string, source = 'the program'): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    if (cause instanceof RangeError) {
      // An engine that parses recursively runs out of stack on a very deeply nested document.
      throw new ProgramError('program-too-deep', `${shortUrl(source)} is nested too deeply to read (${cause.message}); a program needs about 6 levels. The file may be generated wrongly or damaged.`, [{ path: '', message: 'is nested too deeply to read', severity: 'error' }], { cause });
    }
    // The engine's message may quote the text around the mistake; keep it short.
    const message = clipText((cause as Error).message, 200);
    const position = Number(/position (\d+)/.exec((cause as Error).message)?.[1]);
    let where = '';
    if (Number.isFinite(position)) {
      const before = text.slice(0, position).split('\n');
      where = ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
    }
    throw new ProgramError('invalid-json', `${shortUrl(source)} is not valid JSON${where}: ${message}`, [{ path: '', message: `not valid JSON${where}`, severity: 'error' }], { cause });
  }
  try {
    return validateProgram(data);
  } catch (e) {
    if (e instanceof ProgramError && source !== 'the program') {
      throw new ProgramError(e.code, e.message.replace('The program', `The program ${shortUrl(source)}`), e.issues, { url: source });
    }
    throw e;
  }
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

/** A URL as messages show it: a data: or very long URL is cut, so a message stays readable. */
function shortUrl(url: string): string {
  return clipText(url, 200);
}

function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters)`;
}

export type { Program };
