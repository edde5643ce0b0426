import { expect } from 'chai';
import { html } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import { playerProgram } from '../../fixtures/player-program.js';
import { makeProgram } from '../../fixtures/programs.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cleanup, waitFor } from '../../helpers/fixture.js';
import { button, manualClock, mount, part, settle, standalone, until } from '../../helpers/player-object.js';

describe('<meditation-player> attributes and theming', () => {
  afterEach(async () => {
    cleanup();
    await setViewport({ width: 800, height: 600 });
  });

  it('is accessible in the dark theme', async () => {
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture" theme="dark"></meditation-player>`);
    await waitFor(() => player.shadowRoot!.querySelector('[part~=cue]'), 'the transcript');
    expect(getComputedStyle(part(player, 'base')!).backgroundColor).to.equal('rgb(36, 39, 42)');
    await expectAccessible(player);
  });

  it('fits a 320 px screen without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const { player } = await mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    await waitFor(() => player.shadowRoot!.querySelector('[part~=cue]'), 'the transcript');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const controls = part(player, 'controls')!;
    const tops = [...controls.querySelectorAll('button')].map((b) => Math.round(b.getBoundingClientRect().top + b.getBoundingClientRect().height / 2));
    expect(new Set(tops).size, 'the three main buttons share one row').to.equal(1);
    await expectAccessible(player);
  });

  it('takes the title from track-title, or from title as the issue writes it', async () => {
    const a = await standalone(html`<meditation-player audio-src="/packages/default-program/audio/fixture-short.mp3" track-title="From track-title"></meditation-player>`);
    expect(part(a, 'title')!.textContent).to.equal('From track-title');
    const b = await standalone(html`<meditation-player audio-src="/packages/default-program/audio/fixture-short.mp3" title="From title"></meditation-player>`);
    expect(part(b, 'title')!.textContent).to.equal('From title');
  });

  it('speaks another language through the strings property', async () => {
    const player = await standalone(
      html`<meditation-player
        mode="breathing"
        .strings=${{ start: 'Commencer', modeTitle: { guided: 'Méditation', timer: 'Minuteur', breathing: 'Respiration apaisante' }, support: { button: 'Besoin d’aide ?' } }}
      ></meditation-player>`,
    );
    expect(part(player, 'support-button')!.textContent).to.contain('Besoin d’aide ?');
    expect(part(player, 'title')!.textContent).to.equal('Respiration apaisante');
    expect(button(player, 'Commencer')).to.exist;
  });

  it('leaves out the check-in with no-check-in', async () => {
    const clock = manualClock();
    const { player, sdk } = await mount(await playerProgram(), html`<meditation-player mode="breathing" no-check-in .now=${clock.now}></meditation-player>`);
    button(player, 'Start')!.click();
    clock.advance(65);
    await settle(player);
    button(player, 'Stop')!.click();
    await waitFor(() => sdk.practice.snapshot.sessions.length === 1, 'the session to be logged');
    await settle(player);
    expect(part(player, 'summary')).to.exist;
    expect(part(player, 'check-in')).to.equal(null);
  });

  it('uses the program’s check-in template when it has one, and a sensible set when it does not', async () => {
    const custom = await playerProgram((p) => {
      const t = p.templates.find((x) => x.id === 'after-practice-check-in')!;
      t.fields = [
        { id: 'mood', type: 'choice', label: 'Right now I feel…', options: ['lighter', 'the same'] },
        { id: 'words', type: 'longtext', label: 'A word or two' },
      ];
    });
    const clock = manualClock();
    const { player, sdk } = await mount(custom, html`<meditation-player mode="breathing" .now=${clock.now}></meditation-player>`);
    button(player, 'Start')!.click();
    clock.advance(61);
    await settle(player);
    button(player, 'Stop')!.click();
    await waitFor(() => (settle(player), part(player, 'check-in')), 'the check-in');
    await settle(player);
    expect(part(player, 'check-in')!.textContent).to.contain('Right now I feel…');
    button(player, 'lighter')!.click();
    await waitFor(async () => (await sdk.journal.find({ templateId: 'after-practice-check-in' })).length === 1, 'the entry');
    const [entry] = await sdk.journal.find({ templateId: 'after-practice-check-in' });
    expect(entry!.fields).to.deep.equal({ mood: 'lighter', words: '' });
    expect(entry!.tags).to.include('breathing');
    cleanup();

    // A program without the template (the shared test program has only a free reflection).
    const bare = makeProgram(1);
    const second = await mount(bare, html`<meditation-player mode="breathing" .now=${clock.now}></meditation-player>`);
    button(second.player, 'Start')!.click();
    clock.advance(61);
    await settle(second.player);
    button(second.player, 'Stop')!.click();
    await waitFor(() => (settle(second.player), part(second.player, 'check-in')), 'the check-in');
    await settle(second.player);
    expect(part(second.player, 'check-in')!.textContent).to.contain('How do you feel now?');
    button(second.player, 'about the same')!.click();
    await waitFor(async () => (await second.sdk.journal.find({ templateId: 'after-practice-check-in' })).length === 1, 'the entry');
    const [plain] = await second.sdk.journal.find({ templateId: 'after-practice-check-in' });
    expect(plain!.fields).to.deep.equal({ feeling: 'about the same', note: '' });
  });

  it('offers "Finish for now" after a minute, which logs the session and opens the check-in', async () => {
    const clock = manualClock();
    const program = await playerProgram((p) => (p.meditations.find((m) => m.id === 'fixture')!.duration = 600));
    const { player, sdk } = await mount(program, html`<meditation-player meditation-id="fixture" .now=${clock.now}></meditation-player>`);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing', 'playback');
    clock.advance(75);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'paused', 'the pause');
    button(player, 'Finish for now')!.click();
    await waitFor(() => sdk.practice.snapshot.sessions.length === 1, 'the session');
    expect(sdk.practice.snapshot.sessions[0]!.seconds).to.be.within(75, 77);
    await settle(player);
    expect(part(player, 'check-in')).to.exist;
  });
});
