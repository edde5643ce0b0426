import { expect } from 'chai';
import { argTypesFromManifest, settableProperties, type Manifest } from '../../.storybook/arg-types.js';

// Storybook's argument tables (docs pages and the Controls panel) are built by .storybook/arg-types.ts
// from custom-elements.json, which `npm run analyze` writes before the browser tests.
describe('Storybook argument tables', () => {
  let manifest: Manifest;
  before(async () => {
    const response = await fetch('/custom-elements.json');
    expect(response.ok, 'custom-elements.json (run npm run analyze)').to.equal(true);
    manifest = (await response.json()) as Manifest;
  });

  it('shows CSS parts, custom properties, events and slots as documentation, never as a "Set object" control', () => {
    for (const tag of ['compassion-course', 'compassion-program', 'meditation-player', 'practice-log', 'reflection-journal']) {
      const rows = Object.entries(argTypesFromManifest(manifest, tag)!);
      const parts = rows.filter(([, a]) => a.table?.category === 'css shadow parts');
      const props = rows.filter(([, a]) => a.table?.category === 'css custom properties');
      expect(parts.length, `${tag} parts`).to.be.greaterThan(0);
      expect(props.length, `${tag} custom properties`).to.be.greaterThan(0);
      for (const [key, a] of rows.filter(([, a]) => ['css shadow parts', 'css custom properties', 'events', 'slots', 'methods'].includes(String(a.table?.category)))) {
        expect(a.control, `${tag} ${key}`).to.equal(false);
      }
      for (const [key] of parts) expect(key).to.match(/^::part\([a-z0-9-]+\)$/);
      for (const [key] of props) expect(key).to.match(/^--[a-z0-9-]+$/);
    }
  });

  it('keeps a property whose name is also a part (the player\'s title, the journal\'s prompt) as a control, with its attribute named', () => {
    const player = argTypesFromManifest(manifest, 'meditation-player')!;
    expect(player['title']?.table?.category).to.equal('properties');
    expect(player['title']?.type).to.deep.equal({ name: 'string' });
    expect(player['::part(title)']?.control).to.equal(false);
    expect(player['meditationId']?.description).to.contain('Attribute `meditation-id`');
    expect(player['minutes']?.type).to.deep.equal({ name: 'number' });
    expect(player['embedded']?.type).to.deep.equal({ name: 'boolean' });
    expect(player['theme']?.type).to.deep.equal({ name: 'enum', value: ['light', 'dark'] });
    // A callback or an object of words is documented, not edited in a text box.
    expect(player['now']?.control).to.equal(false);
    expect(player['strings']?.control).to.equal(false);
    const journal = argTypesFromManifest(manifest, 'reflection-journal')!;
    expect(journal['prompt']?.table?.category).to.equal('properties');
    expect(journal['::part(prompt)']?.table?.category).to.equal('css shadow parts');
  });

  it('lets a control set only writable properties (not the read-only playback snapshot)', () => {
    const settable = settableProperties(manifest, 'meditation-player');
    expect(settable.has('trackTitle')).to.equal(true);
    expect(settable.has('playback')).to.equal(false);
  });
});
