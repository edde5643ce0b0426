#!/usr/bin/env node
// `npm run test:durability [-- --trials N] [--only a,b] [--verbose]`: kills, closes and navigates
// away from a real Chromium on a persistent profile while a participant writes in
// <reflection-journal>, then checks what was kept (docs/durability.md). Prints a table and exits
// non-zero when an acceptance fails. Needs dist/cdn (built here when missing).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { cleanUpAll, killAllNow } from './durability/browser.mjs';
import { startServer } from './durability/server.mjs';
import { conflict, killAfterSaved, killAfterTyping, leaveTab, lockOn, runTrial, scanControl, spread } from './durability/scenarios.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].split('=').slice(1).join('=') : argv[i + 1];
};
const trials = Math.max(1, Number(option('trials') ?? 5) || 5);
const only = option('only')?.split(',');
const verbose = argv.includes('--verbose');
// Another build to test instead of dist/cdn (e.g. one made from a clean checkout of a commit).
const cdn = option('cdn') ? resolve(option('cdn')) : join(root, 'dist/cdn');
const TRIAL_TIMEOUT_MS = 90_000;

let server;
let stopping = false;
process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (!stopping) {
      // The first Ctrl+C lets the current trial finish and prints the table of what ran.
      stopping = true;
      console.error(`\n${signal}: stopping after this trial (again to stop at once)…`);
      return;
    }
    await cleanUpAll();
    await server?.close();
    process.exit(130);
  });
}

if (!option('cdn') && !existsSync(join(cdn, 'compassion-kit.js'))) {
  console.error('dist/cdn is missing: running npm run build:cdn');
  execSync('npm run build:cdn', { cwd: root, stdio: 'inherit' });
}

/** Each row: a name, how its trials are made, and its acceptance ('zero-loss', 'zero-hits' or 'report'). */
const ROWS = [
  { id: 'kill-saved', name: 'kill after "Saved"', accept: 'zero-loss', make: (o) => () => killAfterSaved(o) },
  ...['new', 'edited'].map((kind) => ({
    id: `close-${kind}`,
    name: `close tab 10-300 ms, ${kind} entry`,
    accept: 'zero-loss',
    make: (o, n) => {
      const d = spread(n, 10, 300);
      return (i) => leaveTab(o, 'close', kind, d[i]);
    },
  })),
  ...['new', 'edited'].map((kind) => ({
    id: `navigate-${kind}`,
    name: `navigate away 10-300 ms, ${kind} entry`,
    note: 'to about:blank and a same-site page, alternately',
    accept: 'zero-loss',
    make: (o, n) => {
      const d = spread(n, 10, 300);
      return (i) => leaveTab(o, 'navigate', kind, d[i], i % 2 ? 'same-site' : 'blank');
    },
  })),
  {
    id: 'kill-typing',
    name: 'kill 0-1000 ms after typing',
    accept: 'report',
    note: 'new and edited entries alternate',
    make: (o, n) => {
      const d = spread(n, 0, 1000);
      return (i) => killAfterTyping(o, i % 2 ? 'edited' : 'new', d[i]);
    },
  },
  {
    id: 'conflict',
    name: 'unresolved conflict, tab closed',
    accept: 'zero-loss',
    make: (o, n) => {
      const d = spread(n, 10, 300);
      return (i) => conflict(o, d[i]);
    },
  },
  {
    id: 'scan-control',
    name: 'scan control: lock off, marker must be found',
    accept: 'control',
    once: true,
    make: (o) => () => scanControl(o),
  },
  {
    id: 'lock',
    name: 'lock on',
    accept: 'zero-hits',
    make: (o, n) => {
      const d = spread(n, 10, 300);
      const hows = ['close', 'navigate', 'kill'];
      return (i) => lockOn(o, hows[i % 3], Math.floor(i / 3) % 2 ? 'edited' : 'new', d[i]);
    },
  },
];

const unknown = only?.filter((id) => !ROWS.some((r) => r.id === id)) ?? [];
if (unknown.length) {
  console.error(`Unknown scenario ${unknown.join(', ')}: choose from ${ROWS.map((r) => r.id).join(', ')}.`);
  process.exit(2);
}
// The scan control goes with the lock-on scan.
const rows = ROWS.filter((r) => !only || only.includes(r.id) || (r.id === 'scan-control' && only.includes('lock')));
server = await startServer(root, cdn);
const started = Date.now();
const results = [];
let commit = '';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
} catch {
  /* not a git checkout */
}
console.error(`compassion-kit durability: ${trials} trial${trials > 1 ? 's' : ''} per scenario, commit ${commit || '?'}, ${server.origin}`);

try {
  for (const row of rows) {
    if (stopping) break;
    const make = row.make(server.origin, trials);
    const outcomes = [];
    const t0 = Date.now();
    for (let i = 0; i < (row.once ? 1 : trials) && !stopping; i++) {
      const t = Date.now();
      let out = await runTrial(make(i), TRIAL_TIMEOUT_MS);
      // A trial whose setup did not come about (not a loss) is set up once more, on a fresh profile.
      if (out.retry) {
        console.error(`  ${row.id} #${i + 1}: ${out.error}; once more`);
        out = await runTrial(make(i), TRIAL_TIMEOUT_MS);
      }
      outcomes.push(out);
      const what = out.error
        ? `ERROR ${out.error}`
        : out.control
          ? `${out.ok ? 'ok' : 'FAILED'}: ${out.note}`
          : `kept ${out.kept}/${out.typed}${out.recovered ? ', recovery line shown' : ''}${out.hits ? `, plaintext hits ${out.hits.length}, disk ${out.disk.length}` : ''}${out.note ? ` (${out.note})` : ''}`;
      console.error(`  ${row.id} #${i + 1}: ${what} [${((Date.now() - t) / 1000).toFixed(1)} s]`);
      if (verbose || out.hits?.length) for (const h of out.hits ?? []) console.error(`      hit: ${h}`);
      if (verbose || out.disk?.length) for (const f of out.disk ?? []) console.error(`      on disk: ${f}`);
    }
    if (outcomes.length) results.push({ row, outcomes, seconds: (Date.now() - t0) / 1000 });
  }
} finally {
  await server.close();
  await cleanUpAll();
}

// ---- The table ----
const table = [];
let passed = 0;
let failed = 0;
for (const { row, outcomes, seconds } of results) {
  const ok = outcomes.filter((o) => !o.error);
  const errors = outcomes.length - ok.length;
  const intact = ok.filter((o) => o.intact).length;
  const lost = ok.map((o) => o.lost);
  const total = lost.reduce((a, b) => a + b, 0);
  const max = lost.length ? Math.max(...lost) : 0;
  const recovered = ok.filter((o) => o.recovered).length;
  const base = [`${intact}/${outcomes.length}`, `${total}/${max}`, `${recovered}`, `${errors}`];
  if (row.accept === 'control') {
    const pass = errors === 0 && ok.every((o) => o.ok);
    if (pass) passed++;
    else failed++;
    table.push([row.name, `${outcomes.length}`, '—', '—', '—', `${errors}`, `${Math.round(seconds)} s`, ok[0]?.note ?? outcomes[0]?.error ?? '', pass ? 'pass' : 'FAIL']);
    continue;
  }
  if (row.accept === 'zero-hits') {
    // One row for plaintext (failing), one for the loss window with the lock on (reported).
    const hits = ok.reduce((a, o) => a + o.hits.length, 0);
    const disk = ok.reduce((a, o) => a + o.disk.length, 0);
    const lostSaved = ok.filter((o) => !o.savedKept).length;
    const pass = errors === 0 && hits === 0 && lostSaved === 0;
    if (pass) passed++;
    else failed++;
    const time = `${Math.round(seconds)} s`;
    table.push(['lock on: plaintext in origin storage + backup', `${outcomes.length}`, '—', '—', '—', `${errors}`, time, `${hits} plaintext hits; profile files with a marker: ${disk}; saved entries lost: ${lostSaved}`, pass ? 'pass' : 'FAIL']);
    // The loss window with the lock on, reported: page closed or navigated away; browser killed.
    for (const [label, hows] of [['close/navigate', ['close', 'navigate']], ['kill', ['kill']]]) {
      const some = ok.filter((o) => hows.includes(o.how));
      if (!some.length) continue;
      const l = some.map((o) => o.lost);
      const rec = some.filter((o) => o.recovered).length;
      table.push([`lock on: loss window, ${label} 10-300 ms`, `${some.length}`, `${some.filter((o) => o.intact).length}/${some.length}`, `${l.reduce((a, b) => a + b, 0)}/${Math.max(...l)}`, `${rec}`, '', '', 'from the lock-on trials', 'reported']);
    }
    continue;
  }
  const pass = row.accept === 'report' ? null : errors === 0 && total === 0 && intact === outcomes.length;
  if (pass === true) passed++;
  if (pass === false) failed++;
  table.push([row.name, `${outcomes.length}`, ...base, `${Math.round(seconds)} s`, row.note ?? '', pass === null ? 'reported' : pass ? 'pass' : 'FAIL']);
}
const head = ['scenario', 'trials', 'intact', 'chars lost total/max', 'recovery line', 'errors', 'time', 'notes', 'result'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`\ncompassion-kit durability, commit ${commit || '?'}, ${trials} trial${trials > 1 ? 's' : ''} per scenario${stopping ? ' (stopped early)' : ''}, ${Math.round((Date.now() - started) / 1000)} s\n`);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : stopping ? 130 : 0;
