import { expect } from 'chai';
import { ListeningTracker, shouldLogPractice } from '../../../src/sdk/audio/practice-session.js';

describe('practice logging rules', () => {
  it('logs a minute or more of practice', () => {
    expect(shouldLogPractice(59)).to.equal(false);
    expect(shouldLogPractice(60)).to.equal(true);
  });

  it('logs a short recording heard to the end, but not a long one skipped to its end', () => {
    expect(shouldLogPractice(6, { finished: true, trackDuration: 6.2 })).to.equal(true);
    expect(shouldLogPractice(10, { finished: true, trackDuration: 300 })).to.equal(false);
    expect(shouldLogPractice(0, { finished: true, trackDuration: 6 })).to.equal(false);
  });

  it('counts only the time spent playing', () => {
    let t = 0;
    const tracker = new ListeningTracker('guided', () => t);
    tracker.update(true);
    t += 30_000;
    tracker.update(false);
    t += 100_000;
    tracker.update(true);
    t += 15_000;
    expect(tracker.seconds).to.equal(45);
    expect(tracker.startedAt).to.equal(0);
    tracker.reset();
    expect(tracker.seconds).to.equal(0);
    expect(tracker.started).to.equal(false);
  });
});
