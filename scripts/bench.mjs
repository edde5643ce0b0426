#!/usr/bin/env node
// `npm run bench`: a benchmark, not a test. Serves bench/ to headless Chromium, times the journal's
// SDK and element on 10,000 entries against plain idb calls, and prints medians and ratios.
// Options: --entries=10000 --singles=300 --runs=3
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const entries = arg('entries', 10_000);
const singles = arg('singles', 300);
const runs = Math.max(1, arg('runs', 3));

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
    if (path === '/bench.js') {
      res.writeHead(200, { 'content-type': types['.js'] });
      res.end(script);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'bench/index.html' : path));
    if (!file.startsWith(join(root, 'bench') + sep) && !file.startsWith(join(root, 'content') + sep)) throw new Error('outside');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await puppeteer.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
const version = await browser.version();
const samples = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => m.type() === 'warn' && console.warn('page:', m.text()));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.runBench === 'function');
    samples.push(await page.evaluate((n, s) => window.runBench(n, s), entries, singles));
    await page.close();
    process.stderr.write(`run ${i + 1} of ${runs} done\n`);
  }
} finally {
  await browser.close();
  server.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (v) => (v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const rows = Object.keys(samples[0]).map((name) => {
  const sdk = median(samples.map((r) => r[name].sdk));
  const base = samples[0][name].baseline === undefined ? undefined : median(samples.map((r) => r[name].baseline));
  return [name, ms(sdk), ms(base), base === undefined ? '—' : `${(sdk / base).toFixed(2)}×`];
});
const head = ['operation', 'SDK / element (ms)', 'plain idb (ms)', 'ratio'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
console.log(`\ncompassion-kit journal benchmark: ${entries.toLocaleString('en')} entries, ${version}, median of ${runs} run${runs > 1 ? 's' : ''}\n`);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('   '));
for (const r of rows) console.log(line(r));
console.log('\nratio = SDK time / plain idb time (below 1 means the SDK is faster). The baseline does no validation, revisions, conflict checks, accent folding or encryption.');
