import { expect } from 'chai';
import { expectAccessible } from '../../helpers/axe.js';
import { cdp } from '../../helpers/cdp.js';
import { courseProgram, stepIds } from '../../fixtures/course-program.js';
import { mountCourse } from '../../helpers/course-object.js';
import { unmountAll } from '../../helpers/mount.js';
import { $, $$, text } from '../../helpers/query.js';

const states = (root: ShadowRoot) => $$(root, '[part~="week-item"]').map((li) => /week-item-(\w+)/.exec(li.getAttribute('part')!)![1]);

describe('<compassion-course> unlock policies', () => {

  afterEach(async () => {
    await cdp('Emulation.setTimezoneOverride', { timezoneId: '' });
    await unmountAll();
  });

  describe('weekly', () => {
    it('opens one week every seven days from the start-date attribute, and shows when each locked week opens', async () => {
      const program = courseProgram({ weeks: 4, unlock: { policy: 'weekly' } });
      const page = await mountCourse(program, { storage: 'memory', startDate: '2025-01-06', now: new Date(2025, 0, 20, 12, 0) });
      const { root } = page;
      expect(states(root)).to.deep.equal(['current', 'available', 'available', 'locked']);
      const locked = $$(root, '[part~="week-item"]')[3]!;
      expect(text(locked)).to.contain('Opens Monday 27 January');
      expect(locked.querySelector('[part~="week-link"]')).to.equal(null);
    });

    it('lets the start-date attribute override the program’s start date', async () => {
      const program = courseProgram({ weeks: 4, unlock: { policy: 'weekly', startDate: '2024-01-01' } });
      const page = await mountCourse(program, { storage: 'memory', now: new Date(2025, 0, 7, 9, 0) });
      const { root, course } = page;
      expect(states(root)).to.deep.equal(['current', 'available', 'available', 'available']);
      course.startDate = '2025-01-06';
      await page.rendered();
      expect(states(root)).to.deep.equal(['current', 'locked', 'locked', 'locked']);
      course.startDate = '2025-02-01';
      await page.rendered();
      expect(states(root)).to.deep.equal(['locked', 'locked', 'locked', 'locked']);
      expect(text($$(root, '[part~="week-item"]')[0])).to.contain('Opens Saturday 1 February');
    });

    it('shows a locked week with the date it opens, and nothing of its content; accessibly', async () => {
      const program = courseProgram({ weeks: 4, unlock: { policy: 'weekly' } });
      const page = await mountCourse(program, { storage: 'memory', startDate: '2025-01-06', now: new Date(2025, 0, 8) });
      const { root, course } = page;
      await expectAccessible(course);
      course.openWeek(3);
      await page.rendered();
      const locked = $(root, '[part~="locked"]');
      expect(text(locked)).to.contain('This week is not open yet').and.contain('Opens Monday 20 January');
      expect(text($(root, '[part~="title"]'))).to.equal('Week 3 title');
      expect(root.querySelector('[part~="steps"], [part~="theory"]')).to.equal(null);
      // The weeks around it are locked too: the navigation says when they open, rather than offering dead buttons.
      expect(text($(root, '[part~="week-nav"] .nav-locked.next'))).to.contain('Opens Monday 27 January');
      await expectAccessible(course);
    });

    it('says so when no start date is known or the start date is malformed, and keeps weeks locked', async () => {
      const program = courseProgram({ weeks: 2, unlock: { policy: 'weekly' } });
      const page = await mountCourse(program, { storage: 'memory' });
      const { root, course } = page;
      expect(states(root)).to.deep.equal(['locked', 'locked']);
      expect(text($(root, '[part~="notice"]'))).to.contain('start date');
      expect(text($$(root, '[part~="week-item"]')[0])).to.contain('Opens once your group’s start date is set');
      course.startDate = '06/01/2025';
      await page.rendered();
      expect(text($(root, '[part~="notice"]'))).to.contain('“06/01/2025” is not a date in the form YYYY-MM-DD');
      await expectAccessible(course);
    });

    it('opens a week at local midnight across the spring daylight-saving change (Europe/London)', async () => {
      await cdp('Emulation.setTimezoneOverride', { timezoneId: 'Europe/London' });
      // The clocks go forward at 01:00 UTC on Sunday 30 March 2025, inside week 1.
      expect(new Date(2025, 2, 24).getTimezoneOffset()).to.equal(0);
      expect(new Date(2025, 2, 31).getTimezoneOffset()).to.equal(-60);
      const program = courseProgram({ weeks: 3, unlock: { policy: 'weekly' } });
      // 23:59 on Sunday 30 March, London time (22:59 UTC): week 2 is not open yet.
      const before = await mountCourse(program, { storage: 'memory', startDate: '2025-03-24', now: new Date(Date.UTC(2025, 2, 30, 22, 59)) });
      expect(states(before.root)).to.deep.equal(['current', 'locked', 'locked']);
      expect(text($$(before.root, '[part~="week-item"]')[1])).to.contain('Opens Monday 31 March');
      // 00:30 on Monday 31 March, London time (23:30 UTC the day before): seven calendar days, only 167 hours.
      before.course.now = new Date(Date.UTC(2025, 2, 30, 23, 30));
      await before.rendered();
      expect(states(before.root)).to.deep.equal(['current', 'available', 'locked']);
    });

    it('opens a week at local midnight across the autumn daylight-saving change (America/New_York)', async () => {
      await cdp('Emulation.setTimezoneOverride', { timezoneId: 'America/New_York' });
      // Clocks go back at 06:00 UTC on Sunday 2 November 2025, inside week 1: that week has 169 hours.
      expect(new Date(2025, 9, 27).getTimezoneOffset()).to.equal(240);
      expect(new Date(2025, 10, 3).getTimezoneOffset()).to.equal(300);
      const program = courseProgram({ weeks: 2, unlock: { policy: 'weekly' } });
      // 23:30 on Sunday 2 November in New York (04:30 UTC): exactly 7 × 24 hours have passed, but it is not yet Monday.
      const m = await mountCourse(program, { storage: 'memory', startDate: '2025-10-27', now: new Date(Date.UTC(2025, 10, 3, 4, 30)) });
      expect(states(m.root)).to.deep.equal(['current', 'locked']);
      expect(text($$(m.root, '[part~="week-item"]')[1])).to.contain('Opens Monday 3 November');
      m.course.now = new Date(Date.UTC(2025, 10, 3, 5, 0));
      await m.rendered();
      expect(states(m.root)).to.deep.equal(['current', 'available']);
    });

    it('keeps done weeks done even when a later start date would lock them', async () => {
      const program = courseProgram({ weeks: 2, unlock: { policy: 'weekly' } });
      const page = await mountCourse(program, { storage: 'memory', startDate: '2025-01-06', now: new Date(2025, 0, 7) });
      const { root, course, provider } = page;
      for (const id of stepIds(program).slice(0, 4)) await provider.sdk!.progress.complete(id);
      course.startDate = '2025-03-01';
      await page.rendered();
      expect(states(root)).to.deep.equal(['done', 'locked']);
    });
  });

  describe('sequential', () => {
    it('opens a week when the week before is done', async () => {
      const program = courseProgram({ weeks: 3, unlock: { policy: 'sequential' } });
      const page = await mountCourse(program, { storage: 'memory' });
      const { root, course } = page;
      expect(states(root)).to.deep.equal(['current', 'locked', 'locked']);
      expect(text($$(root, '[part~="week-item"]')[1])).to.contain('Opens when you finish week 1');
      course.openWeek(1);
      await page.rendered();
      for (let i = 0; i < 4; i++) await page.tick(i);
      // The completion moment leads straight on to the newly opened week.
      expect(text($(root, '[part~="completion"]'))).to.contain('Week 2 is ready whenever you are');
      course.showOverview();
      await page.rendered();
      expect(states(root)).to.deep.equal(['done', 'current', 'locked']);
    });
  });

  describe('all open', () => {
    it('opens every week from the start', async () => {
      const page = await mountCourse(courseProgram({ weeks: 3 }), { storage: 'memory' });
      const { root } = page;
      expect(states(root)).to.deep.equal(['current', 'available', 'available']);
    });
  });
});
