// Prints min, gzip and brotli sizes of the CDN entry, each lazily loaded chunk and each library
// entry, then what a page downloads: the entry plus every chunk its elements' loaders import,
// followed through static imports (what arrives before a week opens or play is pressed). Fails
// when a budget in size-budget.json is exceeded, when a page's chunks arrive in a waterfall
// (one chunk requested only after another has arrived), or howler, the lock's crypto, the backup
// code or the validator reaches an eagerly loaded file.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const cdnDir = process.env.CK_CDN_DIR ?? 'dist/cdn';
const libDir = 'dist/lib';
const ENTRY = 'compassion-kit.js';
if (!existsSync(join(cdnDir, ENTRY))) {
  console.error(`size: ${cdnDir}/${ENTRY} is missing; run \`npm run build:cdn\` first.`);
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
const header = (title) => console.log(`${title.padEnd(58)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
const sum = (rows) => rows.reduce((a, r) => ({ min: a.min + r.min, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { min: 0, gzip: 0, brotli: 0 });

const files = readdirSync(cdnDir).filter((f) => f.endsWith('.js'));
const sizes = new Map(files.map((f) => [f, measure(join(cdnDir, f))]));
const chunkName = (f) => /^compassion-kit-(.+)-[\w-]{8}\.js$/.exec(f)?.[1] ?? f;

// --- the import graph of the CDN build, read from the files themselves ---------------------------
const walk = (node, visit, parents = []) => {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parents);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof child.type === 'string') walk(child, visit, [...parents, node]);
    }
  }
};
const local = (from, specifier) => (specifier.startsWith('./') ? posix.join(posix.dirname(from), specifier) : null);
const graph = new Map(
  files.map((f) => {
    const ast = parseAst(readFileSync(join(cdnDir, f), 'utf8'));
    const imports = { static: new Set(), dynamic: [] };
    walk(ast, (node, parents) => {
      const source = node.source?.type === 'Literal' && typeof node.source.value === 'string' ? local(f, node.source.value) : null;
      if (!source) return;
      if (node.type === 'ImportExpression') imports.dynamic.push({ file: source, parents });
      else if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type)) imports.static.add(source);
    });
    return [f, imports];
  }),
);
const withStaticImports = (roots) => {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    if (!graph.has(f)) throw new Error(`size: ${f} is imported but not in ${cdnDir}`);
    seen.add(f);
    for (const dep of graph.get(f).static) visit(dep);
  };
  roots.forEach(visit);
  return seen;
};

// Which chunks each tag's loader imports: the import() calls inside the entry's property keyed by
// that tag (src/cdn.ts LOADERS). Every other import() in the entry (the provider and the core it
// sits in) runs for any tag, so every page downloads it.
const TAGS = ['compassion-course', 'meditation-player', 'reflection-journal', 'practice-log'];
const loaderImports = Object.fromEntries(TAGS.map((t) => [t, []]));
const everyPage = [];
for (const { file, parents } of graph.get(ENTRY).dynamic) {
  const owner = parents.findLast((p) => p.type === 'Property' && TAGS.includes(p.key?.value ?? p.key?.name));
  if (owner) loaderImports[owner.key.value ?? owner.key.name].push(file);
  else everyPage.push(file);
}
for (const tag of TAGS) {
  if (loaderImports[tag].length === 0) {
    console.error(`size: found no import() for <${tag}> in ${ENTRY}; src/cdn.ts must keep a loader keyed by the tag.`);
    process.exit(1);
  }
}

// --- per file -------------------------------------------------------------------------------------
const entry = sizes.get(ENTRY);
const chunks = files.filter((f) => f !== ENTRY).map((f) => ({ file: f, name: chunkName(f), ...sizes.get(f) }));
const howler = chunks.filter((c) => c.name === 'howler');
const eager = chunks.filter((c) => c.name !== 'howler');

header(`CDN build (${cdnDir})`);
line(`entry: ${ENTRY} (what the script tag loads)`, entry);
for (const c of eager) line(`  chunk ${c.name}${c.name === 'core' ? ' (lit, idb, SDK, provider)' : ''}`, c);
for (const c of howler) line(`  chunk howler (first play only)`, c);

if (existsSync(libDir)) {
  console.log('');
  header('npm library (dist/lib), module alone');
  const elements = existsSync(join(libDir, 'elements')) ? readdirSync(join(libDir, 'elements')).filter((d) => existsSync(join(libDir, 'elements', d, 'define.js'))) : [];
  for (const e of ['index.js', 'define.js', 'sdk/index.js', ...elements.map((d) => `elements/${d}/define.js`)]) {
    if (existsSync(join(libDir, e))) line(e, measure(join(libDir, e)));
  }
}

// --- per page -------------------------------------------------------------------------------------
console.log('');
header('page totals: entry + chunks it needs (static imports)');
// Waves: the entry's import() calls request their chunks at once (wave 1); a chunk that only a
// static import in one of those names is requested once that one has arrived (wave 2, a waterfall).
// This sees the build's graph only; that src/cdn.ts starts the imports at once, rather than one
// after another at run time, is tested in test/cdn.test.ts.
const waves = (requested) => {
  const result = [new Set(requested)];
  const seen = new Set([ENTRY, ...requested]);
  for (;;) {
    const next = new Set([...result.at(-1)].flatMap((f) => [...graph.get(f).static]).filter((f) => !seen.has(f)));
    if (next.size === 0) return result;
    next.forEach((f) => seen.add(f));
    result.push(next);
  }
};
const pages = Object.entries(budget.pages).map(([label, page]) => {
  const requested = [...everyPage, ...page.tags.flatMap((t) => loaderImports[t])];
  const needed = withStaticImports([ENTRY, ...requested]);
  const total = sum([...needed].map((f) => sizes.get(f)));
  line(label, total);
  const byWave = waves(requested);
  console.log(`    entry, then ${byWave.map((w) => [...w].map(chunkName).join(' + ')).join(', then ')}`);
  return { label, page, total, needed, waves: byWave.length };
});

const eagerText = [...new Set(pages.flatMap((p) => [...p.needed]))].map((f) => readFileSync(join(cdnDir, f), 'utf8')).join('\n');
const howlerEager = /HowlerGlobal|_howls/.test(eagerText);
const checks = [
  [`CDN entry gzip ${entry.gzip} B`, entry.gzip <= budget.cdnEntryGzip, `budget ${budget.cdnEntryGzip} B`],
  ...pages.map(({ label, page, total }) => [
    `${label}: gzip ${total.gzip} B`,
    total.gzip <= page.budget,
    `budget ${page.budget} B, target ${page.target} B${total.gzip <= page.target ? ', target met' : `, ${total.gzip - page.target} B above target`}`,
  ]),
  ...pages.map(({ label, waves }) => [
    `${label}: chunks requested in ${waves} wave${waves === 1 ? '' : 's'} after the entry`,
    waves === 1,
    'must be 1: a chunk named only inside another chunk waits for it; load it from the element\'s loader in src/cdn.ts or hint it with modulepreload',
  ]),
  ['howler outside every file a page loads before play', !howlerEager && howler.length === 1, 'it must load on first play only'],
  // Code most pages never run stays out of every page's first download (docs/architecture.md, "What loads when").
  ...[
    ['the lock\'s key handling (PBKDF2, AES-GCM)', /\b(deriveKey|unwrapKey|wrapKey)\(/, 'it loads when a lock record exists or the lock is used (src/sdk/crypto/lock-crypto.ts)'],
    ['the backup reader and import planner', /importing your backup/, 'it loads on the first program.backup call (src/sdk/store/backup-run.ts)'],
    ['the program validator', /did you mean "/, 'it loads with the program file (src/sdk/content/parse.ts)'],
    ['the in-memory store', /padStart\(20,\s*["']0["']\)/, 'it loads only when a page keeps its records in memory (src/sdk/store/memory-backend.ts)'],
  ].map(([what, marker, when]) => [`${what} outside every file a page loads first`, !marker.test(eagerText), when]),
];
console.log('');
for (const [what, ok, limit] of checks) console.log(`${ok ? 'ok  ' : 'OVER'} ${what} (${limit})`);
if (checks.some(([, ok]) => !ok)) {
  console.error('size: over budget.');
  process.exit(1);
}
