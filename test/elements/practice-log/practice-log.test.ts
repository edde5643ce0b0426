import { expect } from 'chai';
import { html } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { PracticeLog } from '../../../src/elements/practice-log/practice-log.js';
import { checkInEntryId } from '../../../src/sdk/store/check-in.js';
import { makeProgram } from '../../fixtures/programs.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fixture, settle, waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { at, mountLog } from '../../helpers/practice-log-object.js';
import { $$, part, text } from '../../helpers/query.js';

const START = '2026-03-02'; // a Monday
const NOW = at('2026-03-25', 12); // Wednesday of week 4
const UNKIND = /streak|missed|miss |catch up|behind|failed to practi/i;

const log = (attrs = html``) => html`<practice-log start-date=${START} .now=${NOW}>${attrs}</practice-log>`;

describe('<practice-log>', () => {
  afterEach(async () => {
    await unmountAll();
    await setViewport({ width: 800, height: 600 });
  });

  it('is accessible and gentle when nothing has been logged yet', async () => {
    const { el } = await mountLog(makeProgram(14), log());
    const empty = part(el, 'empty')!;
    expect(text(empty)).to.contain('Nothing here yet, and that is fine');
    expect(part(el, 'chart')).to.equal(null);
    expect(text(el.shadowRoot!)).not.to.match(UNKIND);
    await expectAccessible(el);
  });

  it('logs sessions across weeks and reads them back from the chart’s table alternative', async () => {
    const { el, log: pl } = await mountLog(makeProgram(14), log());
    await pl.practise(at('2026-03-02', 8), 10); // week 1, its first day
    await pl.practise(at('2026-03-08', 21), 5); // week 1, its last day
    await pl.practise(at('2026-03-16', 7), 20, { mode: 'timer', meditationId: undefined }); // week 3
    await pl.practise(at('2026-03-24', 9), 12, { mode: 'breathing', meditationId: undefined }); // week 4
    await pl.practise(at('2026-03-25', 9), 3); // week 4

    // The chart is one labelled image; its numbers are in the table behind "Show as table".
    const svg = part(el, 'chart-svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    const labelledBy = svg.getAttribute('aria-labelledby')!.split(' ').map((id) => text(el.shadowRoot!.getElementById(id)));
    expect(labelledBy.join(' ')).to.contain('Minutes of practice each week').and.contain('from Week 1 to Week 4');
    expect(pl.bars()).to.have.length(4);
    expect(part(el, 'table')!.hidden).to.equal(true);
    await pl.showTable();
    expect(pl.caption()).to.equal('Minutes and sessions of practice each week');
    expect($$(el, "[part~='table'] thead th").map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col']);
    expect(pl.tableRows()).to.deep.equal([
      ['Week 1', '15', '2'],
      ['Week 2', '0', '0'],
      ['Week 3', '20', '1'],
      ['Week 4', '15', '2'],
    ]);
    expect($$(el, "[part~='table'] tbody th").every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
    expect(pl.totals()).to.equal('50 minutes over 5 sessions Week 4 so far: 15 minutes over 2 sessions');
    // A week without practice is an empty place in the chart, with nothing said about it.
    expect(pl.bars()[1]!.getAttribute('part')).to.equal('bar bar-empty');
    expect(text(el.shadowRoot!)).not.to.match(UNKIND);

    // Newest first: what, when, which week, how long.
    const sessions = pl.sessions();
    expect(sessions).to.have.length(5);
    expect(sessions[0]).to.match(/^A short practice .*Week 4 · 3 minutes$/);
    expect(sessions[1]).to.match(/^Soothing-rhythm breathing .*Week 4 · 12 minutes$/);
    expect(sessions[2]).to.match(/^Silent practice with the timer .*Week 3 · 20 minutes$/);
    expect(part(el, 'session')!.querySelector('time')!.getAttribute('datetime')).to.equal(at('2026-03-25', 9).toISOString());
    await expectAccessible(el);
  });

  it('groups sessions before the start date and after the last week on their own, and says the rest gently', async () => {
    const { log: pl } = await mountLog(makeProgram(2), html`<practice-log start-date=${START} .now=${at('2026-04-20')}></practice-log>`);
    await pl.practise(at('2026-02-27'), 4); // before week 1
    await pl.practise(at('2026-03-10'), 6); // week 2
    await pl.practise(at('2026-03-16'), 8); // the day after week 2 ends
    await pl.practise(at('2026-04-19'), 1);
    await pl.showTable();
    expect(pl.tableRows()).to.deep.equal([
      ['Before week 1', '4', '1'],
      ['Week 1', '0', '0'],
      ['Week 2', '6', '1'],
      ['After week 2', '9', '2'],
    ]);
    expect(pl.sessions()[0]).to.contain('After week 2');
    // Today is after the program: no "this week" line, only the total.
    expect(pl.totals()).to.equal('19 minutes over 4 sessions');
  });

  it('counts weeks from the participant’s first practice when the program has no start date', async () => {
    // all-open policy, no start-date: week 1 begins on the day of the first session.
    const { log: pl } = await mountLog(makeProgram(14), html`<practice-log .now=${at('2026-05-20')}></practice-log>`);
    await pl.practise(at('2026-05-06', 18), 10); // a Wednesday: week 1
    await pl.practise(at('2026-05-13', 7), 10); // a week later: week 2
    await pl.practise(at('2026-05-19', 7), 10); // still week 2
    await pl.showTable();
    expect(pl.tableRows()).to.deep.equal([
      ['Week 1', '10', '1'],
      ['Week 2', '20', '2'],
      ['Week 3', '0', '0'],
    ]);
  });

  it('updates chart, table and list the moment a session is logged, and announces it', async () => {
    const { el, sdk, log: pl } = await mountLog(makeProgram(14), log());
    await pl.practise(at('2026-03-03'), 10);
    await pl.showTable();
    expect(pl.tableRows().at(-1)).to.deep.equal(['Week 4', '0', '0']);
    // Logged elsewhere (a player, another tab's broadcast): the log follows the repository.
    await sdk.practice.log({ mode: 'timer', startedAt: at('2026-03-25', 7).getTime(), endedAt: at('2026-03-25', 7, 25).getTime(), seconds: 25 * 60 });
    await waitFor(async () => {
      await settle(el);
      return pl.tableRows().at(-1)?.[1] === '25';
    }, 'the table to show the new session');
    expect(pl.tableRows().at(-1)).to.deep.equal(['Week 4', '25', '1']);
    expect(pl.sessions()[0]).to.match(/^Silent practice with the timer .*25 minutes$/);
    expect(pl.totals()).to.contain('35 minutes over 2 sessions');
    expect(pl.bars().at(-1)!.getAttribute('part')).to.equal('bar');
    expect(text(el.shadowRoot!.querySelector('[aria-live="polite"]'))).to.equal('Added to your practice log: Silent practice with the timer.');
  });

  it('shows how the participant felt after a session when its check-in said, also when it is saved later', async () => {
    const program = makeProgram(14);
    program.templates = [
      ...program.templates,
      { id: 'after-practice-check-in', title: 'After-practice check-in', fields: [{ id: 'feeling', type: 'choice', label: 'How do you feel now?', options: ['Calmer', 'About the same', 'Unsettled'] }] },
    ];
    const { el, sdk, log: pl } = await mountLog(program, log());
    const first = await pl.practise(at('2026-03-03'), 10);
    const second = await pl.practise(at('2026-03-10'), 5);
    const journal = await sdk.loadJournal();
    // The player names a session's check-in after the session; an entry of another id is not it.
    await journal.save({ id: checkInEntryId(first.id), templateId: 'after-practice-check-in', fields: { feeling: 'Calmer' } });
    await journal.save({ templateId: 'after-practice-check-in', fields: { feeling: 'Unsettled' } });
    await waitFor(async () => {
      await settle(el);
      return pl.sessions().some((line) => line.includes('Afterwards: Calmer'));
    }, 'the first session’s feeling');
    // Newest first: the second session has no check-in yet, and nothing is guessed for it.
    expect(pl.sessions()[1]).to.contain('Afterwards: Calmer');
    expect(pl.sessions()[0]).not.to.contain('Afterwards');
    // Its check-in arrives while the log is on screen.
    await journal.save({ id: checkInEntryId(second.id), templateId: 'after-practice-check-in', fields: { feeling: 'About the same' } });
    await waitFor(async () => {
      await settle(el);
      return pl.sessions()[0]!.includes('Afterwards: About the same');
    }, 'the second session’s feeling');
    expect(text(el.shadowRoot!)).not.to.contain('Unsettled');
    await expectAccessible(el);
  });

  it('shows and hides the table from the keyboard', async () => {
    const { el, log: pl } = await mountLog(makeProgram(14), log());
    await pl.practise(at('2026-03-03'), 10);
    const toggle = pl.tableToggle();
    expect(toggle.getAttribute('aria-controls')).to.equal(part(el, 'table')!.id);
    expect(toggle.getBoundingClientRect().height).to.be.at.least(24);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Hide table');
    expect(part(el, 'table')!.hidden).to.equal(false);
    await expectAccessible(el);
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'table')!.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
  });

  it('lists ten sessions, then more on request, moving focus to the first new one', async () => {
    const { el, log: pl } = await mountLog(makeProgram(14), log());
    for (let i = 0; i < 13; i++) await pl.practise(at('2026-03-02', 6 + i), 5);
    expect(pl.sessions()).to.have.length(10);
    await pl.showMore();
    expect(pl.sessions()).to.have.length(13);
    expect(part(el, 'show-more')).to.equal(null);
    await waitFor(() => el.shadowRoot!.activeElement === $$(el, "[part~='session']")[10], 'focus on the first new session');
  });

  it('fits a 320 px phone with fourteen weeks of sessions: no horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 568 });
    const { el, log: pl } = await mountLog(makeProgram(14), html`<practice-log start-date=${START} .now=${at('2026-06-30')}></practice-log>`);
    for (let week = 0; week < 15; week++) await pl.practise(new Date(at(START, 7).getTime() + week * 7 * 86_400_000), 5 + week * 3, week % 3 ? {} : { mode: 'breathing', meditationId: undefined });
    await pl.showTable();
    expect(pl.bars()).to.have.length(15);
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
    // Every box the participant sees (text kept for screen readers only is clipped on purpose).
    for (const node of [el, ...$$(el, ':not(.visually-hidden)')]) {
      if (node instanceof HTMLElement && node.clientWidth > 0) expect(node.scrollWidth, node.className || node.localName).to.be.at.most(node.clientWidth);
    }
    for (const b of $$(el, 'button').filter((b) => b.getClientRects().length)) expect(b.getBoundingClientRect().height, text(b)).to.be.at.least(24);
    await expectAccessible(el);
  });

  it('writes dates in the element’s language and takes replacement words', async () => {
    const { el, log: pl } = await mountLog(makeProgram(14), html`<practice-log lang="de" start-date=${START} .now=${NOW}></practice-log>`);
    el.strings = { heading: 'Deine Übungen', total: (minutes, sessions) => `${minutes} in ${sessions} Einheiten`, minutes: (m) => `${m} Minuten` };
    await pl.practise(at('2026-03-03', 8, 5), 10);
    expect(text(part(el, 'title'))).to.equal('Deine Übungen');
    expect(pl.totals()).to.contain('10 Minuten in 1 Einheiten');
    const expected = new Intl.DateTimeFormat('de', { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(at('2026-03-03', 8, 5));
    expect(text(el.shadowRoot!.querySelector('time'))).to.equal(expected);
  });

  it('is a region with an h2 and its own support button alone; embedded, neither', async () => {
    const { el } = await mountLog(makeProgram(14), log());
    expect(part(el, 'base')!.localName).to.equal('section');
    expect(part(el, 'title')!.localName).to.equal('h2');
    expect(part(el, 'support-button')).to.exist;
    await unmountAll();

    const { el: embedded, log: pl } = await mountLog(makeProgram(14), html`<practice-log embedded start-date=${START} .now=${NOW}></practice-log>`);
    await pl.practise(at('2026-03-03'), 10);
    expect(part(embedded, 'base')!.localName).to.equal('div');
    expect(part(embedded, 'title')!.localName).to.equal('h3');
    expect($$(embedded, '.subheading').map((h) => h.localName)).to.deep.equal(['h4', 'h4']);
    expect(part(embedded, 'support-button')).to.equal(null);
    expect(embedded.shadowRoot!.querySelector('dialog')).to.equal(null);
  });

  it('gives way to the provider’s shared support control next to another element', async () => {
    const { provider, el } = await mountLog(makeProgram(14), html`<practice-log></practice-log><practice-log></practice-log>`);
    await settle(provider);
    expect(part(provider, 'support-button')).to.exist;
    expect(part(el, 'support-button')).to.equal(null);
  });

  it('says plainly when its program could not be loaded, and offers to try again', async () => {
    const el = await fixture<PracticeLog>(html`<practice-log src="/__test/not-there.json" storage="memory"></practice-log>`);
    await waitFor(async () => {
      await settle(el);
      return part(el, 'error');
    }, 'the error');
    expect(text(part(el, 'error'))).to.contain('Your practice log cannot be shown right now').and.contain('let the clinic know');
    expect(part(el, 'retry-button')).to.exist;
    expect(part(el, 'support-button')).to.exist;
    await expectAccessible(el);
  });

  it('shows a loading line until its program is ready, then the log', async () => {
    const el = await fixture<PracticeLog>(html`<practice-log src="/__test/slow" storage="memory"></practice-log>`);
    expect(text(part(el, 'status'))).to.equal('Loading your practice log…');
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    await expectAccessible(el);
  });
});
