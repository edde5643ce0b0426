import { expect } from 'chai';
import * as sdk from '../../src/sdk/index.js';

describe('documentation coverage', () => {
  it('every export of compassion-kit/sdk is documented in docs/', async () => {
    const pages = ['sdk', 'events', 'program-format', 'meditation-player', 'reflection-journal', 'course', 'measures'];
    const texts = await Promise.all(pages.map(async (p) => {
      const r = await fetch(`/docs/${p}.md`);
      return r.ok ? r.text() : '';
    }));
    const docs = texts.join('\n');
    const undocumented = Object.keys(sdk).filter((name) => !new RegExp(`\\b${name}\\b`).test(docs));
    expect(undocumented, 'exports with no mention in docs/').to.deep.equal([]);
  });
});
