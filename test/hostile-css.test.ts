import { expect } from 'chai';
import { html } from 'lit';
import '../src/define.js';
import type { CompassionProgramElement } from '../src/elements/compassion-program/compassion-program.js';
import { expectAccessible } from './helpers/axe.js';
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
      <compassion-program src="/packages/default-program/program.json" storage="memory">
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

/** All four elements in one provider with the default program, each rendered. */
async function everyElement(): Promise<{ page: HTMLElement; elements: HTMLElement[] }> {
  const page = await fixture<HTMLElement>(html`<div>
    <compassion-program src="/packages/default-program/program.json" storage="memory">
      <compassion-course></compassion-course>
      <meditation-player meditation-id="safe-place"></meditation-player>
      <reflection-journal></reflection-journal>
      <practice-log></practice-log>
    </compassion-program>
  </div>`);
  await waitFor(() => (page.querySelector('compassion-program') as CompassionProgramElement).sdk, 'the program to load');
  const elements = [...page.querySelectorAll<HTMLElement>('compassion-course, meditation-player, reflection-journal, practice-log')];
  for (const el of elements) await waitFor(() => inside(el, 'button, [part~=empty]')[0], `<${el.localName}> to render`);
  await waitFor(() => inside(elements[1]!, '[part~=play-button]')[0], 'the play button');
  return { page, elements };
}

/** What a page's root font size must not change: each element's text sizes and its buttons' boxes. */
function sizes(elements: HTMLElement[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of elements) {
    out[`${el.localName} text`] = getComputedStyle(el).fontSize;
    inside(el, 'h2, h3, p, button').slice(0, 12).forEach((node, i) => {
      const box = node.getBoundingClientRect();
      out[`${el.localName} ${node.localName}#${i} (${node.getAttribute('part') ?? node.className})`] = `${getComputedStyle(node).fontSize} ${box.height.toFixed(1)}`;
    });
  }
  const play = inside(elements[1]!, '[part~=play-button]')[0]!.getBoundingClientRect();
  out['play button'] = `${play.width.toFixed(1)}x${play.height.toFixed(1)}`;
  return out;
}

describe('the host page\'s root font size', () => {
  afterEach(cleanup);

  it('does not change text sizes or buttons: a page with html{font-size:10px} renders the widgets as a plain page does', async () => {
    const { page, elements } = await everyElement();
    await expectAccessible(page);
    const plain = sizes(elements);
    expect(plain['meditation-player text']).to.equal('16px');
    const style = document.createElement('style');
    style.textContent = 'html { font-size: 10px; }';
    document.head.append(style);
    try {
      expect(getComputedStyle(document.documentElement).fontSize).to.equal('10px');
      expect(sizes(elements)).to.deep.equal(plain);
    } finally {
      style.remove();
    }
  });
});

describe('inherited text properties on the page\'s body', () => {
  afterEach(cleanup);

  // Each: the property, the page's value, and what the widgets' text must keep.
  const LEAKS: [string, string, string][] = [
    ['font-variant-caps', 'small-caps', 'normal'],
    ['font-stretch', '75%', '100%'],
    ['font-style', 'italic', 'normal'],
    ['font-feature-settings', '"smcp"', 'normal'],
    ['font-kerning', 'none', 'auto'],
    ['word-break', 'break-all', 'normal'],
    ['overflow-wrap', 'anywhere', 'normal'],
    ['hyphens', 'auto', 'manual'],
    ['text-shadow', 'rgb(255, 0, 0) 2px 2px 0px', 'none'],
    ['cursor', 'wait', 'auto'],
    ['letter-spacing', '4px', 'normal'],
    ['word-spacing', '8px', '0px'],
    ['text-transform', 'uppercase', 'none'],
    ['text-indent', '40px', '0px'],
    ['line-height', '48px', ''],
  ];

  it('do not reach the text inside any element', async () => {
    const { elements } = await everyElement();
    const lineHeights = elements.map((el) => getComputedStyle(el).lineHeight);
    const saved = document.body.getAttribute('style');
    for (const [name, value] of LEAKS) document.body.style.setProperty(name, value);
    try {
      for (const [name, value] of LEAKS) expect(getComputedStyle(document.body).getPropertyValue(name), `the page sets ${name}`).to.equal(value);
      elements.forEach((el, i) => {
        const texts = [el, ...inside(el, 'p, h2, h3, li, label')];
        for (const node of texts) {
          const style = getComputedStyle(node);
          const where = `<${el.localName}> ${node === el ? 'host' : node.localName}`;
          for (const [name, value, kept] of LEAKS) {
            // The host resets each; inside, elements set their own overflow-wrap (long words wrap).
            if (node !== el && name === 'overflow-wrap') continue;
            if (node === el && kept) expect(style.getPropertyValue(name), `${where} ${name}`).to.equal(kept);
            else expect(style.getPropertyValue(name), `${where} ${name}`).not.to.equal(value);
          }
        }
        expect(getComputedStyle(el).lineHeight, `<${el.localName}> line height`).to.equal(lineHeights[i]);
        expect(getComputedStyle(el).fontFamily, `<${el.localName}> font`).to.equal(getComputedStyle(elements[0]!).fontFamily);
      });
    } finally {
      if (saved === null) document.body.removeAttribute('style');
      else document.body.setAttribute('style', saved);
    }
  });
});
