import { expect } from 'chai';
import { html } from 'lit';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { button, mount, part, settle, until } from '../../helpers/player-object.js';

/** Slows the fixture down so that there is room to stop half-way and resume before the end. */
const LONG = (p: Parameters<Parameters<typeof playerProgram>[0] & object>[0]) => {
  p.meditations.find((m) => m.id === 'fixture')!.duration = 60;
};

describe('<meditation-player> resume', () => {
  afterEach(() => unmountAll());

  async function recreate(provider: HTMLElement): Promise<MeditationPlayer> {
    const player = document.createElement('meditation-player');
    player.setAttribute('meditation-id', 'fixture');
    provider.append(player);
    await settle(player);
    return player;
  }

  it('offers to resume where the participant stopped, and taking the offer starts there', async () => {
    const { provider, player, sdk } = await mount(await playerProgram(LONG), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    player.seek(2.5);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing' && s.position > 3, 'playback past 3 s');
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'paused', 'the pause');
    const stoppedAt = player.playback!.position;
    // The place is saved on pause.
    await waitFor(async () => (await sdk.playback.get('fixture'))?.position === stoppedAt, 'the place to be saved');
    player.remove();
    expect(player.playback!.status).to.equal('idle');

    const again = await recreate(provider);
    const offer = await waitFor(() => part(again, 'resume'), 'the resume offer');
    expect(offer.textContent).to.contain('Last time you stopped at 0:03');
    expect(part(again, 'resume-button')!.textContent).to.contain('Resume from 0:03');
    expect(part(again, 'start-over-button')).to.exist;
    await expectAccessible(again);

    part(again, 'resume-button')!.click();
    await until(again, (s) => s.status === 'playing', 'playback to start');
    expect(again.playback!.position).to.be.at.least(stoppedAt - 0.05).and.below(stoppedAt + 1.5);
    await settle(again);
    expect(part(again, 'resume')).to.equal(null);
  });

  it('starts from the beginning on "Start over" and forgets the saved place', async () => {
    const program = await playerProgram(LONG);
    const { provider, player, sdk } = await mount(program, html`<meditation-player meditation-id="fixture"></meditation-player>`);
    await sdk.playback.save('fixture', 30, 60);
    player.remove();
    const again = await recreate(provider);
    await waitFor(() => part(again, 'resume'), 'the resume offer');
    expect(part(again, 'resume-button')!.textContent).to.contain('Resume from 0:30');
    part(again, 'start-over-button')!.click();
    await until(again, (s) => s.status === 'playing', 'playback to start');
    expect(again.playback!.position).to.be.below(1.5);
    await waitFor(async () => (await sdk.playback.get('fixture')) === undefined || (await sdk.playback.get('fixture'))!.position < 30, 'the old place to be forgotten');
  });

  it('does not offer to resume a place at the very start or end', async () => {
    const { provider, player, sdk } = await mount(await playerProgram(LONG), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    await sdk.playback.save('fixture', 2, 60);
    player.remove();
    const again = await recreate(provider);
    await new Promise((r) => setTimeout(r, 200));
    await settle(again);
    expect(part(again, 'resume')).to.equal(null);
  });

  it('saves the place when the page is hidden and when it is left', async () => {
    const { player, sdk } = await mount(await playerProgram(LONG), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing' && s.position > 1, 'playback past 1 s');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await until(player, (s) => s.status === 'paused', 'playback to stop on pagehide');
    await waitFor(async () => ((await sdk.playback.get('fixture'))?.position ?? 0) > 1, 'the place to be saved on pagehide');
    expect(button(player, 'Play')).to.exist;
  });
});
