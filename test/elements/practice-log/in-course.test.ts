import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/elements/practice-log/define.js';
import type { PracticeLog } from '../../../src/elements/practice-log/practice-log.js';
import { makeProgram } from '../../fixtures/programs.js';
import { expectAccessible } from '../../helpers/axe.js';
import { mountCourse, rendered } from '../../helpers/course-object.js';
import { settle, waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { at, PracticeLogObject } from '../../helpers/practice-log-object.js';
import { $$, part, text } from '../../helpers/query.js';

describe('<practice-log> in the course overview', () => {
  afterEach(async () => {
    await unmountAll();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows under the weeks, embedded: an h3 under the overview’s h2, no support control or landmark of its own', async () => {
    const page = await mountCourse(makeProgram(3, { unlock: { policy: 'weekly' } }), { startDate: '2026-03-02', now: at('2026-03-12') });
    const el = page.root.querySelector<PracticeLog>('practice-log')!;
    expect(el.embedded).to.equal(true);
    expect(el.startDate).to.equal('2026-03-02');
    await settle(el);
    expect(part(el, 'title')!.localName).to.equal('h3');
    expect(part(el, 'base')!.localName).to.equal('div');
    expect(part(el, 'support-button')).to.equal(null);
    // One support control on the overview: the course's.
    expect($$(page.root, "[part~='support-button']")).to.have.length(1);
    await expectAccessible(page.course);
  });

  it('follows sessions logged while the overview is open, in the course’s program weeks', async () => {
    const page = await mountCourse(makeProgram(3, { unlock: { policy: 'weekly' } }), { startDate: '2026-03-02', now: at('2026-03-12') });
    const el = page.root.querySelector<PracticeLog>('practice-log')!;
    const log = new PracticeLogObject(el, page.provider.sdk!);
    await log.ready();
    expect(part(el, 'empty')).to.exist;
    await log.practise(at('2026-03-10', 7), 15);
    await waitFor(() => part(el, 'table'), 'the chart');
    await log.showTable();
    expect(log.tableRows()).to.deep.equal([
      ['Week 1', '0', '0'],
      ['Week 2', '15', '1'],
    ]);
    expect(log.totals()).to.contain('15 minutes over 1 session');
    await rendered(page.course);
    await expectAccessible(page.course);
  });

  it('keeps the overview within a 320 px phone', async () => {
    await setViewport({ width: 320, height: 568 });
    const page = await mountCourse(makeProgram(14), { now: at('2026-06-01') });
    const el = page.root.querySelector<PracticeLog>('practice-log')!;
    const log = new PracticeLogObject(el, page.provider.sdk!);
    await log.ready();
    for (let i = 0; i < 8; i++) await log.practise(at('2026-04-06', 7 + i), 10 + i);
    await log.showTable();
    expect(text(part(el, 'totals'))).to.contain('over 8 sessions');
    expect(page.course.scrollWidth).to.be.at.most(page.course.clientWidth);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
  });
});
