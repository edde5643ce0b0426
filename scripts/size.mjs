// Prints min, gzip and brotli sizes of the CDN entry, its lazy chunks and each library entry,
// and fails when the CDN entry is over budget (size-budget.json).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const cdnDir = 'dist/cdn';
const libDir = 'dist/lib';
if (!existsSync(join(cdnDir, 'compassion-kit.js'))) {
  console.error('size: dist/cdn/compassion-kit.js is missing; run `npm run build` first.');
  process.exit(1);
}

const measure = (file) => {
  const buf = readFileSync(file);
  return {
    min: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const rows = [];
const add = (label, file) => rows.push({ label, ...measure(file) });

add('CDN entry (compassion-kit.js)', join(cdnDir, 'compassion-kit.js'));
for (const f of readdirSync(cdnDir).filter((f) => f.endsWith('.js') && f !== 'compassion-kit.js')) {
  const text = readFileSync(join(cdnDir, f), 'utf8');
  const isHowler = /howler/i.test(f) || /Howler|_howls/.test(text);
  add(`  lazy chunk ${f}${isHowler ? ' (audio: howler)' : ''}`, join(cdnDir, f));
}
if (existsSync(libDir)) {
  for (const entry of ['index.js', 'define.js', 'sdk/index.js', ...readdirSync(join(libDir, 'elements')).filter((d) => existsSync(join(libDir, 'elements', d, 'define.js'))).map((d) => `elements/${d}/define.js`)]) {
    const file = join(libDir, entry);
    if (existsSync(file)) add(`lib ${entry} (module only)`, file);
  }
}

const entryText = readFileSync(join(cdnDir, 'compassion-kit.js'), 'utf8');
const howlerInEntry = /_howls|HowlerGlobal/.test(entryText);

console.log(`${'file'.padEnd(64)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const r of rows) console.log(`${r.label.padEnd(64)}${kb(r.min)}${kb(r.gzip)}${kb(r.brotli)}`);
const entry = rows[0];
console.log(`\nCDN entry gzip: ${entry.gzip} bytes; budget ${budget.cdnEntryGzip} bytes (${((entry.gzip / budget.cdnEntryGzip) * 100).toFixed(0)}%).`);
console.log(`howler in the CDN entry: ${howlerInEntry ? 'YES (it must load lazily)' : 'no (loaded on first play)'}`);
if (entry.gzip > budget.cdnEntryGzip || howlerInEntry) {
  console.error('size: over budget.');
  process.exit(1);
}
