import { expect } from 'chai';
import { html } from 'lit';
import { playerProgram } from '../../fixtures/player-program.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { PlayerObject, settle } from '../../helpers/player-object.js';
import { maybe, text } from '../../helpers/query.js';

/** Whether the page has requested a source module whose path ends with `file`. */
const fetched = (file: string) => performance.getEntriesByType('resource').some((r) => new URL(r.name).pathname.endsWith(file));

// These run in order in one page: each checks what the page has downloaded so far.
describe('<meditation-player> loads each part when it is first needed', () => {
  after(() => unmountAll());
  let player: PlayerObject;

  it('shows the guided player without the timer, the pacer, the check-in or the audio engine', async () => {
    player = await PlayerObject.mount(await playerProgram(), html`<meditation-player meditation-id="fixture"></meditation-player>`);
    expect(player.part('play-button')).to.exist;
    for (const file of ['internal/timer-view.ts', 'internal/breathing-view.ts', 'internal/check-in-view.ts', 'sdk/audio/engine.ts', 'controllers/bell-controller.ts']) {
      expect(fetched(file), file).to.equal(false);
    }
  });

  it('downloads the audio engine on the first play', async () => {
    await player.play();
    expect(fetched('sdk/audio/engine.ts')).to.equal(true);
    await player.pause();
  });

  it('shows a calm loading line while the timer downloads, then the timer', async () => {
    player.el.mode = 'timer';
    await player.el.updateComplete;
    const line = maybe(player.el, '[data-loading-part]');
    expect(line, 'the loading line').to.exist;
    expect(line!.getAttribute('role')).to.equal('status');
    expect(text(line)).to.equal('One moment…');
    await settle(player.el);
    expect(player.part('timer')).to.exist;
    expect(fetched('internal/timer-view.ts')).to.equal(true);
    expect(fetched('internal/breathing-view.ts')).to.equal(false);
  });

  it('downloads the pacer when breathing is chosen', async () => {
    await player.chooseMode('breathing');
    expect(player.part('pacer')).to.exist;
    expect(fetched('internal/breathing-view.ts')).to.equal(true);
    expect(fetched('internal/check-in-view.ts')).to.equal(false);
  });

  it('downloads the check-in when a session ends', async () => {
    let t = Date.now();
    player.el.now = () => t;
    await player.press('Start');
    t += 65_000;
    await player.press('Stop');
    await waitFor(() => player.part('summary'), 'the summary');
    await settle(player.el);
    expect(player.part('check-in')).to.exist;
    expect(fetched('internal/check-in-view.ts')).to.equal(true);
  });
});
