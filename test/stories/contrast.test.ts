import { expect } from 'chai';
import { TOKENS } from '../../src/styles/tokens.js';
import { AA_MINIMUM, contrastRatio, relativeLuminance } from '../../stories/contrast.js';

// The ratios the token pages show a designer (stories/tokens.stories.ts) come from this code.
describe('token contrast (Storybook token pages)', () => {
  it('gives the WCAG ratios a designer can check by hand', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
    expect(contrastRatio('#ffffff', '#000')).to.equal(21);
    expect(contrastRatio('#2c675b', '#2c675b')).to.equal(1);
    // #767676 is the well-known lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio('#767676', '#fff')).to.be.closeTo(4.54, 0.01);
    expect(contrastRatio('#777777', '#fff')).to.be.closeTo(4.48, 0.01);
    expect(relativeLuminance('#808080')).to.be.closeTo(0.2159, 0.0001);
  });

  it('names a colour it cannot read instead of showing a wrong ratio', () => {
    expect(() => contrastRatio('rebeccapurple', '#fff')).to.throw(TypeError, /rebeccapurple/);
  });

  it('shows the default text and muted text passing AA on the background and on cards, light and dark', () => {
    for (const s of [0, 1] as const) {
      for (const fg of ['color-text', 'color-text-muted', 'color-accent', 'color-danger'] as const) {
        for (const bg of ['color-bg', 'color-surface'] as const) {
          const ratio = contrastRatio(TOKENS[fg][s], TOKENS[bg][s]);
          expect(ratio, `${fg} on ${bg} (${s ? 'dark' : 'light'})`).to.be.at.least(AA_MINIMUM.text);
        }
      }
      expect(contrastRatio(TOKENS['color-on-accent'][s], TOKENS['color-accent'][s])).to.be.at.least(AA_MINIMUM.text);
    }
  });
});
