import { expect } from 'chai';
import { html } from 'lit';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import type { PracticeLoggedEvent } from '../../../src/sdk/events.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { cdp } from '../../helpers/cdp.js';
import { button, manualClock, mount, part, primaryButtons, settle, standalone } from '../../helpers/player-object.js';
import { text } from '../../helpers/query.js';

const bellRequests = () => performance.getEntriesByType('resource').filter((r) => /\/bell\.(ogg|mp3)/.test(r.name)).length;

async function visibility(player: MeditationPlayer): Promise<void> {
  document.dispatchEvent(new Event('visibilitychange'));
  await settle(player);
}

/** The one-tap lengths, by their minutes. */
function presets(player: MeditationPlayer): HTMLButtonElement[] {
  return [...part(player, 'timer-presets')!.querySelectorAll('button')];
}

/** The field for a length of one's own. */
function customLength(player: MeditationPlayer): HTMLInputElement {
  return part(player, 'timer')!.querySelector<HTMLInputElement>('input[type=number]')!;
}

/** Types `value` into the length field, as a participant does, and leaves it. */
async function typeLength(player: MeditationPlayer, value: string): Promise<void> {
  const field = customLength(player);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(player);
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(player);
}

/** The progress ring's filled arc: how much of the practice has passed, out of 100. */
function ringDone(player: MeditationPlayer): number {
  return 100 - Number(part(player, 'timer-ring')!.querySelector('.done')!.getAttribute('stroke-dashoffset'));
}

describe('<meditation-player> timer', () => {
  afterEach(() => unmountAll());

  it('finishes at the right time after the page was hidden part way, rings the bell and logs the minutes', async () => {
    const clock = manualClock();
    const started = clock.now();
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player mode="timer" minutes="1" .now=${clock.now}></meditation-player>`);
    expect(part(player, 'title')!.textContent).to.equal('Silent practice timer');
    await expectAccessible(player);
    const logged: PracticeLoggedEvent[] = [];
    player.addEventListener('ck-practice-logged', (e) => logged.push(e));

    button(player, 'Start')!.click();
    await settle(player);
    expect(part(player, 'timer-display')!.textContent).to.contain('1:00');
    await waitFor(() => bellRequests() > 0, 'the start bell to load');
    await expectAccessible(player);

    clock.advance(20);
    await visibility(player);
    expect(part(player, 'timer-display')!.textContent).to.contain('0:40');

    // Hidden: the tab sleeps, no ticks, while 75 seconds pass.
    clock.advance(75);
    await visibility(player);
    await waitFor(() => logged.length === 1, 'the session to be logged');
    expect(logged[0]!.detail).to.include({ mode: 'timer', minutes: 1 });
    const [session] = sdk.practice.snapshot.sessions;
    expect(session).to.include({ mode: 'timer', seconds: 60, startedAt: started, endedAt: started + 60_000 });
    await settle(player);
    expect(part(player, 'summary')!.textContent).to.contain('Time is up.').and.contain('You practised for 1 minute.');
    expect(part(player, 'check-in')).to.exist;
    expect(part(player, 'timer-display')).to.equal(null);
    await expectAccessible(player);
  });

  it('pauses without counting the pause, and ends early on request', async () => {
    const clock = manualClock();
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player mode="timer" minutes="5" .now=${clock.now}></meditation-player>`);
    button(player, 'Start')!.click();
    await settle(player);
    clock.advance(50);
    button(player, 'Pause')!.click();
    await settle(player);
    expect(part(player, 'timer')!.textContent).to.contain('Paused');
    clock.advance(300);
    await visibility(player);
    expect(part(player, 'timer-display')!.textContent).to.contain('4:10');
    button(player, 'Resume')!.click();
    clock.advance(30);
    await settle(player);
    button(player, 'End')!.click();
    await waitFor(() => sdk.practice.snapshot.sessions.length === 1, 'the session to be logged');
    expect(sdk.practice.snapshot.sessions[0]!.seconds).to.equal(80);
    await settle(player);
    expect(part(player, 'summary')!.textContent).to.contain('You ended the practice.');
  });

  it('does not log less than a minute', async () => {
    const clock = manualClock();
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player mode="timer" minutes="5" .now=${clock.now}></meditation-player>`);
    button(player, 'Start')!.click();
    clock.advance(30);
    await settle(player);
    button(player, 'End')!.click();
    await new Promise((r) => setTimeout(r, 100));
    expect(sdk.practice.snapshot.sessions).to.have.length(0);
  });

  it('lets the participant choose the length (1–60 minutes) and an interval bell', async () => {
    const clock = manualClock();
    const { player } = await mount(await playerProgram(), html`<meditation-player mode="timer" .now=${clock.now}></meditation-player>`);
    const length = part(player, 'timer')!.querySelector<HTMLInputElement>('input[type=number]')!;
    expect(length.value).to.equal('10');
    length.value = '90';
    length.dispatchEvent(new Event('change'));
    await settle(player);
    expect(length.value).to.equal('60');
    length.value = '3';
    length.dispatchEvent(new Event('change'));
    await settle(player);
    const interval = part(player, 'timer')!.querySelector('select')!;
    expect([...interval.options].map((o) => o.textContent!.trim())).to.deep.equal(['None', 'Every 1 minute', 'Every 2 minutes']);
    interval.value = '1';
    interval.dispatchEvent(new Event('change'));
    button(player, 'Start')!.click();
    await settle(player);
    expect(part(player, 'timer-display')!.textContent).to.contain('3:00');
  });

  it('keeps time silently, and says so, when there is no bell', async () => {
    const player = await standalone(html`<meditation-player mode="timer" minutes="1"></meditation-player>`);
    expect(part(player, 'timer')!.textContent).to.contain('No bell sound is set');
    await expectAccessible(player);
  });

  it('says when the bell cannot be played, and keeps time', async () => {
    const player = await standalone(html`<meditation-player mode="timer" minutes="1" bell-src="/content/no-bell.ogg"></meditation-player>`);
    button(player, 'Start')!.click();
    const notice = await waitFor(() => (settle(player), player.shadowRoot!.querySelector('.timer .notice')), 'the bell notice', 8000);
    expect(notice.textContent).to.contain('bell could not be played').and.contain('not found (404)');
    expect(part(player, 'timer-display')).to.exist;
    await expectAccessible(player);
  });

  it('offers 3, 5, 10, 15 and 20 minutes with one tap, the chosen one pressed, and any other length typed', async () => {
    const clock = manualClock();
    const { player } = await mount(await playerProgram(), html`<meditation-player mode="timer" .now=${clock.now}></meditation-player>`);
    const group = part(player, 'timer-presets')!;
    expect(group.localName).to.equal('fieldset');
    expect(text(group.querySelector('legend'))).to.equal('Length (minutes)');
    expect(presets(player).map((b) => text(b))).to.deep.equal(['3', '5', '10', '15', '20']);
    expect(presets(player).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'true', 'false', 'false']);
    for (const b of presets(player)) {
      const box = b.getBoundingClientRect();
      expect(Math.min(box.width, box.height), `${text(b)} minutes target`).to.be.at.least(24);
    }
    expect(primaryButtons(player).map((b) => text(b))).to.deep.equal(['Start']);
    await expectAccessible(player);

    presets(player)[1]!.click();
    await settle(player);
    expect(player.minutes).to.equal(5);
    expect(customLength(player).value).to.equal('5');
    expect(presets(player).filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => text(b))).to.deep.equal(['5']);

    await typeLength(player, '7');
    expect(player.minutes).to.equal(7);
    expect(presets(player).some((b) => b.getAttribute('aria-pressed') === 'true')).to.equal(false);
    button(player, 'Start').click();
    await settle(player);
    expect(part(player, 'timer-display')!.textContent).to.contain('7:00');
    expect(part(player, 'timer-ring')!.getAttribute('aria-label')).to.equal('7 minutes left');
  });

  it('says clearly when a typed length cannot be used, and what it uses instead', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player mode="timer"></meditation-player>`);
    const field = customLength(player);
    field.value = '0';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(player);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    const note = part(player, 'timer')!.querySelector(`#${field.getAttribute('aria-describedby')}`)!;
    expect(text(note)).to.equal('Type a whole number of minutes from 1 to 60.');
    expect(note.getAttribute('role')).to.equal('alert');
    await expectAccessible(player);
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(player);
    expect(field.value).to.equal('1');
    expect(player.minutes).to.equal(1);
    expect(text(part(player, 'timer')!.querySelector('#length-note'))).to.equal('The timer runs for 1 to 60 whole minutes, so it is set to 1 minute.');

    await typeLength(player, '2.5');
    expect(field.value).to.equal('3');
    expect(text(part(player, 'timer')!.querySelector('#length-note'))).to.contain('set to 3 minutes');
    // A preset, or a length that can be used, clears the message.
    await typeLength(player, '12');
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    expect(part(player, 'timer')!.querySelector('#length-note')).to.equal(null);
    expect(player.minutes).to.equal(12);
  });

  it('fills a progress ring as time passes, with the time left in words, in steps under reduced motion', async () => {
    const clock = manualClock();
    const { player } = await mount(await playerProgram(), html`<meditation-player mode="timer" minutes="1" .now=${clock.now}></meditation-player>`);
    button(player, 'Start').click();
    await settle(player);
    const ring = part(player, 'timer-ring')!;
    expect(ring.getAttribute('role')).to.equal('img');
    expect(ringDone(player)).to.equal(0);
    expect(getComputedStyle(ring.querySelector('.done')!).transitionDuration).to.equal('1s');
    clock.advance(30);
    await visibility(player);
    expect(ringDone(player)).to.be.closeTo(50, 0.01);
    expect(ring.getAttribute('aria-label')).to.equal('30 seconds left');
    expect(primaryButtons(player).map((b) => text(b))).to.deep.equal(['Pause']);
    await expectAccessible(player);

    try {
      await cdp('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
      clock.advance(15);
      await visibility(player);
      // Still there, and still showing time passing, but without a sweep.
      expect(ring.checkVisibility()).to.equal(true);
      expect(getComputedStyle(ring.querySelector('.done')!).transitionDuration).to.equal('0s');
      expect(ringDone(player)).to.be.closeTo(75, 0.01);
      expect(ring.getAttribute('aria-label')).to.equal('15 seconds left');
    } finally {
      await cdp('Emulation.setEmulatedMedia', { features: [] });
    }
    button(player, 'Pause').click();
    await settle(player);
    expect(primaryButtons(player).map((b) => text(b))).to.deep.equal(['Resume']);
  });
});
