import { expect } from 'chai';
import { html } from 'lit';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { mount, part, until } from '../../helpers/player-object.js';

describe('<meditation-player> on a page with others', () => {
  afterEach(() => unmountAll());

  it('plays only one of two players at a time', async () => {
    const { provider } = await mount(
      await playerProgram(),
      html`<meditation-player meditation-id="fixture"></meditation-player><meditation-player meditation-id="fixture"></meditation-player>`,
    );
    const [a, b] = [...provider.querySelectorAll('meditation-player')] as MeditationPlayer[];
    part(a!, 'play-button')!.click();
    await until(a!, (s) => s.status === 'playing', 'the first player to play');
    part(b!, 'play-button')!.click();
    await until(b!, (s) => s.status === 'playing', 'the second player to play');
    await until(a!, (s) => s.status === 'paused', 'the first player to pause');
    part(a!, 'play-button')!.click();
    await until(a!, (s) => s.status === 'playing', 'the first player to play again');
    await until(b!, (s) => s.status === 'paused', 'the second player to pause');
  });

  it('stops its audio when it is removed from the page', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing', 'playback');
    player.remove();
    expect(player.playback!.status).to.equal('idle');
    await waitFor(() => ![...document.querySelectorAll('audio')].some((a) => !a.paused), 'every audio element to be silent');
  });

  it('pauses a playing track when a timer starts elsewhere on the page', async () => {
    const { provider } = await mount(
      await playerProgram(),
      html`<meditation-player meditation-id="fixture"></meditation-player><meditation-player mode="timer" minutes="1"></meditation-player>`,
    );
    const [guided, timer] = [...provider.querySelectorAll('meditation-player')] as MeditationPlayer[];
    part(guided!, 'play-button')!.click();
    await until(guided!, (s) => s.status === 'playing', 'playback');
    [...timer!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Start')!.click();
    await until(guided!, (s) => s.status === 'paused', 'the track to pause');
  });
});
