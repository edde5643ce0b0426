/**
 * Where a JSON text first breaks the grammar, and how, for a message a program's author can act
 * on. Used only after `JSON.parse` has refused the text: the engine's own message does not always
 * give a position (Chromium's "Unexpected token ']'" for a trailing comma gives none).
 */
export interface JsonSyntaxProblem {
  /** Offset of the offending character (the text's length when it ends too soon). */
  offset: number;
  line: number;
  column: number;
  /** What is wrong there, in plain words. */
  problem: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORDS = ['true', 'false', 'null'];

/** Scans `text` without recursion (a deeply nested file cannot exhaust the stack) and returns the first problem, if any. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
  let justOpened = false;
  const open: string[] = [];
  const at = (offset: number, problem: string): JsonSyntaxProblem => {
    const before = text.slice(0, offset).split('\n');
    return { offset, line: before.length, column: before.at(-1)!.length + 1, problem };
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const found = (offset: number) => (offset >= text.length ? 'the end of the file' : `"${text[offset]}"`);
  // Returns a problem, or undefined with `i` just after the string.
  const readString = (): JsonSyntaxProblem | undefined => {
    const start = i++;
    for (;;) {
      if (i >= text.length) return at(start, 'a string that never ends (a missing closing quote)');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !e || !'"\\/bfnrt'.includes(e)) return at(i, 'a backslash that does not start a valid escape');
        i += e === 'u' ? 6 : 2;
        continue;
      }
      if (c < ' ') return at(i, c === '\n' ? 'a line break inside a string (write \\n instead)' : 'a control character inside a string');
      i++;
    }
  };
  // Reads one value; `i` ends just after it (or after the opening bracket of an object or list).
  const readValue = (): JsonSyntaxProblem | undefined => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      open.push(c);
      i++;
      justOpened = true;
      return undefined;
    }
    if (c === '"') return readString();
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return undefined;
    }
    const word = WORDS.find((w) => text.startsWith(w, i));
    if (word) {
      i += word.length;
      return undefined;
    }
    if (c === "'") return at(i, 'a single quote: JSON strings use double quotes');
    return at(i, `${found(i)} where a value was expected`);
  };
  const readKey = (): JsonSyntaxProblem | undefined => {
    skipSpace();
    if (text[i] !== '"') return at(i, text[i] === "'" ? 'a single quote: names use double quotes' : `${found(i)} where a quoted name was expected`);
    const problem = readString();
    if (problem) return problem;
    skipSpace();
    if (text[i] !== ':') return at(i, `${found(i)} where ":" was expected after a name`);
    i++;
    return undefined;
  };

  let problem = readValue();
  while (!problem) {
    skipSpace();
    const top = open.at(-1);
    if (!top) {
      if (i < text.length) problem = at(i, `${found(i)} after the end of the document`);
      break;
    }
    const close = top === '{' ? '}' : ']';
    if (text[i] === close) {
      open.pop();
      i++;
      justOpened = false;
      continue;
    }
    if (justOpened) {
      // The first item of an object or list.
      justOpened = false;
    } else if (text[i] !== ',') {
      problem = at(i, `${found(i)} where "," or "${close}" was expected`);
      break;
    } else {
      const comma = i++;
      skipSpace();
      if (text[i] === close) {
        problem = at(comma, `a comma before "${close}": JSON allows no comma after the last item`);
        break;
      }
    }
    problem = top === '{' ? (readKey() ?? readValue()) : readValue();
  }
  return problem;
}
