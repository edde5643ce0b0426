import { expect } from 'chai';
import { localMidnight, validateProgram, weekOpensAt, weekStatuses } from '../../src/sdk/index.js';
import { cdp } from '../helpers/cdp.js';
import { makeProgram } from '../fixtures/programs.js';

const program = (policy: 'all-open' | 'weekly' | 'sequential', startDate?: string) =>
  validateProgram(makeProgram(4, { unlock: startDate ? { policy, startDate } : { policy } })).program;

describe('unlock policies', () => {
  after(() => cdp('Emulation.setTimezoneOverride', { timezoneId: '' }));

  it('all-open: every week is open and the first not done is current', () => {
    const states = weekStatuses(program('all-open'), { completed: new Set(['w1-read', 'w1-meditate', 'w1-reflect-1', 'w1-practice']) }).map((s) => s.state);
    expect(states).to.deep.equal(['done', 'current', 'available', 'available']);
  });

  it('sequential: a week opens only when every step of the week before is done', () => {
    const p = program('sequential');
    expect(weekStatuses(p, { completed: new Set(['w1-read']) }).map((s) => s.state)).to.deep.equal(['current', 'locked', 'locked', 'locked']);
    const week1 = new Set(p.weeks[0]!.steps.map((s) => s.id));
    expect(weekStatuses(p, { completed: week1 }).map((s) => s.state)).to.deep.equal(['done', 'current', 'locked', 'locked']);
  });

  it('weekly: week n opens at local midnight 7(n-1) days after the start date, and says when', () => {
    const p = program('weekly', '2026-01-05');
    const statuses = weekStatuses(p, { completed: new Set(), now: new Date(2026, 0, 12, 9, 0) });
    expect(statuses.map((s) => s.state)).to.deep.equal(['current', 'available', 'locked', 'locked']);
    expect(statuses[2]!.opensAt!.getTime()).to.equal(new Date(2026, 0, 19).getTime());
  });

  it('weekly: a start-date option overrides the program, and no start date keeps weeks locked', () => {
    const p = program('weekly');
    expect(weekStatuses(p, { completed: new Set() }).every((s) => s.state === 'locked')).to.equal(true);
    expect(weekStatuses(p, { completed: new Set(), startDate: '2020-01-01' }).every((s) => s.state !== 'locked')).to.equal(true);
  });

  for (const [zone, start, dstDay] of [
    ['America/New_York', '2026-02-23', '2026-03-08'],
    ['Europe/London', '2026-03-16', '2026-03-29'],
    ['Australia/Sydney', '2026-03-23', '2026-04-05'],
  ] as const) {
    it(`weekly: opens at local midnight across the daylight-saving change in ${zone}`, async () => {
      await cdp('Emulation.setTimezoneOverride', { timezoneId: zone });
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(zone);
      const p = program('weekly', start);
      // Week 3 opens two weeks after the start, just after the clocks change.
      const opens = weekOpensAt(start, 3)!;
      expect([opens.getHours(), opens.getMinutes()]).to.deep.equal([0, 0]);
      expect(opens.getTime() - weekOpensAt(start, 2)!.getTime()).not.to.equal(7 * 86400000); // a 23- or 25-hour day is inside
      expect(opens.getTime()).to.be.greaterThan(localMidnight(dstDay)!.getTime());
      const justBefore = new Date(opens.getTime() - 60000);
      expect(weekStatuses(p, { completed: new Set(), now: justBefore })[2]!.state).to.equal('locked');
      expect(weekStatuses(p, { completed: new Set(), now: opens })[2]!.state).to.equal('available');
    });
  }
});
