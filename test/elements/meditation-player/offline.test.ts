import { expect } from 'chai';
import { html } from 'lit';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import { openProgram } from '../../../src/sdk/program.js';
import { FIXTURE_MEDITATION, PROGRAM_URL, playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cdp } from '../../helpers/cdp.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { mount, part, settle, until } from '../../helpers/player-object.js';

const AUDIO = new URL('/packages/default-program/audio/fixture-short.ogg', location.href).href;
const TRANSCRIPT = new URL('/packages/default-program/audio/fixture-short.vtt', location.href).href;
const FIXTURE_BYTES = 14503 + 321;

/**
 * Takes the page offline as far as the program's files go: the browser refuses every request
 * under /packages/default-program/ (DevTools' request blocking) and says it is offline. (Emulating a whole offline
 * network would also cut the test runner's own connection to this page.)
 */
async function offline(): Promise<void> {
  await cdp('Network.enable');
  await cdp('Network.setBlockedURLs', { urls: ['*/packages/default-program/*'] });
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
}

async function online(): Promise<void> {
  await cdp('Network.setBlockedURLs', { urls: [] });
  await cdp('Network.disable');
  if (Object.getOwnPropertyDescriptor(navigator, 'onLine')) {
    delete (navigator as unknown as Record<string, unknown>).onLine;
    window.dispatchEvent(new Event('online'));
  }
}

/** Waits for the "Keep on this device" control to show `name` (one of its parts). */
function control(player: MeditationPlayer, name: string): Promise<HTMLElement> {
  return waitFor(async () => {
    await settle(player);
    return part<HTMLElement>(player, name);
  }, `the keep control's ${name}`);
}

describe('<meditation-player> keeping a recording on this device', () => {
  afterEach(async () => {
    await online();
    await unmountAll();
    for (const name of await caches.keys()) if (name.startsWith('compassion-kit:')) await caches.delete(name);
  });

  it('keeps the recording, transcript and program file, plays the kept copy offline, and frees the space when removed', async () => {
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const keep = await control(player, 'keep-button');
    expect(keep.textContent).to.contain('Keep on this device');
    // Looking is not writing: no cache exists before the participant asks.
    expect(await caches.has(`compassion-kit:${sdk.id}`)).to.equal(false);
    await expectAccessible(player);

    keep.focus();
    keep.click();
    const remove = await control(player, 'keep-remove-button');
    expect(part(player, 'keep')!.textContent).to.contain('Kept on this device · 15 kB');
    // Focus follows the control from Keep to Remove.
    expect(player.shadowRoot!.activeElement).to.equal(remove);
    expect(remove.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Remove from this device');
    await expectAccessible(player);

    const kept = await sdk.offline();
    expect(await kept.status('fixture')).to.include({ kept: true, bytes: FIXTURE_BYTES });
    const cache = await caches.open(`compassion-kit:${sdk.id}`);
    expect(await cache.match(AUDIO), 'the Ogg, the format Chromium plays first').to.exist;
    expect(await cache.match(AUDIO.replace('.ogg', '.mp3')), 'not the other format').to.equal(undefined);
    expect(await (await cache.match(TRANSCRIPT))!.text()).to.contain('WEBVTT');
    const storedProgram = (await (await cache.match(new URL(sdk.content.url!).href))!.json()) as { id: string };
    expect(storedProgram.id).to.equal(sdk.id);
    const usage = await kept.usage();
    expect(usage.meditations).to.deep.equal(['fixture']);
    expect(usage.bytes).to.be.greaterThan(FIXTURE_BYTES);

    // Keeping brought the audio code too; now the network goes away.
    await waitFor(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).some((e) => e.name.includes('howler')), 'howler to arrive');
    await offline();
    expect(await fetch(AUDIO).then(() => 'fetched', () => 'refused'), 'the network copy is out of reach').to.equal('refused');
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing' && s.position > 0.5, 'the kept copy to play offline');
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'paused', 'the pause');
    await online();

    (await control(player, 'keep-remove-button')).click();
    const again = await control(player, 'keep-button');
    expect(part(player, 'keep')!.textContent).to.contain('Removed from this device. 15 kB freed.');
    expect(player.shadowRoot!.activeElement).to.equal(again);
    expect(await kept.status('fixture')).to.include({ kept: false, bytes: 0 });
    expect((await kept.usage()).bytes).to.equal(0);
    expect(await caches.has(`compassion-kit:${sdk.id}`), 'the emptied cache is gone').to.equal(false);
    await expectAccessible(player);
  });

  it('plays the kept copy when the recording cannot be fetched although the browser is online', async () => {
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    await (await sdk.offline()).keep('fixture');
    await cdp('Network.enable');
    await cdp('Network.setBlockedURLs', { urls: ['*fixture-short.ogg*', '*fixture-short.mp3*'] });
    expect(await fetch(AUDIO).then(() => 'fetched', () => 'refused')).to.equal('refused');
    expect(navigator.onLine).to.equal(true);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing' && s.position > 0.5, 'the kept copy to play');
    expect(player.playback!.error).to.equal(null);
  });

  it('opens the kept program file when the program cannot be fetched, validated as ever', async () => {
    const { sdk } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    await (await sdk.offline()).keep('fixture');
    await cdp('Network.enable');
    await cdp('Network.setBlockedURLs', { urls: ['*/program.json*'] });
    const again = await openProgram({ url: PROGRAM_URL, storage: 'memory' });
    try {
      expect(again.id).to.equal(sdk.id);
      expect(again.content.meditation('fixture')).to.exist;
    } finally {
      again.close();
    }
  });

  it('says plainly when a recording cannot be downloaded to keep (404), and leaves nothing half-stored', async () => {
    const program = await playerProgram((p) => {
      // A real recording with a transcript that is missing: the recording is stored first, then must go.
      p.meditations.push({ ...structuredClone(FIXTURE_MEDITATION), id: 'half', transcript: { src: 'audio/not-there.vtt' } });
    });
    const { player, sdk } = await mount(program, html`<meditation-player meditation-id="half"></meditation-player>`);
    (await control(player, 'keep-button')).click();
    const error = await control(player, 'keep-error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.dataset.code).to.equal('not-found');
    expect(error.textContent).to.contain('transcript "not-there.vtt" was not found (404)');
    expect(part(player, 'keep-button'), 'keeping can be tried again').to.exist;
    expect(await caches.has(`compassion-kit:${sdk.id}`), 'nothing half-stored').to.equal(false);
    expect(await (await sdk.offline()).status('half')).to.include({ kept: false });
    await expectAccessible(player);
  });

  it('says calmly that the device is full when the quota is exceeded, and keeps nothing', async () => {
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const keep = await control(player, 'keep-button');
    await cdp('Storage.overrideQuotaForOrigin', { origin: location.origin, quotaSize: 1 });
    try {
      keep.click();
      const error = await control(player, 'keep-error');
      expect(error.dataset.code).to.equal('quota');
      expect(error.textContent).to.contain('not enough space on this device').and.contain('Nothing was kept');
      expect(await caches.has(`compassion-kit:${sdk.id}`)).to.equal(false);
      await expectAccessible(player);
    } finally {
      await cdp('Storage.overrideQuotaForOrigin', { origin: location.origin }); // no size: back to the browser's own quota
    }
  });

  it('offers no control when the clinic turns keeping off, and none for a recording outside a program', async () => {
    const { provider, player, sdk } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    await control(player, 'keep-button');
    provider.setAttribute('keep-recordings', 'off');
    await waitFor(async () => {
      await settle(player);
      return !part(player, 'keep');
    }, 'the control to go');
    expect(provider.keepRecordings).to.equal('off');
    expect(await caches.has(`compassion-kit:${sdk.id}`)).to.equal(false);
    await expectAccessible(player);
    provider.keepRecordings = 'on';
    await control(player, 'keep-button');

    const { player: alone } = await mount(await playerProgram(), html`<meditation-player audio-src="/packages/default-program/audio/fixture-short.ogg"></meditation-player>`);
    await new Promise((r) => setTimeout(r, 200));
    await settle(alone);
    expect(part(alone, 'keep')).to.equal(null);
  });
});
