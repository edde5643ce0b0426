import { expect } from 'chai';
import { html } from 'lit';
import { playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import { button, mount, part, parts, settle, standalone, until } from '../../helpers/player-object.js';

const current = (player: MeditationPlayer) => parts(player, 'cue').findIndex((c) => c.getAttribute('aria-current') === 'true');

describe('<meditation-player> transcript', () => {
  afterEach(() => unmountAll());

  it('shows the WebVTT transcript, highlights the cue being spoken, and follows the audio', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const cues = await waitFor(() => (parts(player, 'cue').length === 3 ? parts(player, 'cue') : null), 'the transcript cues');
    expect(cues[0]!.textContent).to.contain('This is a short test recording.');
    expect(current(player)).to.equal(-1);
    await expectAccessible(player);
    part(player, 'play-button')!.click();
    await waitFor(async () => (await settle(player), current(player) === 0), 'the first cue highlighted');
    await until(player, (s) => s.position > 3.2, 'the second cue', 10000);
    await settle(player);
    expect(current(player)).to.equal(1);
    await expectAccessible(player);
  });

  it('plays from a cue when it is clicked', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const cues = await waitFor(() => (parts(player, 'cue').length === 3 ? parts(player, 'cue') : null), 'the transcript cues');
    cues[2]!.click();
    await settle(player);
    expect(player.playback!.position).to.be.closeTo(4.907, 0.15);
    expect(current(player)).to.equal(2);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing' || s.status === 'ended', 'playback');
    expect(player.playback!.position).to.be.at.least(4.8);
  });

  it('marks the current chapter and seeks to a chapter', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const chapters = part(player, 'chapters')!;
    const buttons = [...chapters.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['0:00 Opening', '0:02 Middle']);
    buttons[1]!.click();
    await settle(player);
    expect(player.playback!.position).to.equal(2.9);
    expect(buttons[1]!.getAttribute('aria-current')).to.equal('true');
  });

  it('uses inline cues from the program rather than the transcript file', async () => {
    const program = await playerProgram((p) => {
      p.meditations.find((m) => m.id === 'fixture')!.transcript = { src: 'audio/fixture-short.vtt', cues: [{ start: 0, end: 3, text: 'Inline words.' }] };
    });
    const { player } = await mount(program, html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const cues = parts(player, 'cue');
    expect(cues).to.have.length(1);
    expect(cues[0]!.textContent).to.contain('Inline words.');
  });

  it('keeps the transcript in its own panel, scrolled to the current cue unless the participant scrolled', async () => {
    const cues = Array.from({ length: 80 }, (_, i) => ({ start: i * 0.1, end: i * 0.1 + 0.1, text: `Line ${i + 1} of a long transcript.` }));
    const program = await playerProgram((p) => (p.meditations.find((m) => m.id === 'fixture')!.transcript = { cues }));
    const { player } = await mount(program, html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const list = part(player, 'transcript-list')!;
    const pageScroll = document.scrollingElement!.scrollTop;
    player.seek(7);
    await settle(player);
    // The seek happened while idle; follow once playback starts.
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing' || s.status === 'ended', 'playback');
    await waitFor(() => list.scrollTop > 0, 'the transcript to scroll to the current cue');
    expect(document.scrollingElement!.scrollTop).to.equal(pageScroll);
    const cue = list.querySelector<HTMLElement>('[aria-current="true"]')!;
    const box = list.getBoundingClientRect();
    const at = cue.getBoundingClientRect();
    await waitFor(() => cue.getBoundingClientRect().top >= box.top - 1 && cue.getBoundingClientRect().bottom <= box.bottom + 1, 'the current cue in view');
    expect(at).to.exist;
  });

  it('leaves the transcript where the participant scrolled it', async () => {
    const cues = Array.from({ length: 80 }, (_, i) => ({ start: i * 0.1, end: i * 0.1 + 0.1, text: `Line ${i + 1} of a long transcript.` }));
    const program = await playerProgram((p) => (p.meditations.find((m) => m.id === 'fixture')!.transcript = { cues }));
    const { player } = await mount(program, html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const list = part(player, 'transcript-list')!;
    list.dispatchEvent(new WheelEvent('wheel', { deltaY: 10 }));
    part(player, 'play-button')!.click();
    await until(player, (s) => s.position > 2, 'playback past 2 s');
    await settle(player);
    expect(list.scrollTop).to.equal(0);
  });

  it('can be hidden and shown again', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    await waitFor(() => parts(player, 'cue').length === 3, 'the transcript cues');
    const toggle = button(player, 'Hide transcript')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    await settle(player);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(player.shadowRoot!.getElementById('transcript-body')!.hidden).to.equal(true);
    await expectAccessible(player);
    button(player, 'Show transcript')!.click();
    await settle(player);
    expect(player.shadowRoot!.getElementById('transcript-body')!.hidden).to.equal(false);
  });

  it('says specifically when the transcript is missing, offers a retry, and the recording still plays', async () => {
    const program = await playerProgram((p) => (p.meditations.find((m) => m.id === 'fixture')!.transcript = { src: 'audio/not-there.vtt' }));
    const { player } = await mount(program, html`<meditation-player meditation-id="fixture"></meditation-player>`);
    const error = await waitFor(() => part(player, 'transcript')!.querySelector('.error'), 'the transcript error');
    expect(error.textContent).to.contain('not-there.vtt').and.contain('404');
    expect(error.querySelector('button')!.textContent).to.contain('Try again');
    await expectAccessible(player);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing', 'playback despite the transcript error');
  });

  it('plays a standalone recording with its transcript, without any program', async () => {
    const player = await standalone(
      html`<meditation-player audio-src="/packages/default-program/audio/fixture-short.mp3" transcript-src="/packages/default-program/audio/fixture-short.vtt" track-title="Standalone"></meditation-player>`,
    );
    await waitFor(() => parts(player, 'cue').length === 3, 'the transcript cues');
    expect(part(player, 'title')!.textContent).to.equal('Standalone');
    expect(part(player, 'stats')).to.equal(null);
    expect(player.shadowRoot!.querySelector('.error')).to.equal(null);
    await expectAccessible(player);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing', 'playback');
  });
});
