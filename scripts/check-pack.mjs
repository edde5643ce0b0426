// The packed package as a clinic's app gets it (issue 15, points 2 and 3):
//  1. `npm pack` (prepack builds), then checks the tarball: within its size budget (MAX_UNPACKED), the code, types,
//     manifest, editor data, schema and CDN folder in it, no source maps nor program content, and
//     every chunk the CDN entry can load present beside it (the folder works once copied).
//     Packs the default program's package (compassion-kit-default-program) too.
//  2. Installs both tarballs into a fresh Vite + React + TypeScript app in a temporary folder
//     (test/consumers/vite-react: the raw tags with the JSX typings, the compassion-kit/react
//     components, the SDK), with the Preact, Vue and React type checks of test/consumers/ and the
//     React examples of the docs beside it, and runs `tsc` (library types included, skipLibCheck
//     off) and `vite build`, then opens the built app in headless Chromium: every element renders,
//     and a ck-practice-logged event reaches the app through the raw tag's onck-practice-logged
//     and through the React component's onCkPracticeLogged.
// The app's packages come from the npm registry at the versions this repository's lock file
// installed (node_modules), so the check is reproducible. The plain-HTML consumer of a copied CDN
// folder is a browser test: test/plain-html-consumer.test.ts (npm test).
//   npm run test:pack [-- --no-build] [-- --keep]
//   --no-build  pack the dist/ already built (CI runs `npm run build` just before) instead of
//               building again in prepack
//   --keep      leave the app folder for a look
import { execFileSync } from 'node:child_process';
import { createReadStream, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

// Issue 15's target for the code package is under 1.5 MB unpacked. The es, de and ar catalogs
// (issue 14) and the journal's paging (issue 13) took it to 1.72 MB on 2026-12-07. Then each thing
// was packed once: the catalogs only in dist/cdn, which the library's registry imports (108 kB);
// the element headers' @csspart/@cssprop/@slot/@fires lines, private members' comments and tsc's
// space indentation out of the .d.ts files (39 kB); hover text in the editor data that repeats
// what the same file lists on its own (43 kB); the manifest without modules that define no element
// (12 kB); React and Preact sharing one file of JSX props, Vue's props picked from the classes
// (18 kB); the schema's packed copy without indentation (12 kB). It measured 1,485,502 B; the
// budget is that plus 2 %, capped at the target. The check fails at or above it.
const MAX_UNPACKED = 1_500_000;
const TARGET_UNPACKED = 1_500_000;
const keep = process.argv.includes('--keep');
const noBuild = process.argv.includes('--no-build');
const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'ck-pack-'));
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const problems = [];

/** The packed files a clinic relies on; each must be in the tarball. */
const required = [
  'package.json',
  'LICENSE',
  'CHANGELOG.md',
  'README.md',
  'custom-elements.json',
  'dist/program.schema.json',
  'dist/web-types.json',
  'dist/vscode.html-custom-data.json',
  'dist/vscode.css-custom-data.json',
  'dist/types/react.d.ts',
  'dist/types/preact.d.ts',
  'dist/types/vue.d.ts',
  'dist/lib/index.js',
  'dist/lib/index.d.ts',
  'dist/lib/define.js',
  'dist/lib/sdk/index.js',
  'dist/lib/react/index.js',
  'dist/lib/react/index.d.ts',
  'dist/cdn/compassion-kit.js',
];

/** Checks the file list of `npm pack --json`. */
function checkContents(packed) {
  const files = new Set(packed.files.map((f) => f.path));
  for (const f of required) if (!files.has(f)) problems.push(`the package has no ${f}`);
  const maps = [...files].filter((f) => f.endsWith('.map'));
  if (maps.length) problems.push(`the package has ${maps.length} source maps (${maps[0]} …)`);
  const content = [...files].filter((f) => f.startsWith('content/') || f.startsWith('packages/') || /\.(ogg|mp3|vtt)$/.test(f));
  if (content.length) problems.push(`program content belongs in compassion-kit-default-program, not here: ${content.slice(0, 3).join(', ')} …`);
  if (packed.unpackedSize >= MAX_UNPACKED) problems.push(`unpacked size ${packed.unpackedSize} B is over the ${MAX_UNPACKED} B limit`);
  // The CDN folder must be complete: every chunk a packed CDN file imports (statically or with
  // import()) is packed beside it, or a page that loads the copied folder gets a 404.
  const cdn = [...files].filter((f) => f.startsWith('dist/cdn/') && f.endsWith('.js'));
  let imports = 0;
  let missing = 0;
  for (const f of cdn) {
    const code = readFileSync(join(root, f), 'utf8');
    for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\/[^"']+)["']/g)) {
      imports += 1;
      if (files.has(`dist/cdn/${spec.slice(2)}`)) continue;
      missing += 1;
      problems.push(`${f} loads ${spec}, which is not in the package`);
    }
  }
  const cdnBytes = packed.files.filter((f) => f.path.startsWith('dist/cdn/')).reduce((s, f) => s + f.size, 0);
  console.log(
    `check-pack: the CDN folder: ${cdn.length} files, ${kB(cdnBytes)}; ` +
      (missing ? `${missing} of its ${imports} relative imports are not packed` : `all ${imports} relative imports packed`),
  );
}

/**
 * Serves the built app with the default program at /programs/self-compassion/ and checks, in
 * headless Chromium, what a participant and the clinic's code would see.
 */
async function openApp(app) {
  const dist = join(app, 'dist');
  // As docs/install.md says: the default program's package, its program.json and audio/ served together.
  const defaultProgram = join(app, 'node_modules/compassion-kit-default-program');
  cpSync(join(defaultProgram, 'program.json'), join(dist, 'programs/self-compassion/program.json'));
  cpSync(join(defaultProgram, 'audio'), join(dist, 'programs/self-compassion/audio'), { recursive: true });
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.vtt': 'text/vtt', '.ogg': 'audio/ogg', '.mp3': 'audio/mpeg' };
  const server = createServer((req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    const path = normalize(join(dist, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (!path.startsWith(dist) || !existsSync(path) || statSync(path).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await puppeteer.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()} ${m.location()?.url ?? ''}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    const inShadow = (tag, selector, what) =>
      page
        .waitForFunction((t, s) => document.querySelector(t)?.shadowRoot?.querySelector(s), { timeout: 15000 }, tag, selector)
        .catch(() => problems.push(`the app shows no ${what}`));
    const practised = (minutes, view) =>
      page
        .waitForFunction((m) => document.querySelector('main p')?.textContent?.includes(`Practised ${m} minutes`), { timeout: 5000 }, minutes)
        .catch(() => problems.push(`${view}: the app did not get ck-practice-logged (expected "Practised ${minutes} minutes")`));
    // A session logged by the player, as the element would announce it.
    const logSession = (minutes) =>
      page.evaluate((m) => {
        const event = Object.assign(new Event('ck-practice-logged', { bubbles: true, composed: true }), { detail: { programId: 'p', sessionId: 's', mode: 'timer', minutes: m } });
        document.querySelector('meditation-player').dispatchEvent(event);
      }, minutes);

    // The raw tags (JSX typings): each element renders; onck-practice-logged reaches the app.
    await inShadow('compassion-course', '[part~="overview"]', "course overview (raw tag)");
    await inShadow('meditation-player', '[part~="play-button"]', "player's Play button (raw tag)");
    await inShadow('reflection-journal', '[part~="empty"]', 'empty journal (raw tag)');
    await inShadow('practice-log', '*', 'practice log (raw tag)');
    await logSession(3);
    await practised(3, 'raw <meditation-player onck-practice-logged>');
    await page.waitForFunction(() => document.querySelector('main p')?.textContent?.includes('in all'), { timeout: 10000 }).catch(() => problems.push('the SDK (openProgram) gave the app no practice totals'));

    // The compassion-kit/react components: props arrive as properties; onCkPracticeLogged reaches the app.
    await page.click('main button');
    await page.waitForFunction(() => document.querySelector('meditation-player')?.mode === 'timer', { timeout: 10000 }).catch(() => problems.push('<MeditationPlayer mode="timer"> did not set the mode property'));
    const player = await page.evaluate(() => {
      const p = document.querySelector('meditation-player');
      return { minutes: p?.minutes, meditationId: p?.meditationId, theme: document.querySelector('compassion-program')?.theme };
    });
    if (player.minutes !== 5 || player.meditationId !== 'safe-place' || player.theme !== 'dark') problems.push(`the React components set ${JSON.stringify(player)}, not minutes 5, safe-place and the dark theme`);
    await inShadow('compassion-course', '[part~="overview"]', 'course overview (React component)');
    await inShadow('reflection-journal', '[part~="empty"]', 'empty journal (React component)');
    await logSession(4);
    await practised(7, '<MeditationPlayer onCkPracticeLogged>');

    // A language from the package: the registry imports the CDN folder's catalog file, which the
    // app's bundler must have followed (the catalogs are packed only there).
    await page.evaluate(() => document.querySelector('practice-log')?.setAttribute('lang', 'es'));
    await page
      .waitForFunction(() => document.querySelector('practice-log')?.shadowRoot?.textContent?.includes('Tu práctica'), { timeout: 10000 })
      .catch(() => problems.push('<practice-log lang="es"> shows no Spanish: the es catalog did not load from the package'));
  } finally {
    await browser.close();
    server.close();
  }
  problems.push(...errors);
}

try {
  run('node', ['scripts/doc-examples.mjs'], root);
  let t = Date.now();
  if (noBuild) {
    for (const f of ['dist/lib/index.js', 'dist/cdn/compassion-kit.js', 'dist/types/react.d.ts', 'custom-elements.json']) {
      if (!existsSync(join(root, f))) throw new Error(`--no-build: ${f} is missing; run npm run build first`);
    }
  }
  // prepack's build prints to the same stdout before npm's JSON.
  const out = run('npm', ['pack', '--json', '--pack-destination', work, ...(noBuild ? ['--ignore-scripts'] : [])], root);
  const packed = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1))[0];
  console.log(
    `check-pack: ${packed.filename}: ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked (budget ${kB(MAX_UNPACKED)}, target ${kB(TARGET_UNPACKED)}), ` +
      `${packed.entryCount} files (${noBuild ? 'packed the existing build' : 'built and packed'} in ${seconds(t)})`,
  );
  checkContents(packed);

  // The default program's own package (packages/default-program, where its files live).
  t = Date.now();
  const programOut = run('npm', ['pack', '--json', '--pack-destination', work, '-w', 'compassion-kit-default-program'], root);
  const programPacked = JSON.parse(programOut.slice(programOut.lastIndexOf('\n[\n') + 1))[0];
  const programFiles = programPacked.files.map((f) => f.path);
  for (const f of ['program.json', 'LICENSE', 'audio/cultivating-compassion.ogg', 'audio/cultivating-compassion.mp3', 'audio/cultivating-compassion.vtt', 'audio/bell.ogg']) {
    if (!programFiles.includes(f)) problems.push(`compassion-kit-default-program has no ${f}`);
  }
  if (programFiles.some((f) => f.includes('fixture'))) problems.push('compassion-kit-default-program holds the test fixture');
  console.log(
    `check-pack: ${programPacked.filename}: ${kB(programPacked.size)} packed, ${kB(programPacked.unpackedSize)} unpacked, ` +
      `${programPacked.entryCount} files (${seconds(t)})`,
  );

  // The app: test/consumers/vite-react, with the type-only consumers and the docs' React examples in src/checks/.
  const app = join(work, 'app');
  cpSync(join(root, 'test/consumers/vite-react'), app, { recursive: true, filter: (f) => !/\/(node_modules|dist)$/.test(f) });
  const checks = join(app, 'src/checks');
  mkdirSync(checks);
  for (const f of readdirSync(join(root, 'test/consumers')).filter((f) => /\.tsx?$/.test(f))) cpSync(join(root, 'test/consumers', f), join(checks, f));
  for (const f of readdirSync(join(root, 'test/doc-examples/tsx'))) cpSync(join(root, 'test/doc-examples/tsx', f), join(checks, `doc-${f}`));
  const pin = (names) => Object.fromEntries(names.map((n) => [n, versionOf(n)]));
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify(
      {
        name: 'clinic-app',
        private: true,
        type: 'module',
        dependencies: {
          'compassion-kit': `file:../${packed.filename}`,
          'compassion-kit-default-program': `file:../${programPacked.filename}`,
          ...pin(['react', 'react-dom']),
        },
        devDependencies: pin(['typescript', 'vite', '@vitejs/plugin-react', '@types/react', '@types/react-dom', 'preact', 'vue']),
      },
      null,
      2,
    )}\n`,
  );
  t = Date.now();
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
  console.log(`check-pack: installed both tarballs, React, Vite, TypeScript, Preact and Vue in ${seconds(t)}`);

  t = Date.now();
  run(join(app, 'node_modules/.bin/tsc'), ['-p', '.'], app);
  const compiled = readdirSync(join(app, 'src')).filter((f) => /\.tsx?$/.test(f)).length + readdirSync(checks).length;
  console.log(`check-pack: tsc compiles the app and the consumer checks (${compiled} files) against the installed package in ${seconds(t)}`);

  t = Date.now();
  run(join(app, 'node_modules/.bin/vite'), ['build'], app);
  const assets = join(app, 'dist/assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const bundle = js.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
  // Each define module made it into the app's bundle: the tag as a string, and a define call.
  if (!bundle.includes('customElements.define(')) problems.push("vite build's output defines no element");
  for (const tag of ['compassion-program', 'compassion-course', 'meditation-player', 'reflection-journal', 'practice-log']) {
    if (!new RegExp(`[\`"']${tag}[\`"']`).test(bundle)) problems.push(`vite build's output does not name <${tag}>`);
  }
  const bytes = js.reduce((s, f) => s + statSync(join(assets, f)).size, 0);
  console.log(`check-pack: vite build made ${js.length} scripts, ${kB(bytes)}, in ${seconds(t)}`);

  t = Date.now();
  const before = problems.length;
  await openApp(app);
  console.log(
    problems.length === before
      ? `check-pack: the built app renders every element in Chromium, both kinds of event props reach it, and lang="es" loads its catalog (${seconds(t)})`
      : `check-pack: the built app in Chromium: ${problems.length - before} problems (${seconds(t)})`,
  );

  if (problems.length) throw new Error(problems.map((p) => `  - ${p}`).join('\n'));
  console.log(`check-pack: passed in ${seconds(started)}`);
} catch (error) {
  console.error(error.stdout || error.message);
  console.error(`check-pack failed${keep ? `; the app is in ${work}` : ''}`);
  process.exitCode = 1;
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
