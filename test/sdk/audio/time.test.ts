import { expect } from 'chai';
import { formatClock, positionText, spokenDuration } from '../../../src/sdk/audio/time.js';

describe('audio time formats', () => {
  it('shows a clock with minutes and seconds, and hours when needed', () => {
    expect(formatClock(200)).to.equal('3:20');
    expect(formatClock(5.9)).to.equal('0:05');
    expect(formatClock(3723)).to.equal('1:02:03');
    expect(formatClock(-3)).to.equal('0:00');
    expect(formatClock(Number.NaN)).to.equal('0:00');
  });

  it('says durations in words, singular and plural', () => {
    expect(spokenDuration(130)).to.equal('2 minutes 10 seconds');
    expect(spokenDuration(480)).to.equal('8 minutes');
    expect(spokenDuration(61)).to.equal('1 minute 1 second');
    expect(spokenDuration(0)).to.equal('0 seconds');
    expect(spokenDuration(3720)).to.equal('1 hour 2 minutes');
  });

  it('describes a position as "2 minutes 10 seconds of 8 minutes"', () => {
    expect(positionText(130, 480)).to.equal('2 minutes 10 seconds of 8 minutes');
    expect(positionText(130, 0)).to.equal('2 minutes 10 seconds');
  });
});
