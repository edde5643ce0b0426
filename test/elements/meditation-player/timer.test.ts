import { expect } from 'chai';
import { html } from 'lit';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import type { PracticeLoggedEvent } from '../../../src/sdk/events.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { button, manualClock, mount, part, settle, standalone } from '../../helpers/player-object.js';

const bellRequests = () => performance.getEntriesByType('resource').filter((r) => /\/bell\.(ogg|mp3)/.test(r.name)).length;

async function visibility(player: MeditationPlayer): Promise<void> {
  document.dispatchEvent(new Event('visibilitychange'));
  await settle(player);
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
});
