// Which source modules make up each eager CDN chunk, in minified bytes and gzip bytes (each module's
// code gzipped on its own, so the gzip column overstates; use it to rank, and npm run size for totals).
// Run after a CDN build: node scripts/size-modules.mjs [chunk-name-pattern]
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const dir = process.env.CK_CDN_DIR ?? 'dist/cdn';
const pattern = new RegExp(process.argv[2] ?? 'core|compassion-course|meditation-player|reflection-journal');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && pattern.test(f))) {
  const code = readFileSync(`${dir}/${file}`, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${dir}/${file}.map`, 'utf8')));
  const lines = code.split('\n');
  const mappings = [];
  map.eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const bySource = new Map();
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const line = lines[m.generatedLine - 1];
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
    const source = (m.source ?? '?').replace(/.*\/(src|node_modules)\//, '$1/');
    bySource.set(source, (bySource.get(source) ?? '') + line.slice(m.generatedColumn, end));
  });
  console.log(`\n${file}: ${code.length} B minified, ${gzipSync(code).length} B gzip`);
  const rows = [...bySource].map(([source, text]) => [text.length, gzipSync(text).length, source]).sort((a, b) => b[0] - a[0]);
  for (const [min, gz, source] of rows) console.log(`${String(min).padStart(8)} ${String(gz).padStart(7)}  ${source}`);
}
