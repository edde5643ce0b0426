import { expect } from 'chai';

// The examples are extracted from docs/*.md by scripts/doc-examples.mjs (run by `npm run typecheck`).
describe('documentation examples', () => {
  it('every ```ts example in docs/ runs without throwing', async () => {
    const response = await fetch('/test/.doc-examples/index.json');
    expect(response.ok, 'run `node scripts/doc-examples.mjs` (part of npm run typecheck) first').to.equal(true);
    const files: string[] = await response.json();
    expect(files.length).to.be.greaterThan(10);
    const quiet = console.log;
    console.log = () => {};
    try {
      for (const file of files) {
        const url = `/test/.doc-examples/${file}`;
        try {
          await import(/* @vite-ignore */ url);
        } catch (error) {
          throw new Error(`${file} threw: ${(error as Error).message}`);
        }
      }
    } finally {
      console.log = quiet;
    }
  });
});
