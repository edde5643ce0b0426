// Prints min, gzip and brotli sizes of the CDN entry, each lazily loaded chunk and each library
// entry, and fails when a budget in size-budget.json is exceeded or howler reaches the entry.
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
const line = (label, r) => console.log(`${label.padEnd(58)}${kb(r.min)}${kb(r.gzip)}${kb(r.brotli)}`);
const sum = (rows) => rows.reduce((a, r) => ({ min: a.min + r.min, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { min: 0, gzip: 0, brotli: 0 });

const entry = measure(join(cdnDir, 'compassion-kit.js'));
const chunks = readdirSync(cdnDir)
  .filter((f) => f.endsWith('.js') && f !== 'compassion-kit.js')
  .map((f) => ({ file: f, name: /^compassion-kit-(.+)-[\w-]{8}\.js$/.exec(f)?.[1] ?? f, ...measure(join(cdnDir, f)) }));
const howler = chunks.filter((c) => c.name === 'howler');
const eager = chunks.filter((c) => c.name !== 'howler');

console.log(`${'CDN build (dist/cdn)'.padEnd(58)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
line('entry: compassion-kit.js (what the script tag loads)', entry);
for (const c of eager) line(`  chunk ${c.name}${c.name === 'core' ? ' (lit, idb, SDK, provider)' : ''}`, c);
for (const c of howler) line(`  chunk howler (first play only)`, c);
const page = sum([entry, ...eager]);
line('page with all three elements (everything but howler)', page);

if (existsSync(libDir)) {
  console.log(`\n${'npm library (dist/lib), module alone'.padEnd(58)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  const elements = existsSync(join(libDir, 'elements')) ? readdirSync(join(libDir, 'elements')).filter((d) => existsSync(join(libDir, 'elements', d, 'define.js'))) : [];
  for (const e of ['index.js', 'define.js', 'sdk/index.js', ...elements.map((d) => `elements/${d}/define.js`)]) {
    if (existsSync(join(libDir, e))) line(e, measure(join(libDir, e)));
  }
}

const entryText = readFileSync(join(cdnDir, 'compassion-kit.js'), 'utf8');
const coreText = eager.map((c) => readFileSync(join(cdnDir, c.file), 'utf8')).join('\n');
const howlerEager = /HowlerGlobal|_howls/.test(entryText + coreText);
const checks = [
  [`CDN entry gzip ${entry.gzip} B`, entry.gzip <= budget.cdnEntryGzip, `budget ${budget.cdnEntryGzip} B`],
  [`page with all elements gzip ${page.gzip} B`, page.gzip <= budget.allElementsGzip, `budget ${budget.allElementsGzip} B`],
  ['howler outside every eagerly loaded file', !howlerEager && howler.length === 1, 'it must load on first play only'],
];
console.log('');
for (const [what, ok, limit] of checks) console.log(`${ok ? 'ok  ' : 'OVER'} ${what} (${limit})`);
if (checks.some(([, ok]) => !ok)) {
  console.error('size: over budget.');
  process.exit(1);
}
