import { expect } from 'chai';
import { AudioEngine, loadHowler, type AudioSnapshot } from '../../../src/sdk/audio/engine.js';
import { cdp } from '../../helpers/cdp.js';
import { waitFor } from '../../helpers/fixture.js';

const FIXTURE = [
  { src: '/packages/default-program/audio/fixture-short.ogg', type: 'audio/ogg' },
  { src: '/packages/default-program/audio/fixture-short.mp3', type: 'audio/mpeg' },
];
const MISSING = [{ src: '/packages/default-program/audio/does-not-exist.ogg', type: 'audio/ogg' }];

describe('AudioEngine', () => {
  let engines: AudioEngine[] = [];
  const make = (sources = FIXTURE, title = 'Fixture') => {
    const e = new AudioEngine({ title, sources, artist: 'compassion-kit' });
    engines.push(e);
    return e;
  };
  const until = (e: AudioEngine, check: (s: AudioSnapshot) => boolean, what: string, timeout = 10000) =>
    waitFor(() => check(e.snapshot), what, timeout);

  afterEach(async () => {
    engines.forEach((e) => e.unload());
    engines = [];
    await cdp('Network.setBlockedURLs', { urls: [] }).catch(() => undefined);
  });

  it('downloads howler only on the first play', async () => {
    const howlerRequests = () => performance.getEntriesByType('resource').filter((r) => /howler/i.test(r.name)).length;
    const e = make();
    expect(e.snapshot.status).to.equal('idle');
    expect(howlerRequests()).to.equal(0);
    await e.play();
    expect(howlerRequests()).to.be.greaterThan(0);
    expect(e.snapshot.status).to.equal('playing');
  });

  it('streams with an <audio> element rather than decoding the whole file', async () => {
    const e = make();
    await e.play();
    const howl = (e as unknown as { howl: { _html5: boolean; _webAudio: boolean } }).howl;
    expect(howl._html5).to.equal(true);
    expect(howl._webAudio).to.equal(false);
  });

  it('plays: the position advances, pause holds it, and a seek lands', async () => {
    const e = make();
    const snapshots: AudioSnapshot[] = [];
    e.subscribe((s) => snapshots.push(s));
    await e.play();
    expect(e.snapshot.duration).to.be.within(5, 8);
    await until(e, (s) => s.position > 0.8, 'the position to pass 0.8 s');
    e.pause();
    expect(e.snapshot.status).to.equal('paused');
    const held = e.snapshot.position;
    await new Promise((r) => setTimeout(r, 600));
    expect(e.snapshot.position).to.be.closeTo(held, 0.05);
    e.seek(3);
    expect(e.snapshot.position).to.equal(3);
    await e.play();
    await until(e, (s) => s.position > 3.2, 'playback to continue after 3 s');
    expect(e.snapshot.position).to.be.below(5);
    // Snapshots are replaced, never mutated.
    expect(new Set(snapshots).size).to.equal(snapshots.length);
    expect(Object.isFrozen(e.snapshot)).to.equal(true);
  });

  it('reports the end of the track', async () => {
    const e = make();
    e.seek(4.5);
    await e.play();
    await until(e, (s) => s.status === 'ended', 'the end of the track');
    expect(e.snapshot.position).to.equal(e.snapshot.duration);
    // Playing again starts from the beginning.
    await e.play();
    await until(e, (s) => s.status === 'playing' && s.position < 2, 'a restart from the beginning');
  });

  it('keeps speed, volume and mute and reports them', async () => {
    const e = make();
    e.setRate(1.25);
    e.setVolume(0.4);
    e.setMuted(true);
    await e.play();
    const node = (e as unknown as { mediaElement(): HTMLMediaElement }).mediaElement();
    expect(node.playbackRate).to.equal(1.25);
    expect(node.muted).to.equal(true);
    expect(e.snapshot).to.include({ rate: 1.25, volume: 0.4, muted: true });
    e.setMuted(false);
    expect(node.muted).to.equal(false);
    expect(node.volume).to.be.closeTo(0.4, 0.01);
  });

  it('plays only one track at a time on a page', async () => {
    const a = make(FIXTURE, 'A');
    const b = make(FIXTURE, 'B');
    await a.play();
    await b.play();
    expect(b.snapshot.status).to.equal('playing');
    expect(a.snapshot.status).to.equal('paused');
    await a.play();
    expect(b.snapshot.status).to.equal('paused');
  });

  it('shows the playing track on the lock screen and clears it on unload', async () => {
    const e = make(FIXTURE, 'Lock screen title');
    await e.play();
    expect(navigator.mediaSession.metadata?.title).to.equal('Lock screen title');
    expect(navigator.mediaSession.metadata?.artist).to.equal('compassion-kit');
    expect(navigator.mediaSession.playbackState).to.equal('playing');
    e.pause();
    expect(navigator.mediaSession.playbackState).to.equal('paused');
    e.unload();
    expect(navigator.mediaSession.metadata).to.equal(null);
    expect(navigator.mediaSession.playbackState).to.equal('none');
  });

  it('reports a missing file as not found (404), and another track still plays', async () => {
    const missing = make(MISSING, 'Missing');
    await missing.play();
    expect(missing.snapshot.status).to.equal('error');
    expect(missing.snapshot.error?.code).to.equal('not-found');
    expect(missing.snapshot.error?.status).to.equal(404);
    expect(missing.snapshot.error?.message).to.contain('does-not-exist.ogg').and.contain('404');
    const { Howler } = await loadHowler();
    expect(Howler.noAudio).to.equal(false);
    const other = make();
    await other.play();
    expect(other.snapshot.status).to.equal('playing');
    // Retrying the missing one tries again and says the same, specifically.
    await missing.retry();
    expect(missing.snapshot.error?.code).to.equal('not-found');
  });

  it('plays even if howler was left believing there is no audio', async () => {
    const { Howler } = await loadHowler();
    Howler.noAudio = true;
    const e = make();
    await e.play();
    expect(e.snapshot.status).to.equal('playing');
  });

  it('reports a network failure specifically, and a retry works once the file can be reached', async () => {
    // Emulating a whole offline page would also cut the test runner's own connection: block just this file.
    const url = `/packages/default-program/audio/fixture-short.mp3?network-test=${Date.now()}`;
    await cdp('Network.enable');
    await cdp('Network.setBlockedURLs', { urls: ['*network-test=*'] });
    const e = make([{ src: url, type: 'audio/mpeg' }]);
    await e.play();
    expect(e.snapshot.status).to.equal('error');
    expect(e.snapshot.error?.code).to.equal('network');
    expect(e.snapshot.error?.retryable).to.equal(true);
    expect(e.snapshot.error?.message).to.contain('fixture-short.mp3');
    await cdp('Network.setBlockedURLs', { urls: [] });
    await cdp('Network.disable');
    await e.retry();
    expect(e.snapshot.status).to.equal('playing');
  });

  it('says so when the browser blocks playback, and plays on the next press', async () => {
    // This browser runs with autoplay allowed, so a refusal is simulated for one call only:
    // the one thing no real Chromium here can produce.
    const original = HTMLMediaElement.prototype.play;
    let refuse = true;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (refuse) {
        refuse = false;
        return Promise.reject(new DOMException('play() needs a user gesture', 'NotAllowedError'));
      }
      return original.call(this);
    };
    try {
      const e = make();
      await e.play();
      expect(e.snapshot.blocked).to.equal(true);
      expect(e.snapshot.status).to.be.oneOf(['ready', 'paused']);
      // A person presses again a moment later, never in the same task.
      await new Promise((r) => setTimeout(r, 50));
      await e.play();
      expect(e.snapshot.blocked).to.equal(false);
      expect(e.snapshot.status).to.equal('playing');
    } finally {
      HTMLMediaElement.prototype.play = original;
    }
  });

  it('unloads cleanly and can play again from where it was', async () => {
    const e = make();
    e.seek(2);
    await e.play();
    e.unload();
    expect(e.snapshot.status).to.equal('idle');
    const { Howler } = await loadHowler();
    expect((Howler as unknown as { _howls: unknown[] })._howls).to.have.length(0);
    await e.play();
    expect(e.snapshot.position).to.be.at.least(2);
  });

  it('refuses a track with no source with a clear error', async () => {
    const e = make([], 'Nothing');
    await e.play();
    expect(e.snapshot.error?.code).to.equal('invalid-source');
    expect(e.snapshot.error?.message).to.contain('Nothing');
  });
});
