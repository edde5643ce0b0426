import { expect } from 'chai';
import { BreathingPacer, DEFAULT_BREATH, breathPattern, breathPhaseAt, breathsPerMinute } from '../../../src/sdk/audio/breathing.js';

describe('breathing pacer', () => {
  it('defaults to about six breaths a minute, 4.5 s in and 5.5 s out', () => {
    expect(DEFAULT_BREATH).to.deep.equal({ inhale: 4.5, exhale: 5.5 });
    expect(breathsPerMinute(DEFAULT_BREATH)).to.equal(6);
  });

  it('places a moment in the cycle', () => {
    const p = { inhale: 4, exhale: 6 };
    expect(breathPhaseAt(0, p)).to.include({ phase: 'in', progress: 0, breaths: 0 });
    expect(breathPhaseAt(2, p)).to.include({ phase: 'in', progress: 0.5 });
    expect(breathPhaseAt(7, p)).to.include({ phase: 'out', progress: 0.5, secondsLeft: 3 });
    expect(breathPhaseAt(21, p)).to.include({ phase: 'in', breaths: 2 });
  });

  it('clamps patterns to a safe range and falls back to the default', () => {
    expect(breathPattern(0.2, 40)).to.deep.equal({ inhale: 1.5, exhale: 12 });
    expect(breathPattern(Number.NaN, undefined)).to.deep.equal({ inhale: 4.5, exhale: 5.5 });
  });

  it('follows the clock and reports the seconds paced when stopped', () => {
    let t = 1000;
    const pacer = new BreathingPacer({ inhale: 4, exhale: 6 }, { now: () => t });
    pacer.start();
    t += 5000;
    pacer.tick();
    expect(pacer.snapshot.phase).to.equal('out');
    t += 70_000;
    const s = pacer.stop();
    expect(s.status).to.equal('stopped');
    expect(s.elapsed).to.equal(75);
    pacer.dispose();
  });
});
