import { expect } from 'chai';
import { PracticeTimer, clampMinutes, type BellKind } from '../../../src/sdk/audio/timer.js';

/** A clock the test moves by hand, as a hidden tab's clock moves without ticks. */
function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (seconds: number) => (t += seconds * 1000), get t() { return t; } };
}

describe('PracticeTimer', () => {
  let timers: PracticeTimer[] = [];
  const make = (options: ConstructorParameters<typeof PracticeTimer>[0]) => {
    const t = new PracticeTimer(options);
    timers.push(t);
    return t;
  };
  afterEach(() => {
    timers.forEach((t) => t.dispose());
    timers = [];
  });

  it('rings the start bell when started and counts down from timestamps', () => {
    const c = clock();
    const bells: BellKind[] = [];
    const timer = make({ minutes: 5, now: c.now, onBell: (k) => bells.push(k) });
    expect(timer.snapshot.status).to.equal('idle');
    timer.start();
    expect(bells).to.deep.equal(['start']);
    c.advance(90);
    timer.tick();
    expect(timer.snapshot.elapsed).to.equal(90);
    expect(timer.snapshot.remaining).to.equal(210);
  });

  it('finishes at the right moment when the tab slept past the end, and rings the end bell once', () => {
    const c = clock();
    const bells: [BellKind, number][] = [];
    let finished = 0;
    const timer = make({ minutes: 2, now: c.now, onBell: (k, late) => bells.push([k, late]), onFinish: () => finished++ });
    timer.start();
    const startedAt = c.t;
    c.advance(30);
    timer.tick();
    // Hidden: no ticks for a long while.
    c.advance(200);
    timer.tick();
    timer.tick();
    const s = timer.snapshot;
    expect(s.status).to.equal('finished');
    expect(s.elapsed).to.equal(120);
    expect(s.endedAt).to.equal(startedAt + 120_000);
    expect(s.endedEarly).to.equal(false);
    expect(finished).to.equal(1);
    expect(bells.map((b) => b[0])).to.deep.equal(['start', 'end']);
    expect(bells[1]![1]).to.equal(110);
  });

  it('excludes paused time', () => {
    const c = clock();
    const timer = make({ minutes: 1, now: c.now });
    timer.start();
    c.advance(20);
    timer.pause();
    c.advance(600);
    timer.tick();
    expect(timer.snapshot.status).to.equal('paused');
    expect(timer.snapshot.elapsed).to.equal(20);
    timer.resume();
    c.advance(39);
    timer.tick();
    expect(timer.snapshot.status).to.equal('running');
    c.advance(1);
    timer.tick();
    expect(timer.snapshot.status).to.equal('finished');
    expect(timer.snapshot.elapsed).to.equal(60);
  });

  it('rings interval bells on time and skips ones that are long overdue', () => {
    const c = clock();
    const bells: BellKind[] = [];
    const timer = make({ minutes: 10, intervalMinutes: 2, now: c.now, onBell: (k) => bells.push(k) });
    timer.start();
    c.advance(120);
    timer.tick();
    expect(bells).to.deep.equal(['start', 'interval']);
    // Asleep through the 4- and 6-minute bells: neither rings late.
    c.advance(255);
    timer.tick();
    expect(bells).to.deep.equal(['start', 'interval']);
    c.advance(110);
    timer.tick();
    expect(bells).to.deep.equal(['start', 'interval', 'interval']);
  });

  it('does not ring an interval bell at the very end, only the end bell', () => {
    const c = clock();
    const bells: BellKind[] = [];
    const timer = make({ minutes: 4, intervalMinutes: 2, now: c.now, onBell: (k) => bells.push(k) });
    timer.start();
    c.advance(120);
    timer.tick();
    c.advance(120);
    timer.tick();
    expect(bells).to.deep.equal(['start', 'interval', 'end']);
  });

  it('ends early without an end bell when stopped', () => {
    const c = clock();
    const bells: BellKind[] = [];
    const timer = make({ minutes: 10, now: c.now, onBell: (k) => bells.push(k) });
    timer.start();
    c.advance(75);
    timer.stop();
    expect(timer.snapshot).to.include({ status: 'finished', elapsed: 75, endedEarly: true });
    expect(bells).to.deep.equal(['start']);
  });

  it('keeps the length within 1 to 60 minutes', () => {
    expect(clampMinutes(0)).to.equal(1);
    expect(clampMinutes(90)).to.equal(60);
    expect(clampMinutes(Number.NaN)).to.equal(10);
    expect(make({ minutes: 0.2 }).duration).to.equal(60);
  });

  it('wakes itself with real timers while visible', async () => {
    const bells: BellKind[] = [];
    const start = Date.now();
    // A one-minute timer whose clock runs 60 times faster than real time.
    const timer = make({ minutes: 1, now: () => start + (Date.now() - start) * 60, onBell: (k) => bells.push(k) });
    timer.start();
    await new Promise<void>((resolve) => timer.subscribe((s) => s.status === 'finished' && resolve()));
    expect(bells).to.deep.equal(['start', 'end']);
  });
});
