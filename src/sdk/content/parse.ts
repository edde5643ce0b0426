import { ProgramError } from '../errors.js';
import { clipText, shortUrl } from './short-url.js';
import { validateProgram, type ValidationResult } from './validate.js';

// One lazy chunk for everything that checks a program (see load.ts): parsing, the validator, its schema and limits.
export { validateProgram };

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
