// Extracts every ```ts block from the docs (docs/*.md and docs/embedding/*.md) into
// test/doc-examples/ so that `npm run typecheck` type-checks them and test/docs/examples.test.ts
// runs them in Chromium: doc examples cannot rot.
// Every ```tsx block (React) goes to test/doc-examples/tsx/, type-checked as a React app would
// (test/consumers/tsconfig.json, with the package's own 'compassion-kit' specifiers); not run.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = 'test/doc-examples';
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'tsx'), { recursive: true });
const files = [];
const tsxFiles = [];
// docs/*.md and the deployment guides in docs/embedding/*.md (named embedding-<guide>).
const docs = [
  ...readdirSync('docs').filter((f) => f.endsWith('.md')),
  ...readdirSync(join('docs', 'embedding')).filter((f) => f.endsWith('.md')).map((f) => `embedding/${f}`),
];
for (const doc of docs) {
  const text = readFileSync(join('docs', doc), 'utf8');
  let n = 0;
  for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
    n++;
    const code = match[1]
      .replaceAll("from 'compassion-kit/sdk'", "from '../../src/sdk/index.js'")
      .replaceAll("from 'compassion-kit/define'", "from '../../src/define.js'")
      .replaceAll("from 'compassion-kit'", "from '../../src/index.js'")
      // Per-element entries: 'compassion-kit/<tag>' is that element's define module.
      .replace(/(['"])compassion-kit\/([a-z]+-[a-z-]+)\1/g, "'../../src/elements/$2/define.js'");
    const name = `${doc.replace(/\.md$/, '').replace('/', '-')}-${n}.ts`;
    writeFileSync(join(out, name), `// Extracted from docs/${doc}, example ${n}. Do not edit: edit the doc.\n${code}\nexport {};\n`);
    files.push(name);
  }
  let t = 0;
  for (const match of text.matchAll(/```tsx\n([\s\S]*?)```/g)) {
    t++;
    const name = `${doc.replace(/\.md$/, '').replace('/', '-')}-${t}.tsx`;
    writeFileSync(join(out, 'tsx', name), `// Extracted from docs/${doc}, React example ${t}. Do not edit: edit the doc.\n${match[1]}\nexport {};\n`);
    tsxFiles.push(name);
  }
}
writeFileSync(join(out, 'index.json'), JSON.stringify(files, null, 1));
console.log(`doc examples: ${files.length} extracted to ${out}, ${tsxFiles.length} React examples to ${out}/tsx`);
