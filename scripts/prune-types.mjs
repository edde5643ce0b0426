// After `tsc -p tsconfig.build.json`: removes from dist/lib every .d.ts that no entry of
// package.json "exports" reaches through its imports. tsc writes one per source module, but a
// private member's type is not written, so most internal modules' declarations are never read;
// leaving them out keeps the package small (issue 15). check-pack compiles consumers against
// the packed types with skipLibCheck off, which fails if a needed declaration went missing.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const lib = resolve('dist/lib');
const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const declarations = walk(lib).filter((f) => f.endsWith('.d.ts'));

const entries = [];
for (const target of Object.values(JSON.parse(readFileSync('package.json', 'utf8')).exports)) {
  const types = typeof target === 'object' ? target.types : undefined;
  if (!types?.startsWith('./dist/lib/')) continue;
  const file = resolve(types);
  if (!file.includes('*')) entries.push(file);
  else {
    // "./react/*": every declaration in that folder is an entry.
    const [before, after] = file.split('*');
    entries.push(...declarations.filter((f) => f.startsWith(before) && f.endsWith(after) && !f.slice(before.length).includes('/')));
  }
}
const missing = entries.filter((f) => !existsSync(f));
if (missing.length) throw new Error(`prune-types: exports name declarations tsc did not write: ${missing.join(', ')}`);

const reached = new Set();
const stack = [...entries];
while (stack.length) {
  const file = stack.pop();
  if (reached.has(file)) continue;
  reached.add(file);
  // import … from './x.js', export … from './x.js', import('./x.js'), import './x.js'
  // Comments are left out: a doc comment may show an import as an example (registerLocale's does).
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.d.ts'));
    if (!existsSync(target)) throw new Error(`prune-types: ${file} imports ${spec}, which has no declaration`);
    stack.push(target);
  }
}
let removed = 0;
let bytes = 0;
for (const file of declarations.filter((f) => !reached.has(f))) {
  bytes += statSync(file).size;
  rmSync(file);
  removed += 1;
}

// In those kept, what only this repository reads: the doc comment of a private member (no code
// outside the class can reach it, and no editor shows it there), and the lines of an element's
// JSDoc header that feed custom-elements.json (@csspart, @cssprop, @slot, @fires and the text that
// continues them): the manifest, the editor data and the framework typings in the package carry
// those, each where its tool reads it. The header's description and @summary stay for TypeScript.
const MANIFEST_TAG = /^\s*\* @(csspart|cssprop|cssproperty|slot|fires|event)\b/;
const trimHeader = (comment) => {
  const kept = [];
  let inTag = false;
  for (const line of comment.split('\n')) {
    if (/^\s*\* @/.test(line) || /^\s*\*\/$/.test(line)) inTag = MANIFEST_TAG.test(line);
    if (!inTag) kept.push(line);
  }
  // No empty line left before the close.
  while (kept.length > 2 && /^\s*\*$/.test(kept.at(-2))) kept.splice(-2, 1);
  return kept.join('\n');
};
let trimmed = 0;
for (const file of reached) {
  const text = readFileSync(file, 'utf8');
  const out = text
    .replace(/\n[ \t]*\/\*\*(?:(?!\*\/)[\s\S])*\*\/(?=\n[ \t]*private )/g, '')
    .replace(/\/\*\*(?:(?!\*\/)[\s\S])*\*\//g, (comment) => (comment.split('\n').some((l) => MANIFEST_TAG.test(l)) ? trimHeader(comment) : comment))
    // tsc indents with four spaces; a tab per level reads the same in an editor and is a quarter of the bytes.
    .replace(/^(?: {4})+/gm, (indent) => '\t'.repeat(indent.length / 4));
  if (out === text) continue;
  trimmed += Buffer.byteLength(text) - Buffer.byteLength(out);
  writeFileSync(file, out);
}
console.log(
  `prune-types: kept ${reached.size} declarations reachable from the exports, removed ${removed} (${bytes} B); ` +
    `left out private members' comments and the manifest's tags from the kept ones, indented with tabs (${trimmed} B)`,
);
