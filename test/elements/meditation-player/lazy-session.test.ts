import { expect } from 'chai';
import { html } from 'lit';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fixture, waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { part, parts, settle, until } from '../../helpers/player-object.js';

/** Whether the page has requested a source module whose path ends with `file`. */
const fetched = (file: string) => performance.getEntriesByType('resource').some((r) => new URL(r.name).pathname.endsWith(file));

const AUDIO = '/packages/default-program/audio/fixture-short.mp3';
const VTT = '/packages/default-program/audio/fixture-short.vtt';

// These run in order in one page: each checks what the page has downloaded so far.
describe('<meditation-player> loads the transcript and the session recorder when they are first needed', () => {
  after(() => unmountAll());

  it('holds the transcript panel with its heading and a calm line while its code downloads, then shows the cues', async () => {
    const player = await fixture<MeditationPlayer>(html`<meditation-player audio-src=${AUDIO} transcript-src=${VTT}></meditation-player>`);
    const panel = part(player, 'transcript')!;
    expect(panel, 'the transcript panel').to.exist;
    expect(panel.textContent).to.contain('Transcript').and.contain('Loading the transcript…');
    expect(panel.querySelector('[role="status"]')).to.exist;
    await expectAccessible(player);
    await waitFor(() => parts(player, 'cue').length === 3, 'the transcript cues');
    expect(fetched('internal/transcript-view.ts')).to.equal(true);
  });

  it('shows a recording without a transcript before play without the recorder, the session words or the engine', async () => {
    const player = await fixture<MeditationPlayer>(html`<meditation-player audio-src=${AUDIO}></meditation-player>`);
    await settle(player);
    expect(part(player, 'play-button')).to.exist;
    expect(part(player, 'transcript')).to.equal(null);
    for (const file of ['internal/session-record.ts', 'internal/session-parts.ts', 'internal/summary-view.ts', 'sdk/audio/engine.ts']) {
      expect(fetched(file), file).to.equal(false);
    }
  });

  it('downloads the session recorder with the engine on the first play', async () => {
    const player = await fixture<MeditationPlayer>(html`<meditation-player audio-src=${AUDIO}></meditation-player>`);
    part(player, 'play-button')!.click();
    await until(player, (s) => s.status === 'playing' || s.status === 'ended', 'playback');
    expect(fetched('sdk/audio/engine.ts')).to.equal(true);
    expect(fetched('internal/session-record.ts')).to.equal(true);
    player.pause();
  });
});
