import { expect } from 'chai';
import { html } from 'lit';
import '../../src/define.js';
import type { CompassionProgramElement } from '../../src/elements/compassion-program/compassion-program.js';
import { cleanup, fixture, waitFor } from '../helpers/fixture.js';

// The examples are extracted from docs/*.md by scripts/doc-examples.mjs (run by `npm run typecheck`).
describe('documentation examples', () => {
  after(cleanup);

  it('every ```ts example in docs/ runs without throwing, on a page with all three elements', async () => {
    // The page the examples assume: a clinic page with the default program.
    const page = await fixture<HTMLElement>(html`<main>
      <compassion-program src="/packages/default-program/program.json" storage="memory">
        <compassion-course></compassion-course>
        <meditation-player meditation-id="safe-place"></meditation-player>
        <reflection-journal></reflection-journal>
      </compassion-program>
    </main>`);
    await waitFor(() => (page.querySelector('compassion-program') as CompassionProgramElement).sdk, 'the program to load');
    const response = await fetch('/test/doc-examples/index.json');
    expect(response.ok, 'run `node scripts/doc-examples.mjs` (part of npm run typecheck) first').to.equal(true);
    const files: string[] = await response.json();
    expect(files.length).to.be.greaterThan(10);
    const quiet = console.log;
    console.log = () => {};
    try {
      for (const file of files) {
        const url = `/test/doc-examples/${file}`;
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
