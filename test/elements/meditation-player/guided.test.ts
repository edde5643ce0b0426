import { checkInEntryId } from '../../../src/sdk/store/check-in.js';
import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { PracticeLoggedEvent } from '../../../src/sdk/events.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { button, mount, part, settle, until } from '../../helpers/player-object.js';

describe('<meditation-player> guided', () => {
  afterEach(() => unmountAll());

  it('is accessible before playing, and shows title, description, controls and the support button', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    expect(part(player, 'title')!.textContent).to.equal('Fixture practice');
    expect(part(player, 'description')!.textContent).to.contain('six-second');
    expect(part(player, 'play-button')!.textContent).to.contain('Play');
    expect(part(player, 'support-button')).to.exist;
    expect(player.playback!.status).to.equal('idle');
    await expectAccessible(player);
  });

  it('plays: the position advances, pause holds it, and the slider seeks by keyboard', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing' && s.position > 0.6, 'playback to advance');
    expect(part(player, 'play-button')!.textContent).to.contain('Pause');
    await expectAccessible(player);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'paused', 'the pause');
    const held = player.playback!.position;
    await new Promise((r) => setTimeout(r, 500));
    expect(player.playback!.position).to.be.closeTo(held, 0.05);
    await expectAccessible(player);

    const slider = part<HTMLInputElement>(player, 'seek')!;
    slider.focus();
    await sendKeys({ press: 'Home' });
    await settle(player);
    expect(player.playback!.position).to.equal(0);
    await sendKeys({ press: 'ArrowRight' });
    await settle(player);
    expect(player.playback!.position).to.equal(5);
    await sendKeys({ press: 'ArrowLeft' });
    expect(player.playback!.position).to.equal(0);
    await sendKeys({ press: 'End' });
    await settle(player);
    expect(player.playback!.position).to.equal(player.playback!.duration);
    await sendKeys({ press: 'PageDown' });
    await settle(player);
    expect(player.playback!.position).to.equal(0);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await settle(player);
    expect(player.playback!.position).to.be.closeTo(player.playback!.duration, 0.01);
  });

  it('announces the slider position in words', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    player.seek(2);
    await settle(player);
    expect(part(player, 'seek')!.getAttribute('aria-valuetext')).to.equal('2 seconds of 6 seconds');
  });

  it('skips back and forward by 15 seconds within the track', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    player.seek(3);
    part(player, 'forward-button')!.click();
    expect(player.playback!.position).to.equal(player.playback!.duration);
    part(player, 'back-button')!.click();
    expect(player.playback!.position).to.equal(0);
  });

  it('changes speed, volume and mute', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const settings = part(player, 'settings')!;
    const speed = settings.querySelector('select')!;
    speed.value = '1.25';
    speed.dispatchEvent(new Event('change'));
    const volume = settings.querySelector<HTMLInputElement>('input[type=range]')!;
    volume.value = '40';
    volume.dispatchEvent(new Event('input'));
    button(player, 'Mute')!.click();
    await settle(player);
    expect(player.playback).to.include({ rate: 1.25, volume: 0.4, muted: true });
    expect(button(player, 'Mute')!.getAttribute('aria-pressed')).to.equal('true');
    expect(volume.getAttribute('aria-valuetext')).to.equal('40%');
  });

  it('keeps the speed, volume, mute and place chosen before the first play once the recording starts', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const settings = part(player, 'settings')!;
    const speed = settings.querySelector('select')!;
    speed.value = '0.85';
    speed.dispatchEvent(new Event('change'));
    const volume = settings.querySelector<HTMLInputElement>('input[type=range]')!;
    volume.value = '60';
    volume.dispatchEvent(new Event('input'));
    button(player, 'Mute')!.click();
    player.seek(2);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing', 'playback');
    expect(player.playback).to.include({ rate: 0.85, volume: 0.6, muted: true });
    expect(player.playback!.position).to.be.at.least(2);
  });

  it('logs a finished short track with the minutes listened, then offers a check-in saved to the journal', async () => {
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const logged: PracticeLoggedEvent[] = [];
    player.addEventListener('ck-practice-logged', (e) => logged.push(e));
    const started = Date.now();
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'ended', 'the end of the track', 15000);
    const elapsed = (Date.now() - started) / 1000;
    await waitFor(() => logged.length === 1, 'the practice to be logged');
    expect(logged[0]!.detail).to.include({ programId: sdk.id, mode: 'guided', meditationId: 'fixture', minutes: 1 });
    const [session] = sdk.practice.snapshot.sessions;
    expect(session!.meditationId).to.equal('fixture');
    // Seconds actually listened: about the track's length, never more than the time that passed.
    expect(session!.seconds).to.be.within(4, Math.ceil(elapsed));
    await settle(player);
    expect(part(player, 'summary')!.textContent).to.contain('finished');
    expect(part(player, 'stats')!.textContent).to.contain('1 session');
    const checkIn = part(player, 'check-in')!;
    expect(checkIn.textContent).to.contain('How do you feel now?');
    await expectAccessible(player);

    const saved: Event[] = [];
    player.addEventListener('ck-entry-saved', (e) => saved.push(e));
    button(player, 'calmer')!.click();
    await waitFor(() => saved.length === 1, 'the check-in to be saved');
    await settle(player);
    expect(button(player, 'calmer')!.getAttribute('aria-pressed')).to.equal('true');
    const entries = await sdk.journal.find({ templateId: 'after-practice-check-in' });
    expect(entries).to.have.length(1);
    expect(entries[0]!.fields).to.deep.include({ feeling: 'calmer' });
    // Named after the session it follows, so the practice log can show how it felt.
    expect(entries[0]!.id).to.equal(checkInEntryId(session!.id));
    await expectAccessible(player);

    const note = checkIn.querySelector('textarea')!;
    note.value = 'Softer in the chest.';
    note.dispatchEvent(new Event('input'));
    await settle(player);
    button(player, 'Save note')!.click();
    await waitFor(() => saved.length === 2, 'the note to be saved');
    const [entry] = await sdk.journal.find({ templateId: 'after-practice-check-in' });
    expect(entry!.fields).to.deep.include({ feeling: 'calmer', note: 'Softer in the chest.' });
    expect(entry!.revision).to.equal(2);
  });

  it('does not log a few seconds of a long track', async () => {
    const program = await playerProgram((p) => (p.meditations.find((m) => m.id === 'fixture')!.duration = 600));
    const { player, sdk } = await mount(program, html`<meditation-player meditation-id="fixture"></meditation-player>`);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.position > 1, 'playback to advance');
    part(player, 'play-button')!.click();
    player.remove();
    await new Promise((r) => setTimeout(r, 200));
    expect(sdk.practice.snapshot.sessions).to.have.length(0);
  });
});
