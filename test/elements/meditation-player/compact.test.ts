import { expect } from 'chai';
import { html } from 'lit';
import { setViewport } from '@web/test-runner-commands';
// The real course, player and journal: the embedded player as a participant gets it on a phone.
import '../../../src/define.js';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import type { Program } from '../../../src/sdk/content/types.js';
import { courseProgram } from '../../fixtures/course-program.js';
import { playerProgram } from '../../fixtures/player-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cdp } from '../../helpers/cdp.js';
import { mountCourse, type CourseObject } from '../../helpers/course-object.js';
import { waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { button, manualClock, mount, oneRow, overflowing, part, primaryButtons, settle } from '../../helpers/player-object.js';
import { $$, text } from '../../helpers/query.js';

const PHONES = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
];

/** The course's program, its meditation given the fixture's transcript and two chapters (one with a long title). */
function program(): Program {
  const p = courseProgram();
  Object.assign(p.meditations[0]!, {
    transcript: { src: '/packages/default-program/audio/fixture-short.vtt' },
    chapters: [
      { start: 0, title: 'Opening' },
      { start: 2.9, title: 'Turning kindly toward the difficult feeling' },
    ],
  });
  return p;
}

/** Opens week 1's meditate step and waits for its player, with its transcript. */
async function embeddedPlayer(page: CourseObject): Promise<MeditationPlayer> {
  await page.openWeek(1, 'w1-meditate');
  const player = await waitFor(() => page.root.querySelector<MeditationPlayer>('meditation-player'), 'the embedded player');
  await settle(player);
  await waitFor(() => player.shadowRoot!.querySelector('[part~=cue]'), 'the transcript');
  expect(player.embedded).to.equal(true);
  return player;
}

/** No part of the player is wider than its box, and the player is no wider than the step it sits in. */
function expectFits(player: MeditationPlayer): void {
  expect(overflowing(player)).to.deep.equal([]);
  const base = part(player, 'base')!;
  expect(base.scrollWidth, 'the player box').to.be.at.most(base.clientWidth);
  const step = player.parentElement!.closest('[part~="step"]') ?? player.parentElement!;
  expect(player.getBoundingClientRect().right, 'the player within its step').to.be.at.most(step.getBoundingClientRect().right + 0.5);
  expect(document.documentElement.scrollWidth, 'the page').to.be.at.most(innerWidth);
}

/** The controls are one flex or grid row: every button in it has the same vertical middle, and nothing spills. */
function expectOneControlRow(player: MeditationPlayer): void {
  const controls = part(player, 'controls')!;
  const buttons = [...controls.querySelectorAll('button')];
  expect(buttons.map((b) => b.getAttribute('part') ?? b.className)).to.have.length(4);
  expect(oneRow(buttons), 'back, play, forward and mute share one row').to.equal(true);
  expect(controls.scrollWidth).to.be.at.most(controls.clientWidth);
}

for (const phone of PHONES) {
  describe(`<meditation-player embedded> in a course week at ${phone.width}×${phone.height}`, () => {
    before(() => setViewport(phone));
    after(() => setViewport({ width: 800, height: 600 }));
    afterEach(async () => {
      await cdp('Emulation.setTouchEmulationEnabled', { enabled: false });
      await unmountAll();
    });

    it('fits its step: nothing overflows, the controls are one row, and Play is the one filled button', async () => {
      const page = await mountCourse(program(), { storage: 'memory' });
      const player = await embeddedPlayer(page);
      expectFits(player);
      expectOneControlRow(player);
      expect(primaryButtons(player)).to.deep.equal([part(player, 'play-button')]);
      // Icons are drawn, not letters from the page's font; each button still has a name.
      for (const b of part(player, 'controls')!.querySelectorAll('button')) {
        expect(b.querySelector('svg[aria-hidden="true"]'), b.className).to.exist;
        expect(b.textContent!.trim(), 'an accessible name').not.to.equal('');
      }
      // "Hide transcript" stays on one line (44 px tall), beside its heading.
      const toggle = part(player, 'transcript')!.querySelector<HTMLElement>('.transcript-head button')!;
      expect(toggle.getBoundingClientRect().height).to.be.below(48);
      // Under the slider, the elapsed time and the total share one row.
      const times = [...part(player, 'time')!.children].filter((el) => el.checkVisibility() && getComputedStyle(el).clipPath === 'none');
      expect(times).to.have.length(2);
      expect(oneRow(times), 'elapsed and total on one row').to.equal(true);
      await expectAccessible(player);
    });

    for (const [room, style] of [
      ['the page gives the course 16 px margins', { marginInline: '16px' }],
      ['the course has only 240 px (a sidebar, or a phone zoomed in)', { maxWidth: '240px' }],
    ] as const) {
      it(`fits its step when ${room}, with the controls still one row and the step inside the course`, async () => {
        const page = await mountCourse(program(), { storage: 'memory' });
        Object.assign(page.course.style, style);
        const player = await embeddedPlayer(page);
        await settle(player);
        expectFits(player);
        expectOneControlRow(player);
        const step = player.closest('[part~="step"]') ?? player.parentElement!;
        expect(step.getBoundingClientRect().right, 'the step card within the course').to.be.at.most(page.course.getBoundingClientRect().right + 0.5);
        for (const b of part(player, 'controls')!.querySelectorAll('button')) expect(b.getBoundingClientRect().height, b.className).to.be.at.least(40);
      });
    }

    it('after a reload offers "Resume from …" as the one filled button, and Play is plain', async () => {
      const p = program();
      const page = await mountCourse(p, { storage: 'memory' });
      await page.provider.sdk!.playback.save('calm', 3, 6);
      const player = await embeddedPlayer(page);
      await waitFor(() => (settle(player), part(player, 'resume')), 'the resume offer');
      await settle(player);
      expect(primaryButtons(player)).to.deep.equal([part(player, 'resume-button')]);
      expect(part(player, 'play-button')!.classList.contains('primary')).to.equal(false);
      expectFits(player);
      expectOneControlRow(player);
      await expectAccessible(player);
      part(player, 'start-over-button')!.click();
      await waitFor(() => (settle(player), !part(player, 'resume')), 'the offer to go');
      expect(primaryButtons(player)).to.deep.equal([part(player, 'play-button')]);
    });

    it('on a touch screen leaves out the volume slider, keeps Mute, and still fits', async () => {
      await cdp('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      expect(matchMedia('(pointer: coarse)').matches).to.equal(true);
      const page = await mountCourse(program(), { storage: 'memory' });
      const player = await embeddedPlayer(page);
      const settings = part(player, 'settings')!;
      expect(settings.querySelector<HTMLElement>('input[type=range]')!.checkVisibility()).to.equal(false);
      expect(settings.querySelector('select')!.checkVisibility()).to.equal(true);
      const mute = $$(player, 'button').find((b) => b.textContent!.includes('Mute'))!;
      expect(mute.checkVisibility()).to.equal(true);
      expectFits(player);
      expectOneControlRow(player);
    });
  });

  describe(`<meditation-player mode="timer"> at ${phone.width}×${phone.height}`, () => {
    before(() => setViewport(phone));
    after(() => setViewport({ width: 800, height: 600 }));
    afterEach(() => unmountAll());

    it('fits before, during and after a practice, with one filled button each time', async () => {
      const clock = manualClock();
      const { player } = await mount(await playerProgram(), html`<meditation-player mode="timer" minutes="1" .now=${clock.now}></meditation-player>`);
      const check = (state: string, primary: string) => {
        expect(overflowing(player), state).to.deep.equal([]);
        expect(document.documentElement.scrollWidth, `${state}: the page`).to.be.at.most(innerWidth);
        expect(primaryButtons(player).map((b) => text(b)), state).to.deep.equal([primary]);
      };
      check('setup', 'Start');
      button(player, 'Start').click();
      await settle(player);
      check('running', 'Pause');
      expect(part(player, 'timer-ring')!.getBoundingClientRect().width).to.be.at.most(part(player, 'timer')!.getBoundingClientRect().width);
      clock.advance(61);
      document.dispatchEvent(new Event('visibilitychange'));
      await waitFor(() => (settle(player), part(player, 'check-in')), 'the check-in');
      await settle(player);
      check('after', 'Start again');
    });
  });
}
