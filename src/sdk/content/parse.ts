import { ProgramError, type ProgramIssue } from '../errors.js';
import { findJsonSyntaxProblem } from './json-syntax.js';
import { clipText, shortUrl } from './short-url.js';
import { validateProgram, type ValidationResult } from './validate.js';

// One lazy chunk for everything that checks a program (see load.ts): parsing, the validator, its schema and limits.
export { validateProgram };

/** Parses program JSON text and validates it; JSON syntax errors name the line and column. */
export function parseProgram(text: string, source = 'the program'): ValidationResult {
  // `source` is the file's URL, or words such as "the inline program" when there is no file.
  const isUrl = /^[a-z][\w+.-]*:/i.test(source);
  const named = isUrl ? shortUrl(source) : source.charAt(0).toUpperCase() + source.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    if (cause instanceof RangeError) {
      // An engine that parses recursively runs out of stack on a very deeply nested document.
      throw new ProgramError('program-too-deep', `${named} is nested too deeply to read (${cause.message}); a program needs about 6 levels. The file may be generated wrongly or damaged.`, [{ path: '', message: 'is nested too deeply to read', severity: 'error' }], { cause });
    }
    // Our own scan names the line, the column and what is wrong there (the engine's message does
    // not always, e.g. for a comma after the last item); the engine's words are the fallback.
    const found = findJsonSyntaxProblem(text);
    const where = found ? ` at line ${found.line}, column ${found.column}` : '';
    const what = found ? found.problem : clipText((cause as Error).message, 200);
    throw new ProgramError('invalid-json', `${named} is not valid JSON${where}: ${what}.`, [{ path: '', message: `not valid JSON${where}: ${what}`, severity: 'error' }], { cause });
  }
  try {
    return validateProgram(data);
  } catch (e) {
    if (e instanceof ProgramError && source !== 'the program') {
      throw new ProgramError(e.code, e.message.replace('The program', isUrl ? `The program ${named}` : named), e.issues, isUrl ? { url: source } : {});
    }
    throw e;
  }
}

const warned = new Set<string>();

/**
 * Tells the program's author, once per page, what the validator ignored (unknown fields, with a
 * "did you mean" where one is close): the program works, but those parts will not show.
 */
export function logWarnings(loaded: { readonly id: string; readonly url: string | undefined; readonly warnings: readonly ProgramIssue[] }): void {
  const key = `${loaded.url ?? ''}\n${loaded.id}`;
  if (!loaded.warnings.length || warned.has(key)) return;
  warned.add(key);
  const count = loaded.warnings.length;
  console.warn(
    `compassion-kit: the program "${loaded.id}"${loaded.url ? ` (${shortUrl(loaded.url)})` : ''} loaded with ${count} warning${count === 1 ? '' : 's'}; it works, but these parts are ignored:\n${loaded.warnings.map((w) => `  ${w.path || '(whole file)'}: ${w.message}`).join('\n')}`,
  );
}
