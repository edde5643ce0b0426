import { expect } from 'chai';
import { html } from 'lit';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { button, manualClock, mount, part, settle } from '../../helpers/player-object.js';

const LANDMARKS = 'nav, section, aside, main, form[aria-label], [role="region"], [role="navigation"]';

function players(provider: Element): MeditationPlayer[] {
  return [...provider.querySelectorAll('meditation-player')];
}

describe('<meditation-player embedded>', () => {
  afterEach(() => unmountAll());

  it('has its own "Need support now?" button alone, and none when embedded', async () => {
    // Alone in its provider: its own control, in its header.
    const { player: alone } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    expect(part(alone, 'support-button')).to.exist;
    expect(alone.shadowRoot!.querySelector('dialog.ck-support')).to.exist;
    await unmountAll();

    // Embedded (as the course does in a week): no control of its own, the header keeps the rest.
    const { player: embedded } = await mount(await playerProgram(), html`<meditation-player embedded meditation-id="fixture"></meditation-player>`);
    await settle(embedded);
    expect(part(embedded, 'support-button')).to.equal(null);
    expect(embedded.shadowRoot!.querySelector('dialog.ck-support')).to.equal(null);
    expect(embedded.shadowRoot!.textContent).not.to.contain('Need support now?');
    expect(part(embedded, 'title')!.textContent).to.equal('Fixture practice');
    expect(part(embedded, 'description')!.textContent).to.contain('six-second');
  });

  it('reflects the embedded property, and the support button returns when it is removed', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    player.embedded = true;
    await settle(player);
    expect(player.hasAttribute('embedded')).to.equal(true);
    expect(part(player, 'support-button')).to.equal(null);
    player.removeAttribute('embedded');
    await settle(player);
    expect(player.embedded).to.equal(false);
    expect(part(player, 'support-button')).to.exist;
  });

  it('uses headings from h5 and no landmarks: chapters and transcript become labelled groups', async () => {
    const { provider } = await mount(
      await playerProgram(),
      html`<meditation-player embedded meditation-id="fixture"></meditation-player><meditation-player embedded meditation-id="fixture"></meditation-player>`,
    );
    const all = players(provider);
    for (const player of all) await waitFor(() => player.shadowRoot!.querySelector('[part~=cue]'), 'the transcript');
    for (const player of all) {
      const root = player.shadowRoot!;
      expect(part(player, 'title')!.localName).to.equal('h5');
      expect(root.querySelector('h1, h2, h3, h4')).to.equal(null);
      expect(root.querySelector(LANDMARKS)).to.equal(null);
      for (const name of ['chapters', 'transcript']) {
        const group = part(player, name)!;
        expect(group.getAttribute('role'), name).to.equal('group');
        expect(group.querySelector('.subheading')!.localName, name).to.equal('h6');
      }
    }
    // Two players on one page: nothing for axe's landmark-unique to find.
    await expectAccessible(provider);
  });

  it('keeps its landmarks and h2 title alone', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    await waitFor(() => player.shadowRoot!.querySelector('[part~=cue]'), 'the transcript');
    expect(part(player, 'title')!.localName).to.equal('h2');
    expect(part(player, 'chapters')!.localName).to.equal('nav');
    expect(part(player, 'transcript')!.localName).to.equal('section');
  });

  it('shows the summary and check-in as a group under an h6 after a session', async () => {
    const clock = manualClock();
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player embedded mode="breathing" .now=${clock.now}></meditation-player>`);
    button(player, 'Start')!.click();
    clock.advance(90);
    await settle(player);
    button(player, 'Stop')!.click();
    await waitFor(() => sdk.practice.snapshot.sessions.length === 1, 'the session to be logged');
    await settle(player);
    const summary = part(player, 'summary')!;
    expect(summary.localName).to.equal('div');
    expect(summary.getAttribute('role')).to.equal('group');
    expect(part(player, 'check-in')!.querySelector('#check-in-title')!.localName).to.equal('h6');
    expect(player.shadowRoot!.querySelector(LANDMARKS)).to.equal(null);
    await expectAccessible(player);
  });
});
