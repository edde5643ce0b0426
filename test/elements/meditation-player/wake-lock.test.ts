import { expect } from 'chai';
import { html } from 'lit';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { cdp } from '../../helpers/cdp.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { button, manualClock, mount, part, settle } from '../../helpers/player-object.js';

/**
 * Watches the real Screen Wake Lock API: every request still goes to Chromium, and each lock it
 * grants is kept here so that the test can see whether it has been released.
 */
function watchWakeLock(refuse = false) {
  const wakeLock = navigator.wakeLock;
  const real = wakeLock.request.bind(wakeLock);
  const granted: WakeLockSentinel[] = [];
  let requests = 0;
  Object.defineProperty(wakeLock, 'request', {
    configurable: true,
    value: async (type: WakeLockType) => {
      requests++;
      if (refuse) throw new DOMException('Wake lock permission denied.', 'NotAllowedError');
      const sentinel = await real(type);
      granted.push(sentinel);
      return sentinel;
    },
  });
  return {
    granted,
    get requests() {
      return requests;
    },
    /** Locks granted and not yet released. */
    held: () => granted.filter((s) => !s.released).length,
    stop: () => delete (wakeLock as { request?: unknown }).request,
  };
}

/** Makes the page report itself hidden (or visible again) and tells the player, as a phone going to sleep would. */
async function setHidden(player: MeditationPlayer, hidden: boolean): Promise<void> {
  if (hidden) Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  else delete (document as { visibilityState?: unknown }).visibilityState;
  document.dispatchEvent(new Event('visibilitychange'));
  await settle(player);
}

describe('<meditation-player> timer keeps the screen on', () => {
  let watch: ReturnType<typeof watchWakeLock> | undefined;

  before(async () => {
    // Chromium grants the screen wake lock to a visible page; make the permission explicit all the same.
    await cdp('Browser.setPermission', { permission: { name: 'screen-wake-lock' }, setting: 'granted' });
  });

  afterEach(async () => {
    watch?.stop();
    watch = undefined;
    delete (document as { visibilityState?: unknown }).visibilityState;
    await unmountAll();
  });

  it('holds a screen wake lock while the timer runs, and releases it on pause, when hidden and at the end', async () => {
    watch = watchWakeLock();
    const w = watch;
    const clock = manualClock();
    const { player } = await mount(await playerProgram(), html`<meditation-player mode="timer" minutes="1" .now=${clock.now}></meditation-player>`);
    expect(w.requests, 'nothing before Start').to.equal(0);

    button(player, 'Start').click();
    await waitFor(() => w.held() === 1, 'the wake lock to be granted');
    expect(w.granted[0]!.type).to.equal('screen');

    button(player, 'Pause').click();
    await waitFor(() => w.granted[0]!.released, 'the lock to be released on pause');
    button(player, 'Resume').click();
    await waitFor(() => w.held() === 1 && w.granted.length === 2, 'a new lock on resume');

    // The phone sleeps: released; it wakes with the timer still running: taken again.
    await setHidden(player, true);
    await waitFor(() => w.granted[1]!.released, 'the lock to be released when hidden');
    expect(w.held()).to.equal(0);
    await setHidden(player, false);
    await waitFor(() => w.held() === 1 && w.granted.length === 3, 'the lock again when visible');

    // Time is up: released with the end bell.
    clock.advance(61);
    await setHidden(player, false);
    await waitFor(() => (settle(player), part(player, 'summary')), 'the end of the practice');
    await waitFor(() => w.granted[2]!.released, 'the lock to be released at the end');
    expect(w.held()).to.equal(0);
  });

  it('releases the lock when the participant ends early or leaves the page', async () => {
    watch = watchWakeLock();
    const w = watch;
    const { player } = await mount(await playerProgram(), html`<meditation-player mode="timer" minutes="5"></meditation-player>`);
    button(player, 'Start').click();
    await waitFor(() => w.held() === 1, 'the wake lock');
    button(player, 'End').click();
    await waitFor(() => w.held() === 0, 'the lock to be released on End');

    button(player, 'Start again').click();
    await waitFor(() => w.held() === 1, 'the wake lock again');
    player.remove();
    await waitFor(() => w.held() === 0, 'the lock to be released when the player leaves');
  });

  it('keeps time, and shows nothing alarming, when the browser refuses the lock', async () => {
    watch = watchWakeLock(true);
    const w = watch;
    const clock = manualClock();
    const { player } = await mount(await playerProgram(), html`<meditation-player mode="timer" minutes="1" .now=${clock.now}></meditation-player>`);
    const errors: Event[] = [];
    player.addEventListener('ck-error', (e) => errors.push(e));
    button(player, 'Start').click();
    await waitFor(() => w.requests === 1, 'the request');
    await settle(player);
    clock.advance(10);
    await setHidden(player, false);
    expect(part(player, 'timer-display')!.textContent).to.contain('0:50');
    expect(player.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect(errors).to.have.length(0);
    // Refused once: not asked again every second, only when the page is shown again.
    clock.advance(2);
    await new Promise((r) => setTimeout(r, 1100));
    expect(w.requests).to.equal(2);
  });
});
