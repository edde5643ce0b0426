import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { button, manualClock, mount, part, settle, until } from '../../helpers/player-object.js';
import { text } from '../../helpers/query.js';

/** The fixture meditation with a recording of almost five minutes, so that skipping 15 seconds stays inside it. */
const LONG = (p: Parameters<Parameters<typeof playerProgram>[0] & object>[0]) => {
  Object.assign(p.meditations.find((m) => m.id === 'fixture')!, { duration: 281.8, audio: [{ src: 'audio/safe-place.ogg', type: 'audio/ogg' }] });
};

const press = async (player: MeditationPlayer, key: string) => {
  await sendKeys({ press: key });
  await settle(player);
};

describe('<meditation-player> keyboard shortcuts and the time left', () => {
  afterEach(() => unmountAll());

  it('plays and pauses with K and Space, skips with the arrow keys and mutes with M while focus is inside the player', async () => {
    const { player } = await mount(await playerProgram(LONG), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    part<HTMLInputElement>(player, 'seek')!.focus();
    await press(player, 'k');
    await until(player, (s) => s.status === 'playing', 'K to start playback');
    await press(player, 'k');
    await until(player, (s) => s.status === 'paused', 'K to pause');
    await press(player, 'Space');
    await until(player, (s) => s.status === 'playing', 'Space on the slider to play');
    await press(player, 'Space');
    await until(player, (s) => s.status === 'paused', 'Space on the slider to pause');

    // On a button, arrows skip 15 seconds.
    player.seek(20);
    part(player, 'back-button')!.focus();
    await press(player, 'ArrowRight');
    expect(player.playback!.position).to.be.closeTo(35, 0.01);
    await press(player, 'ArrowLeft');
    await press(player, 'ArrowLeft');
    expect(player.playback!.position).to.be.closeTo(5, 0.01);

    // M mutes and unmutes, and the Mute button says so.
    await press(player, 'm');
    expect(player.playback!.muted).to.equal(true);
    expect(button(player, 'Mute').getAttribute('aria-pressed')).to.equal('true');
    await press(player, 'M');
    expect(player.playback!.muted).to.equal(false);
  });

  it('lets Space press the focused button once, never play and pause too', async () => {
    const { player } = await mount(await playerProgram(LONG), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    part(player, 'play-button')!.focus();
    await press(player, 'Space');
    await until(player, (s) => s.status === 'playing', 'Space on Play to play');
    await new Promise((r) => setTimeout(r, 150));
    expect(player.playback!.status).to.equal('playing');
    await press(player, 'Space');
    await until(player, (s) => s.status === 'paused', 'Space on Pause to pause');

    // Space on Mute mutes, and leaves playback alone.
    button(player, 'Mute').focus();
    await press(player, 'Space');
    expect(player.playback).to.include({ muted: true, status: 'paused' });
  });

  it('does nothing while typing in a field inside the player, or with focus outside it', async () => {
    const clock = manualClock();
    const program = await playerProgram(LONG);
    const { player } = await mount(program, html`<meditation-player meditation-id="fixture" .now=${clock.now}></meditation-player>`);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing', 'playback');
    clock.advance(75);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'paused', 'the pause');
    button(player, 'Finish for now').click();
    await waitFor(() => (settle(player), part(player, 'check-in')), 'the check-in');
    button(player, 'calmer').click();
    const note = await waitFor(() => (settle(player), part(player, 'check-in')!.querySelector('textarea')), 'the check-in note');
    note.focus();
    await sendKeys({ type: 'km k' });
    await settle(player);
    expect(note.value).to.equal('km k');
    expect(player.playback).to.include({ status: 'paused', muted: false });

    // The speed list keeps its own keys.
    part(player, 'settings')!.querySelector('select')!.focus();
    await press(player, 'k');
    expect(player.playback!.status).to.equal('paused');

    // Outside the player, the page's keys are the page's.
    const outside = document.createElement('button');
    outside.textContent = 'Elsewhere';
    document.body.append(outside);
    outside.focus();
    await press(player, 'k');
    await press(player, 'm');
    outside.remove();
    expect(player.playback).to.include({ status: 'paused', muted: false });
  });

  it('shows the time left instead of the total while its button is pressed', async () => {
    const { player } = await mount(await playerProgram(LONG), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    player.seek(20);
    await settle(player);
    const time = part(player, 'time')!;
    const toggle = time.querySelector('button')!;
    expect(text(toggle)).to.contain('Show time left');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(text(time.querySelector('button [aria-hidden]'))).to.equal('4:41');
    toggle.click();
    await settle(player);
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(text(time.querySelector('button [aria-hidden]'))).to.equal('−4:21');
    player.seek(45);
    await settle(player);
    expect(text(time.querySelector('button [aria-hidden]'))).to.equal('−3:56');
    toggle.click();
    await settle(player);
    expect(text(time.querySelector('button [aria-hidden]'))).to.equal('4:41');
  });
});
