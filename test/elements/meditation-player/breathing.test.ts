import { expect } from 'chai';
import { html } from 'lit';
import { playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cdp } from '../../helpers/cdp.js';
import { cleanup, waitFor } from '../../helpers/fixture.js';
import { button, manualClock, mount, part, settle, standalone } from '../../helpers/player-object.js';

const reduceMotion = (value: 'reduce' | 'no-preference') => cdp('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value }] });

describe('<meditation-player> breathing', () => {
  afterEach(async () => {
    cleanup();
    await cdp('Emulation.setEmulatedMedia', { features: [] });
  });

  it('grows and shrinks a circle at about six breaths a minute by default', async () => {
    await reduceMotion('no-preference');
    const player = await standalone(html`<meditation-player mode="breathing"></meditation-player>`);
    expect(part(player, 'pacer')!.textContent).to.contain('4.5 seconds in, 5.5 seconds out: about 6 breaths a minute');
    await expectAccessible(player);
    button(player, 'Start')!.click();
    await settle(player);
    const animations = player.shadowRoot!.getAnimations();
    expect(animations).to.have.length(1);
    expect((animations[0]!.effect as KeyframeEffect).target).to.equal(part(player, 'breathing-shape'));
    expect((animations[0]!.effect as KeyframeEffect).getTiming().duration).to.equal(10_000);
    expect(part(player, 'breathing-cue')!.textContent).to.equal('Breathe in…');
    await expectAccessible(player);
    button(player, 'Stop')!.click();
    await settle(player);
    expect(player.shadowRoot!.getAnimations()).to.have.length(0);
  });

  it('shows calm words and no movement under reduced motion', async () => {
    await reduceMotion('reduce');
    const clock = manualClock();
    const player = await standalone(html`<meditation-player mode="breathing" .now=${clock.now}></meditation-player>`);
    expect(part(player, 'breathing-cue')!.textContent).to.contain('follow the words');
    button(player, 'Start')!.click();
    await settle(player);
    expect(player.shadowRoot!.getAnimations()).to.have.length(0);
    const shape = part(player, 'breathing-shape')!;
    expect(getComputedStyle(shape).animationName).to.equal('none');
    expect(getComputedStyle(shape).transform).to.equal('none');
    expect(part(player, 'breathing-cue')!.textContent).to.equal('Breathe in…');
    clock.advance(5);
    document.dispatchEvent(new Event('visibilitychange'));
    await settle(player);
    expect(part(player, 'breathing-cue')!.textContent).to.equal('Breathe out…');
    expect(player.shadowRoot!.getAnimations()).to.have.length(0);
    await expectAccessible(player);
  });

  it('stops the movement at once when reduced motion is turned on mid-session', async () => {
    await reduceMotion('no-preference');
    const player = await standalone(html`<meditation-player mode="breathing"></meditation-player>`);
    button(player, 'Start')!.click();
    await settle(player);
    expect(player.shadowRoot!.getAnimations()).to.have.length(1);
    await reduceMotion('reduce');
    await waitFor(async () => (await settle(player), player.shadowRoot!.getAnimations().length === 0), 'the animation to stop');
  });

  it('takes its own pace from breathe-in and breathe-out', async () => {
    const player = await standalone(html`<meditation-player mode="breathing" breathe-in="4" breathe-out="6"></meditation-player>`);
    expect(part(player, 'pacer')!.textContent).to.contain('4 seconds in, 6 seconds out: about 6 breaths a minute');
  });

  it('logs a session of a minute or more when stopped, and offers the check-in', async () => {
    const clock = manualClock();
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player mode="breathing" .now=${clock.now}></meditation-player>`);
    button(player, 'Start')!.click();
    clock.advance(90);
    await settle(player);
    button(player, 'Stop')!.click();
    await waitFor(() => sdk.practice.snapshot.sessions.length === 1, 'the session to be logged');
    expect(sdk.practice.snapshot.sessions[0]).to.include({ mode: 'breathing', seconds: 90 });
    await settle(player);
    expect(part(player, 'summary')!.textContent).to.contain('You practised for 2 minutes.');
    expect(part(player, 'check-in')).to.exist;
    expect(part(player, 'stats')!.textContent).to.contain('2 minutes of practice');
  });
});
