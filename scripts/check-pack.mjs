// The packed package as a clinic's app gets it: `npm pack` (which builds, prepack), install the
// tarball into a fresh app in a temporary folder, and compile the React and Vue consumers
// (test/consumers/, and the React examples from the docs) against it with tsc, library types
// included (skipLibCheck off). Needs the npm registry for the app's other packages.
//   npm run test:pack [-- --keep]    (--keep leaves the app folder for a look)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const keep = process.argv.includes('--keep');
const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'ck-pack-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

try {
  run('node', ['scripts/doc-examples.mjs'], root);
  // prepack's build prints to the same stdout before npm's JSON.
  const out = run('npm', ['pack', '--json', '--pack-destination', work], root);
  const packed = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1))[0];
  console.log(`packed ${packed.filename}: ${packed.size} B, ${packed.unpackedSize} B unpacked, ${packed.entryCount} files`);

  const app = join(work, 'app');
  cpSync(join(root, 'test/consumers'), app, { recursive: true, filter: (f) => !f.endsWith('tsconfig.json') });
  for (const f of readdirSync(join(root, 'test/doc-examples/tsx'))) cpSync(join(root, 'test/doc-examples/tsx', f), join(app, `doc-${f}`));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'clinic-app', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        include: ['*.ts', '*.tsx'],
      },
      null,
      2,
    ),
  );
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--silent',
      join(work, packed.filename),
      `typescript@${versionOf('typescript')}`,
      `@types/react@${versionOf('@types/react')}`,
      `vue@${versionOf('vue')}`,
    ],
    app,
  );
  run('npx', ['tsc', '-p', '.'], app);
  console.log(`check-pack: the installed tarball compiles ${readdirSync(app).filter((f) => /\.tsx?$/.test(f)).length} consumer files with tsc`);
} catch (error) {
  console.error(error.stdout || error.message);
  console.error(`check-pack failed${keep ? `; the app is in ${work}` : ''}`);
  process.exitCode = 1;
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
