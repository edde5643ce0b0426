#!/usr/bin/env node
// `npm run bench`: a benchmark, not a test (it asserts nothing). Serves bench/ to headless Chromium
// and puts one journal workload through four stores side by side: compassion-kit's journal through
// its public SDK, raw `idb`, Dexie and localForage (bench/stores.ts says what each one does). Entries
// have 150–600 words, some accented. For every size, runs are interleaved (run 1: store A, B, C, D;
// run 2 starts one store later, and so on), and each figure is the median of the runs, with its
// ratio to raw idb. Prints the machine's load before, during and after.
//
// Per store and run: a fresh page imports N entries into an empty database (timed); a new page
// then opens it cold (a fresh JS heap and connection; for the SDK a fresh program instance) and
// times the first page of the 20 newest, measures the JS heap that is still held after it (after a
// forced GC, through the DevTools protocol), searches "cafe" (must find "café") and then "nino",
// and makes 300 sequential durable saves of the newest entry, each with a revision.
//
// Options:
//   --entries=300,10000   journal sizes (comma-separated); --only=300 is the same, for one size
//   --runs=5              runs per size and store (median of these)
//   --saves=300           sequential saves per run
//   --stores=sdk,idb,dexie,localforage   which stores (raw idb is needed for the ratios); add
//                         idbwords for raw idb with a persisted word index (bench/stores.ts)
//   --lock-runs=1         in how many of the runs to time the SDK-only passphrase lock (turn on,
//                         unlock); it takes most of a minute at 10,000 entries. 0 skips it
//   --json=FILE           also write every sample to FILE
// A quick run while working: `npm run bench -- --only=300 --runs=1`.
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const list = (value) => value?.split(',').map((v) => v.trim()).filter(Boolean);
const sizes = (list(option('only')) ?? list(option('entries')) ?? ['300', '10000']).map((v) => Number(v.replace(/_/g, '')));
const runs = Math.max(1, Number(option('runs') ?? 5));
const saves = Math.max(1, Number(option('saves') ?? 300));
const KINDS = ['sdk', 'idb', 'dexie', 'localforage', 'idbwords'];
const NAMES = { sdk: 'compassion-kit', idb: 'raw idb', dexie: 'Dexie', localforage: 'localForage', idbwords: 'idb + word index' };
// idbwords (raw idb with a search index kept in storage) runs only when named in --stores.
const kinds = list(option('stores')) ?? KINDS.filter((k) => k !== 'idbwords');
const lockRuns = kinds.includes('sdk') ? Math.min(runs, Math.max(0, Number(option('lock-runs') ?? 1))) : 0;
const withLock = lockRuns > 0;
const jsonFile = option('json');
for (const k of kinds) if (!KINDS.includes(k)) throw new Error(`unknown store "${k}" (stores: ${KINDS.join(', ')})`);
if (sizes.some((n) => !Number.isInteger(n) || n < 20)) throw new Error('--entries takes whole numbers of at least 20');

const bundle = await build({
  entryPoints: [join(root, 'bench/page.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  target: 'es2022',
  // esbuild must read tsconfig, or Lit's decorators stay in the output.
  tsconfig: join(root, 'tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  logLevel: 'error',
});
const script = bundle.outputFiles[0].text;

const types = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.js': 'text/javascript' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  try {
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (path === '/bench.js') {
      res.writeHead(200, { 'content-type': types['.js'] });
      res.end(script);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'bench/index.html' : path));
    if (!file.startsWith(join(root, 'bench') + sep) && !file.startsWith(join(root, 'packages/default-program') + sep)) throw new Error('outside');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

// The machine's load: others may share it, and a loaded machine slows every store.
const loadBefore = loadavg();
const loadSeen = [];
const sampler = setInterval(() => loadSeen.push(loadavg()[0]), 5000);
const startedAt = Date.now();

const browser = await puppeteer.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS, protocolTimeout: 900_000 });
const version = await browser.version();

/** A new tab on the bench page; closing it closes every connection it opened. */
async function freshPage() {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => (m.type() === 'warn' || m.type() === 'error') && console.warn(`page ${m.type()}:`, m.text()));
  await page.goto(origin);
  await page.waitForFunction(() => typeof window.bench === 'object');
  return page;
}

/** JS heap in use after a full garbage collection. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** samples[size][kind][figure] = numbers, one per run */
const samples = {};
const found = {};
const firstIds = {};
const stamp = Date.now().toString(36);
try {
  for (const size of sizes) {
    samples[size] = Object.fromEntries(kinds.map((k) => [k, {}]));
    for (let run = 0; run < runs; run++) {
      const order = kinds.map((_, i) => kinds[(i + run) % kinds.length]);
      for (const kind of order) {
        const add = (figure, value) => (samples[size][kind][figure] ??= []).push(value);
        const name = `bench-${stamp}-${size}-${run}-${kind}`;

        const seeding = await freshPage();
        await seeding.evaluate((k, n) => window.bench.drop([k], n), kind, name);
        add('import', (await seeding.evaluate((k, n, c) => window.bench.seed(k, n, c), kind, name, size)).ms);
        await seeding.close();

        const page = await freshPage();
        const cdp = await page.createCDPSession();
        await page.evaluate(() => window.bench.prepare());
        const heapBefore = await heapAfterGc(cdp);
        const opened = await page.evaluate((k, n) => window.bench.open(k, n), kind, name);
        add('open', opened.ms);
        add('connect', opened.connectMs);
        add('heap', (await heapAfterGc(cdp)) - heapBefore);
        const first = await page.evaluate(() => window.bench.search('cafe'));
        add('search-first', first.ms);
        const later = await page.evaluate(() => window.bench.search('nino'));
        add('search-later', later.ms);
        add('saves', (await page.evaluate((c) => window.bench.saves(c), saves)).ms);
        if (kind === 'sdk' && run < lockRuns) {
          const lock = await page.evaluate(() => window.bench.lock());
          add('lock-on', lock.on);
          add('unlock', lock.unlock);
          add('search-unlocked', lock.search);
        }
        await page.evaluate(() => window.bench.close());
        await page.close();

        const cleaning = await freshPage();
        await cleaning.evaluate((k, n) => window.bench.drop([k], n), kind, name);
        await cleaning.close();

        // Every store must show the same first page and find the same entries.
        (found[size] ??= {})[kind] = `${first.found}/${later.found}`;
        const ids = opened.ids.join(',');
        firstIds[size] ??= ids;
        if (ids !== firstIds[size]) console.warn(`warning: ${NAMES[kind]} showed a different first page at ${size} entries`);
      }
      process.stderr.write(`${size.toLocaleString('en')} entries: run ${run + 1} of ${runs} done (${Math.round((Date.now() - startedAt) / 1000)} s)\n`);
    }
  }
} finally {
  clearInterval(sampler);
  await browser.close();
  server.close();
}
const loadAfter = loadavg();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const num = (v, digits) => v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const time = (ms) => (ms >= 10_000 ? `${num(ms / 1000, 1)} s` : ms >= 100 ? `${num(ms, 0)} ms` : `${num(ms, 1)} ms`);
const mb = (bytes) => `${num(bytes / 1048576, 1)} MB`;
const n = (size) => size.toLocaleString('en');
const ratio = (r) => `${num(r, r < 1 ? 2 : r < 10 ? 1 : 0)}×`;

const FIGURES = [
  { key: 'open', label: (s) => `${n(s)} entries: open + first page of ${20}`, format: time },
  { key: 'heap', label: (s) => `${n(s)} entries: JS heap held after first page`, format: mb, noRatio: true },
  { key: 'saves', label: (s) => `${saves} sequential durable saves (${n(s)} stored)`, format: time },
  { key: 'import', label: (s) => `bulk import of ${n(s)}`, format: time },
  { key: 'search-first', label: (s) => `search "cafe", first query, ${n(s)}`, format: time },
  { key: 'search-later', label: (s) => `search "nino", a later query, ${n(s)}`, format: time },
];

const rows = [];
for (const figure of FIGURES) {
  for (const size of sizes) {
    const med = Object.fromEntries(kinds.map((k) => [k, median(samples[size][k][figure.key])]));
    const base = med.idb;
    rows.push([
      figure.label(size),
      ...kinds.map((k) => {
        const text = figure.format(med[k]);
        return k === 'idb' || base === undefined || figure.noRatio ? text : `${text} (${ratio(med[k] / base)})`;
      }),
    ]);
  }
}

const table = (head, body) => {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
};
const loads = (l) => l.map((v) => v.toFixed(2)).join(' ');
const minutes = ((Date.now() - startedAt) / 60000).toFixed(1);

console.log(`\ncompassion-kit journal benchmark: ${version}; ${sizes.map(n).join(' and ')} entries of 150–600 words; median of ${runs} interleaved run${runs > 1 ? 's' : ''} per store`);
console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${num(totalmem() / 2 ** 30, 1)} GB; load average (1, 5, 15 min) before ${loads(loadBefore)}, after ${loads(loadAfter)}, highest 1-min during ${loadSeen.length ? Math.max(...loadSeen).toFixed(2) : '—'}; ${minutes} min\n`);
console.log(table(['operation', ...kinds.map((k) => NAMES[k])], rows));
console.log(`\n(×) = median / raw idb's median: below 1 is faster than raw idb. Matches for "cafe"/"nino" per store: ${sizes.map((s) => `${n(s)}: ${kinds.map((k) => `${NAMES[k]} ${found[s][k]}`).join(', ')}`).join('; ')}.`);
const NOTES = {
  sdk: 'compassion-kit: the public SDK as it is (openProgram, journal.load for the first page, journal.query for search, journal.save, backup.import); a save checks the lock and the expected revision and prunes revisions.',
  idb: "raw idb: same stores and indexes, strict durability; first page from a cursor on the updatedAt index; a save = entry put + revision put in one transaction; search scans in getAll batches of 500.",
  dexie: "Dexie 4: same indexes, chromeTransactionDurability 'strict'; first page orderBy('updatedAt').reverse().filter(not deleted).limit(20); a save = both puts in one rw transaction; search = table.filter().",
  localforage: 'localForage: IndexedDB driver, no indexes, no multi-store transactions, default durability; import = one setItem per entry, all at once; first page and search iterate over everything; a save = two setItems.',
  idbwords: "idb + word index: raw idb whose entries also carry their distinct folded words in a multi-entry index, written with the entry (import and every save); search = per query word, the keys of the entries with a word starting with it.",
};
console.log([...kinds.map((k) => NOTES[k]), 'Search folds case and accents with the SDK\'s own fold() in every store. Raw idb, Dexie and localForage scan storage for every query; the SDK keeps an in-memory word index, built by its first query (one pass over storage) and used by later ones.'].join('\n'));

if (kinds.includes('sdk')) {
  const sdkRows = [];
  const lockNote = lockRuns === 1 ? 'one run' : `median of ${lockRuns} runs`;
  for (const size of sizes) {
    const sdk = samples[size].sdk;
    sdkRows.push([`part of "open + first page", ${n(size)}: openProgram until ready`, time(median(sdk.connect))]);
    // The rest is the store's own work: journal.load() reading the first page (to compare with raw idb's whole open + page).
    const page = median(sdk.open.map((ms, i) => ms - sdk.connect[i]));
    const rawOpen = samples[size].idb?.open;
    sdkRows.push([`the rest, ${n(size)}: journal.load() reading the first page`, rawOpen ? `${time(page)} (${ratio(page / median(rawOpen))})` : time(page)]);
    if (!withLock) continue;
    sdkRows.push([`lock on: encrypt ${n(size)} entries + revisions (incl. PBKDF2; ${lockNote})`, time(median(sdk['lock-on']))]);
    sdkRows.push([`unlock: open ${n(size)} entries (incl. PBKDF2; ${lockNote})`, time(median(sdk.unlock))]);
    sdkRows.push([`search "cafe" while unlocked, ${n(size)} (${lockNote})`, time(median(sdk['search-unlocked']))]);
  }
  console.log('\nSDK only, no peer equivalent (medians; the lock is timed after the saves above):\n');
  console.log(table(['operation', 'compassion-kit'], sdkRows));
}

if (jsonFile) {
  await writeFile(jsonFile, JSON.stringify({ version, sizes, runs, saves, loadBefore, loadAfter, loadSeen, samples, found }, null, 1));
  console.log(`\nEvery sample: ${jsonFile}`);
}
