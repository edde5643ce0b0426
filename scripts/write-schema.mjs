// Writes docs/program.schema.json from the same descriptor the validator uses
// (src/sdk/content/schema.ts), so the published schema and the runtime checks never drift.
import { build } from 'esbuild';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'ck-schema-'));
const out = join(dir, 'schema.mjs');
await build({ entryPoints: ['src/sdk/content/schema.ts'], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error' });
const { programJsonSchema } = await import(pathToFileURL(out).href);
writeFileSync('docs/program.schema.json', `${JSON.stringify(programJsonSchema(), null, 2)}\n`);
rmSync(dir, { recursive: true });
console.log('wrote docs/program.schema.json');
