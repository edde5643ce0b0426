// Opens every story and every docs page (autodocs and MDX) of the static Storybook build in
// headless Chromium and fails if one throws, logs an error, or renders nothing. Run after
// `npm run build:storybook`.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from './chromium.mjs';

const root = 'storybook-static';
if (!existsSync(join(root, 'index.json'))) {
  console.error('check-storybook: storybook-static/index.json is missing; run `npm run build:storybook` first.');
  process.exit(1);
}
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.ogg': 'audio/ogg', '.mp3': 'audio/mpeg', '.vtt': 'text/vtt', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!path.startsWith(root) || !existsSync(path) || statSync(path).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const entries = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries);
// CK_STORIES=<regex> checks only the stories whose id matches (for a quick look at a few; CI checks all).
const only = process.env.CK_STORIES ? new RegExp(process.env.CK_STORIES) : undefined;
const stories = entries.filter((e) => (e.type === 'story' || e.type === 'docs') && (!only || only.test(e.id)));
if (!only && !stories.some((e) => e.type === 'docs')) {
  console.error('check-storybook: the build has no docs pages; is @storybook/addon-docs in .storybook/main.ts?');
  process.exit(1);
}
const browser = await puppeteer.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
const failures = [];
// Stories that show failure states on purpose fetch missing files; those 404s are expected.
const expected404 = /no-such|missing|__never__|__loading__|does-not-exist|not-found|favicon/i;
// A program that cannot load is logged for the site's developer, once (src/elements/shared/program-error.ts):
// expected in the stories that show that state on purpose, an error anywhere else.
const expectedProgramLog = (story, text) => /error|not-found|invalid|validation/i.test(story.id) && text.startsWith('compassion-kit: The program');
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 900 });
  for (const story of stories) {
    const problems = [];
    const onError = (e) => problems.push(`page error: ${e.message}`);
    const onConsole = (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      const url = m.location()?.url ?? '';
      if (/Failed to load resource/.test(text) && (expected404.test(url) || expected404.test(story.id))) return;
      if (expectedProgramLog(story, text)) return;
      problems.push(`console error: ${text} ${url}`);
    };
    page.on('pageerror', onError);
    page.on('console', onConsole);
    const docs = story.type === 'docs';
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=${docs ? 'docs' : 'story'}`, { waitUntil: 'load' });
    // A docs page is drawn into #storybook-docs; its content (.sbdocs-content) appears once the page has rendered.
    await page
      .waitForFunction((d) => (d ? document.querySelector('#storybook-docs .sbdocs-content')?.childElementCount > 0 : document.querySelector('#storybook-root')?.childElementCount > 0) || document.body.classList.contains('sb-show-errordisplay'), { timeout: 15000 }, docs)
      .catch(() => problems.push('rendered nothing within 15 s'));
    await new Promise((r) => setTimeout(r, 300));
    const shownError = await page.evaluate(() => (document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent ?? 'error display shown' : ''));
    if (shownError) problems.push(`Storybook error: ${shownError}`);
    page.off('pageerror', onError);
    page.off('console', onConsole);
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${story.id}`);
    if (problems.length) failures.push(`${story.id}:\n  ${problems.join('\n  ')}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\n${stories.length - failures.length} passed, ${failures.length} failed`);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
