import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { ensureChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { cdpPlugin } from './test/helpers/cdp-plugin.mjs';
import { rangeRequests } from './test/fixtures/player-range-middleware.mjs';
import { cdnCopy } from './test/fixtures/cdn-copy-middleware.mjs';
import { STRICT_CSP } from './scripts/csp.mjs';
import { reporters } from './test/helpers/failure-summary-reporter.mjs';

const commonjs = fromRollup(rollupCommonjs);
const executablePath = ensureChromium();

// Endpoints for failure-path tests of program loading: real HTTP behaviour, no fetch mocks.
let flaky = 0;

/** The default program made hostile in one way (issue 9): each must give an error within 2 s. */
function hostileProgram(kind) {
  const program = JSON.parse(readFileSync('packages/default-program/program.json', 'utf8'));
  const fields = program.templates.flatMap((t) => t.fields);
  switch (kind) {
    case 'scale': // one radio button per step
      fields.find((f) => f.type === 'scale').max = 10_000_000;
      return JSON.stringify(program);
    case 'options':
      fields.find((f) => f.type === 'emotions').options = Array.from({ length: 100_000 }, (_, i) => `feeling ${i}`);
      return JSON.stringify(program);
    case 'dir': // 1.9 MB, still under the 2 MB file limit
      program.dir = 'x'.repeat(1_900_000);
      return JSON.stringify(program);
    case 'deep': // a valid program with 100,000 levels of lists in a field it does not know
      return JSON.stringify(program).replace(/}$/, `,"notes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    default:
      return undefined;
  }
}

// Bytes /__test/huge-chunked has pushed towards each client (by ?id), so a test can see when it stopped.
const chunkedSent = new Map();
const HUGE_BYTES = 50 * 1024 * 1024;
const testEndpoints = async (ctx, next) => {
  switch (ctx.path) {
    case '/__test/slow':
      // 3 s unless ?ms= says otherwise (a test that must stay in "loading" under a busy CI asks for longer).
      await new Promise((r) => setTimeout(r, Math.min(60_000, Number(ctx.query.ms) || 3000)));
      ctx.type = 'application/json';
      ctx.body = '{}';
      return;
    case '/__test/flaky-program':
      // Fails every other request: for "Try again" tests.
      flaky++;
      if (flaky % 2 === 1) {
        ctx.status = 503;
        ctx.body = 'busy';
        return;
      }
      ctx.type = 'application/json';
      ctx.body = readFileSync('packages/default-program/program.json', 'utf8');
      return;
    case '/__test/html':
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Not found</title>';
      return;
    case '/__test/broken-json':
      ctx.type = 'application/json';
      ctx.body = '{"id": "x",';
      return;
    case '/__test/hostile-program': {
      const body = hostileProgram(ctx.query.case);
      if (body === undefined) return next();
      ctx.type = 'application/json';
      ctx.body = body;
      return;
    }
    case '/__test/huge-chunked': {
      // 50 MB of JSON in 64 kB chunks, no Content-Length (chunked), produced only as fast as the
      // client reads it, and stopped as soon as the client goes away.
      const record = { sent: 0, finished: false, disconnected: false };
      chunkedSent.set(String(ctx.query.id), record);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const first = Buffer.concat([Buffer.from('{"padding":"'), chunk]).subarray(0, chunk.length);
      const stream = new Readable({
        read() {
          if (record.sent >= HUGE_BYTES) {
            record.finished = true;
            this.push(null);
            return;
          }
          record.sent += chunk.length;
          this.push(record.sent === chunk.length ? first : chunk);
        },
      });
      ctx.res.on('close', () => {
        if (!record.finished) record.disconnected = true;
        stream.destroy();
      });
      ctx.type = 'application/json';
      // Kept out of the HTTP cache. Without no-store, after the offline tests had run, the server
      // sometimes saw all 50 MB read (about 1 run in 5, never the loader: it stops at 2 MB), as if
      // the browser went on filling a cache entry after the page cancelled; with it, 12 of 12 passed.
      ctx.set('Cache-Control', 'no-store');
      ctx.body = stream;
      return;
    }
    case '/__test/huge-chunked/sent':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(chunkedSent.get(String(ctx.query.id)) ?? null);
      return;
    case '/__test/invalid-program':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ schemaVersion: 1, id: 'bad', version: '1', title: 'Bad', locale: 'en', dir: 'ltr', unlock: { policy: 'all-open' }, weeks: [], meditations: [], templates: [] });
      return;
    case '/__test/csp-page':
      // A host page as locked down as a careful clinic would make it (S3).
      ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP host</title>
<script src="/test/fixtures/csp-listener.js"></script>
<script type="module" src="/dist/cdn/compassion-kit.js"></script></head>
<body><main><compassion-program src="/packages/default-program/program.json" storage="memory">
<compassion-course></compassion-course>
<meditation-player meditation-id="safe-place"></meditation-player>
<reflection-journal></reflection-journal>
</compassion-program></main></body></html>`;
      return;
    case '/docs/demo/csp-test.html':
      // The demo page itself (docs/demo/index.html, next to its demo.js and demo.css) under the
      // policy `npm start` serves, with the violation recorder added as the first script in <head>.
      ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/html';
      ctx.body = readFileSync('docs/demo/index.html', 'utf8').replace('<head>', '<head>\n    <script src="/test/fixtures/csp-listener.js"></script>');
      return;
    default:
      return next();
  }
};

export default {
  // Real hosts answer range requests; media elements need them to seek and to know an Ogg's length.
  // cdnCopy serves copies of dist/cdn at another path, for the plain-HTML consumer check.
  middleware: [testEndpoints, cdnCopy, rangeRequests],
  files: ['test/**/*.test.ts'],
  reporters,
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [
    // howler and axe-core ship CommonJS/UMD only.
    commonjs({ include: ['**/node_modules/howler/**', '**/node_modules/axe-core/**'], strictRequires: false }),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    cdpPlugin(),
  ],
};
