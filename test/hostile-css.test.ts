import { expect } from 'chai';
import { html } from 'lit';
import '../src/define.js';
import type { CompassionProgramElement } from '../src/elements/compassion-program/compassion-program.js';
import { cleanup, fixture, waitFor } from './helpers/fixture.js';

// What clinic sites really ship: aggressive resets, a framework's base styles, odd body text.
const HOSTILE = `
  * { all: unset; }
  html { font-size: 16px; }
  body { font-family: "Comic Sans MS", cursive !important; color: rgb(255, 0, 255) !important; text-align: center !important;
         line-height: 1 !important; letter-spacing: 3px !important; text-transform: uppercase !important; white-space: nowrap !important; }
  button, input, select, textarea { all: unset !important; background: red !important; }
  h1, h2, h3 { font-size: 80px !important; color: lime !important; }
  compassion-course, meditation-player, reflection-journal { display: inline !important; }
`;

/** Every element with the given selector inside an element's shadow tree (one level). */
const inside = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** A button the page's `all: unset` and red background did not reach: a 24 px target, our colours. */
function expectDesignedButton(button: HTMLElement, name: string): void {
  const box = button.getBoundingClientRect();
  expect(box.height, `${name} height`).to.be.at.least(24);
  expect(getComputedStyle(button).backgroundColor, `${name} background`).not.to.equal('rgb(255, 0, 0)');
}

describe('a hostile host page', () => {
  let style: HTMLStyleElement;
  before(() => {
    style = document.createElement('style');
    style.textContent = HOSTILE;
    document.head.append(style);
  });
  after(() => {
    style.remove();
    cleanup();
  });

  it('cannot restyle the widgets: text colour, font, alignment and touch targets stay as designed', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <compassion-program src="/content/default/program.json" storage="memory">
        <compassion-course></compassion-course>
        <meditation-player meditation-id="safe-place"></meditation-player>
        <reflection-journal></reflection-journal>
      </compassion-program>
    </div>`);
    const provider = page.querySelector('compassion-program') as CompassionProgramElement;
    await waitFor(() => provider.sdk, 'the program to load');
    // With three elements, the provider shows the one "Need support now?" control for all of them.
    const support = await waitFor(() => inside(provider, '[part~=support-button]')[0], "the provider's support button");
    expectDesignedButton(support, 'shared support button');
    for (const tag of ['compassion-course', 'meditation-player', 'reflection-journal']) {
      const el = page.querySelector(tag)!;
      const button = await waitFor(() => inside(el, 'button')[0], `a button in <${tag}>`);
      const host = getComputedStyle(el);
      expect(host.display, `${tag} display`).to.equal('block');
      expect(host.color, `${tag} colour`).not.to.equal('rgb(255, 0, 255)');
      expect(host.fontFamily, `${tag} font`).not.to.contain('Comic Sans');
      expect(host.textAlign, `${tag} alignment`).to.equal('start');
      expect(host.textTransform, `${tag} case`).to.equal('none');
      expectDesignedButton(button, `${tag} first button`);
      const heading = inside(el, 'h1, h2, h3')[0];
      if (heading) expect(getComputedStyle(heading).fontSize, `${tag} heading size`).not.to.equal('80px');
    }
  });
});
