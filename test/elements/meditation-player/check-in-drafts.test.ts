import { expect } from 'chai';
import { html } from 'lit';
import '../../../src/elements/meditation-player/define.js';
import type { CompassionProgramElement } from '../../../src/elements/compassion-program/compassion-program.js';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import type { Program } from '../../../src/sdk/content/types.js';
import { PROGRAM_URL, playerProgram } from '../../fixtures/player-program.js';
import { closeJournals, trackDatabase } from '../../fixtures/journal-helpers.js';
import { cleanup, fixture, waitFor } from '../../helpers/fixture.js';
import { button, manualClock, mount, part, settle } from '../../helpers/player-object.js';

async function mountStored(program: Program, clock: ReturnType<typeof manualClock>) {
  trackDatabase(program.id);
  const provider = await fixture<CompassionProgramElement>(html`<compassion-program src=${PROGRAM_URL} .program=${program}>
    <meditation-player mode="breathing" .now=${clock.now}></meditation-player>
  </compassion-program>`);
  const sdk = await waitFor(() => provider.sdk, 'the program to open');
  const player = provider.querySelector<MeditationPlayer>('meditation-player')!;
  await settle(player);
  return { provider, player, sdk };
}

/** A minute of breathing practice, stopped: the check-in opens. */
async function practiseAMinute(player: MeditationPlayer, clock: ReturnType<typeof manualClock>): Promise<void> {
  button(player, 'Start')!.click();
  clock.advance(61);
  await settle(player);
  button(player, 'Stop')!.click();
  await waitFor(() => (settle(player), part(player, 'check-in')), 'the check-in');
  await settle(player);
}

describe('<meditation-player> check-in note', () => {
  afterEach(async () => {
    cleanup();
    await closeJournals();
    for (const key of Object.keys(localStorage)) if (key.startsWith('compassion-kit:draft:')) localStorage.removeItem(key);
  });

  it('keeps a note typed after the check-in when the page closes before "Save note"', async () => {
    const program = await playerProgram();
    const clock = manualClock();
    const first = await mountStored(program, clock);
    await practiseAMinute(first.player, clock);
    button(first.player, 'calmer')!.click();
    await waitFor(() => part(first.player, 'check-in')!.querySelector('textarea'), 'the note field');
    const area = part(first.player, 'check-in')!.querySelector('textarea')!;
    area.value = 'Shoulders dropped by the end.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    // The page goes away before "Save note": only the write-ahead copy has the words.
    first.sdk.close();
    cleanup();

    const second = await mountStored(program, clock);
    await waitFor(async () => (await second.sdk.journal.find({ templateId: 'after-practice-check-in' }))[0]?.fields.note === 'Shoulders dropped by the end.', 'the recovered note');
    expect(second.sdk.drafts.snapshot.recovered.map((r) => r.outcome)).to.deep.equal(['saved']);
  });

  it('says the check-in is kept only until the page closes in memory-only mode', async () => {
    const clock = manualClock();
    const { player } = await mount(await playerProgram(), html`<meditation-player mode="breathing" .now=${clock.now}></meditation-player>`);
    await practiseAMinute(player, clock);
    button(player, 'calmer')!.click();
    const saved = await waitFor(() => (settle(player), part(player, 'check-in')!.querySelector('.saved')), 'the saved line');
    expect(saved.textContent).to.contain('until this page closes');
    expect(saved.textContent).not.to.match(/^Saved/);
  });

  it('offers the calm support card once when a saved note holds words from the program’s list (issue 16)', async () => {
    const clock = manualClock();
    const program = await playerProgram();
    const { player } = await mount(program, html`<meditation-player mode="breathing" .now=${clock.now}></meditation-player>`);
    const offered: Event[] = [];
    player.addEventListener('ck-support-offered', (e) => offered.push(e));
    await practiseAMinute(player, clock);
    button(player, 'calmer')!.click();
    const area = await waitFor(() => part(player, 'check-in')!.querySelector('textarea'), 'the note field');
    area.value = 'Calmer, but I still feel hopeless most evenings.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(player);
    button(player, 'Save note')!.click();
    const card = await waitFor(() => (settle(player), part(player, 'check-in')!.querySelector('[part~="support-card"]')), 'the support card');
    expect(card.textContent).to.contain('You don’t have to carry this alone');
    expect(offered).to.have.length(1);
    // Saved as usual; saving again does not offer it twice.
    expect(part(player, 'check-in')!.querySelector('.saved')).not.to.equal(null);
    area.value = 'Calmer, but I still feel hopeless most evenings. Less tonight.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(player);
    button(player, 'Save note')!.click();
    await waitFor(() => (settle(player), part(player, 'check-in')!.querySelector('.saved')), 'saved again');
    expect(offered).to.have.length(1);
  });
});
