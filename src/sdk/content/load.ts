import { ProgramError } from '../errors.js';
import type { Program } from './types.js';
import { validateProgram, type ValidationResult } from './validate.js';

export interface LoadProgramOptions {
  /** Give up after this many milliseconds (default 15 000). */
  timeoutMs?: number;
  /** Refuse files larger than this many bytes (default 2 MB). */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface LoadedProgram extends ValidationResult {
  /** The absolute URL the program came from; relative URLs in it resolve against this. */
  url: string;
}

/**
 * Fetches, parses and validates a program file. Each failure has its own `ProgramError` code:
 * `network`, `timeout`, `http-status`, `wrong-content-type`, `too-large`, `invalid-json`, `invalid-program`.
 */
export async function loadProgram(url: string | URL, options: LoadProgramOptions = {}): Promise<LoadedProgram> {
  const { timeoutMs = 15000, maxBytes = 2 * 1024 * 1024 } = options;
  const absolute = new URL(url, globalThis.location?.href).href;
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
        throw new ProgramError('timeout', `The program file ${absolute} did not arrive within ${Math.round(timeoutMs / 1000)} seconds.`, [], { cause, url: absolute });
      }
      throw new ProgramError('network', `The program file ${absolute} could not be fetched (offline, blocked by CORS, or the server is unreachable).`, [], { cause, url: absolute });
    }
    if (!response.ok) {
      throw new ProgramError('http-status', `The program file ${absolute} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`, [], { url: absolute });
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/(^|[/+])json\b/i.test(type)) {
      throw new ProgramError('wrong-content-type', `The program file ${absolute} was served as "${type || 'no content type'}", not JSON: check the URL (an HTML error page is a common cause) and serve it as application/json.`, [], { url: absolute });
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) throw tooLarge(absolute, declared, maxBytes);
    try {
      text = await response.text();
    } catch (cause) {
      if (controller.signal.aborted) {
        throw new ProgramError('timeout', `The program file ${absolute} did not finish arriving within ${Math.round(timeoutMs / 1000)} seconds.`, [], { cause, url: absolute });
      }
      throw new ProgramError('network', `The connection dropped while reading ${absolute}.`, [], { cause, url: absolute });
    }
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > maxBytes) throw tooLarge(absolute, bytes, maxBytes);
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
    const message = (cause as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1]);
    let where = '';
    if (Number.isFinite(position)) {
      const before = text.slice(0, position).split('\n');
      where = ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
    }
    throw new ProgramError('invalid-json', `${source} is not valid JSON${where}: ${message}`, [{ path: '', message: `not valid JSON${where}`, severity: 'error' }], { cause });
  }
  try {
    return validateProgram(data);
  } catch (e) {
    if (e instanceof ProgramError && source !== 'the program') {
      throw new ProgramError(e.code, e.message.replace('The program', `The program ${source}`), e.issues, { url: source });
    }
    throw e;
  }
}

function tooLarge(url: string, bytes: number, max: number): ProgramError {
  return new ProgramError('too-large', `The program file ${url} is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${(max / 1024 / 1024).toFixed(1)} MB.`, [], { url });
}

export type { Program };
