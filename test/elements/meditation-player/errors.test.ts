import { expect } from 'chai';
import { html } from 'lit';
import type { CompassionErrorEvent } from '../../../src/sdk/events.js';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { mount, part, settle, standalone, until } from '../../helpers/player-object.js';

describe('<meditation-player> failures', () => {
  afterEach(() => unmountAll());

  it('says a missing recording was not found (404), offers a retry, and another player then plays normally', async () => {
    const { provider, player } = await mount(
      await playerProgram(),
      html`<meditation-player meditation-id="missing"></meditation-player><meditation-player meditation-id="fixture"></meditation-player>`,
    );
    const [, other] = [...provider.querySelectorAll('meditation-player')] as MeditationPlayer[];
    const errors: CompassionErrorEvent[] = [];
    player.addEventListener('ck-error', (e) => errors.push(e));
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'error', 'the error');
    await settle(player);
    const error = part(player, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('could not be played').and.contain('not-there.ogg').and.contain('not found (404)');
    expect(errors[0]!.detail).to.include({ code: 'not-found', source: 'audio' });
    await expectAccessible(player);

    // The retry tries again (and says the same, specifically: the file is still missing).
    part(player, 'retry-button')!.click();
    await until(player, (s) => s.status === 'loading', 'the retry to start');
    await until(player, (s) => s.status === 'error', 'the retry to fail again');
    expect(player.playback!.error!.code).to.equal('not-found');

    part(other!, 'play-button')!.click();
    await until(other!, (s) => s.status === 'playing' && s.position > 0.3, 'the other player to play');
  });

  it('names an unknown meditation id and lists the ones the program has', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="nope"></meditation-player>`);
    const error = part(player, 'error')!;
    expect(error.textContent).to.contain('no meditation "nope"').and.contain('cultivating-compassion');
    await expectAccessible(player);
  });

  it('explains a program that cannot be loaded and offers a retry; without meditation-id it says what is missing', async () => {
    const broken = await standalone(html`<meditation-player src="/content/does-not-exist.json" storage="memory" meditation-id="fixture"></meditation-player>`);
    const error = await waitFor(() => part(broken, 'error'), 'the program error');
    expect(error.textContent).to.contain('This practice cannot be played right now').and.contain('404');
    expect(part(broken, 'retry-button')).to.exist;
    await expectAccessible(broken);
    part(broken, 'retry-button')!.click();
    await settle(broken);
    await waitFor(() => part(broken, 'error'), 'the error again after the retry');

    const empty = await standalone(html`<meditation-player></meditation-player>`);
    expect(part(empty, 'error')!.textContent).to.contain('meditation-id').and.contain('audio-src');
  });

  it('shows a loading state while the program loads', async () => {
    const player = await standalone(html`<meditation-player src="/__test/slow" storage="memory" meditation-id="fixture"></meditation-player>`);
    const status = part(player, 'status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.contain('Loading');
    await expectAccessible(player);
  });

  it('says when the participant is offline', async () => {
    const player = await standalone(html`<meditation-player mode="breathing"></meditation-player>`);
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await settle(player);
      expect(player.shadowRoot!.textContent).to.contain('You are offline');
      await expectAccessible(player);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
      window.dispatchEvent(new Event('online'));
    }
    await settle(player);
    expect(player.shadowRoot!.textContent).not.to.contain('You are offline');
  });
});
