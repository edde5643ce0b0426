// The durability suite's web server: the repository root on 127.0.0.1 (a random free port) with the
// strict CSP of the demo server, a test page with one journal inside <compassion-program>, and a
// plain page to navigate to. /dist/cdn/ is served from a snapshot copied when the suite starts, so a
// rebuild by someone else in the same checkout (rollup empties dist/cdn first) cannot break a run.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { STRICT_CSP } from '../csp.mjs';

export const PAGE = '/durability/journal.html';
export const AWAY = '/durability/away.html';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
};

const PAGES = {
  [PAGE]: `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>compassion-kit durability</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/dist/cdn/compassion-kit.js"></script>
  </head>
  <body>
    <compassion-program src="/packages/default-program/program.json"><reflection-journal></reflection-journal></compassion-program>
  </body>
</html>
`,
  [AWAY]: `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>elsewhere</title><link rel="icon" href="data:," /></head>
  <body><p>Another page on the same site.</p></body>
</html>
`,
};

/** True when every chunk the files of `dir` import is there (a build is not half written). */
async function complete(dir) {
  const files = new Set(await readdir(dir).catch(() => []));
  if (!files.has('compassion-kit.js')) return false;
  for (const f of files) {
    if (!f.endsWith('.js')) continue;
    const text = await readFile(join(dir, f), 'utf8').catch(() => '');
    for (const [, name] of text.matchAll(/["'`]\.\/(compassion-kit-[\w-]+\.js)["'`]/g)) if (!files.has(name)) return false;
  }
  return true;
}

/** Copies a complete dist/cdn build to a temporary folder, waiting (up to 2 minutes) while someone else's build is half written. */
async function snapshotBuild(cdn) {
  const end = Date.now() + 120_000;
  for (;;) {
    const dir = await mkdtemp(join(tmpdir(), 'ck-durability-cdn-'));
    const copied = await cp(cdn, dir, { recursive: true }).then(() => true, () => false);
    if (copied && (await complete(dir))) return dir;
    await rm(dir, { recursive: true, force: true });
    if (Date.now() > end) throw new Error(`${cdn} holds no complete build: run npm run build:cdn`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Starts the server. `root` is the repository; `cdn` the built dist/cdn folder to snapshot.
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export async function startServer(root, cdn) {
  const snapshot = await snapshotBuild(cdn);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = { 'Content-Security-Policy': STRICT_CSP, 'Cache-Control': 'no-store' };
    const page = PAGES[url.pathname];
    if (page) {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] }).end(page);
      return;
    }
    let base = resolve(root);
    let rel = decodeURIComponent(url.pathname);
    if (rel.startsWith('/dist/cdn/')) {
      base = snapshot;
      rel = rel.slice('/dist/cdn'.length);
    } else if (!rel.startsWith('/packages/default-program/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const path = normalize(join(base, rel));
    if (!path.startsWith(base + sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    try {
      const { size } = statSync(path);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
      await rm(snapshot, { recursive: true, force: true });
    },
  };
}
