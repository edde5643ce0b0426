import { expect } from 'chai';

interface Member {
  name: string;
  kind: string;
  privacy?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  attributes?: { name: string; fieldName?: string }[];
}

// custom-elements.json is what Storybook's Controls, the React and Vue typings and the editor hints
// are built from (npm test writes it before the browser tests, in `npm run typecheck`).
describe('the custom elements manifest', () => {
  it('lists only the public members of each element: Controls show what a clinic may set, nothing internal', async () => {
    const response = await fetch('/custom-elements.json');
    expect(response.ok, 'custom-elements.json (run npm run analyze)').to.equal(true);
    const manifest = (await response.json()) as { modules: { declarations?: Declaration[] }[] };
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    expect(elements.map((d) => d.tagName).sort()).to.deep.equal(['compassion-course', 'compassion-program', 'meditation-player', 'practice-log', 'reflection-journal']);
    const internal = elements.flatMap((d) =>
      (d.members ?? []).filter((m) => (m.privacy !== undefined && m.privacy !== 'public') || /^[_#]/.test(m.name)).map((m) => `${d.tagName}.${m.name} (${m.privacy ?? 'underscore'})`),
    );
    expect(internal).to.deep.equal([]);
    // What a clinic does set is still there.
    const player = elements.find((d) => d.tagName === 'meditation-player')!;
    expect(player.members!.map((m) => m.name)).to.include.members(['meditationId', 'mode', 'minutes', 'strings', 'play', 'pause']);
    expect(player.attributes!.map((a) => a.name)).to.include.members(['meditation-id', 'mode', 'minutes']);
  });
});
