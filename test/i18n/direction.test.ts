import { expect } from 'chai';
import { html } from 'lit';
import '../../src/define.js';
import type { MeditationPlayer } from '../../src/elements/meditation-player/meditation-player.js';
import type { ReflectionJournal } from '../../src/elements/reflection-journal/reflection-journal.js';
import { cleanup, fixture, settle, waitFor } from '../helpers/fixture.js';
import { maybe, part } from '../helpers/query.js';

// An Arabic program ("dir": "rtl") on an English, left-to-right page.
const AR_PROGRAM = '/content/samples/rtl-program.json';

/** Where `el` sits inside `host`: its distance from the host's left and right edges. */
function inside(host: Element, el: Element): { left: number; right: number } {
  const h = host.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return { left: r.left - h.left, right: h.right - r.right };
}

describe('direction from the program', () => {
  before(() => document.documentElement.setAttribute('dir', 'ltr'));
  afterEach(() => cleanup());
  after(() => document.documentElement.removeAttribute('dir'));

  it('lays the standalone player out right to left, against the same player forced left to right', async () => {
    const player = (dir?: 'ltr') =>
      fixture<MeditationPlayer>(html`<meditation-player src=${AR_PROGRAM} meditation-id="arriving-grounding" storage="memory" dir=${dir ?? ''} style="display:block;inline-size:560px"></meditation-player>`);
    const rtl = await player();
    rtl.removeAttribute('dir');
    const ltr = await player('ltr');
    for (const el of [rtl, ltr]) {
      await waitFor(() => part(el, 'play-button'), 'the play button');
      await settle(el);
    }
    expect(part(rtl, 'base')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(part(rtl, 'base')!).direction).to.equal('rtl');
    // Back 15 s comes before Play in reading order: right of it in Arabic, left of it in English.
    const [rtlBack, rtlPlay] = [part(rtl, 'back-button')!, part(rtl, 'play-button')!].map((b) => b.getBoundingClientRect());
    const [ltrBack, ltrPlay] = [part(ltr, 'back-button')!, part(ltr, 'play-button')!].map((b) => b.getBoundingClientRect());
    expect(ltrBack.left, 'left to right: Back is left of Play').to.be.lessThan(ltrPlay.left);
    expect(rtlBack.left, 'right to left: Back is right of Play').to.be.greaterThan(rtlPlay.left);
    // "Need support now?" sits at the header's inline end: the left edge in Arabic.
    const rtlSupport = inside(rtl, part(rtl, 'support-button')!);
    const ltrSupport = inside(ltr, part(ltr, 'support-button')!);
    expect(rtlSupport.left).to.be.lessThan(rtlSupport.right);
    expect(ltrSupport.right).to.be.lessThan(ltrSupport.left);
    // Its dialog is in the top layer, outside the wrapper: it carries the direction itself.
    expect(part(rtl, 'support-dialog')!.getAttribute('dir')).to.equal('rtl');
  });

  it('lays the standalone journal out right to left, against the same journal forced left to right', async () => {
    const journal = (dir: string) =>
      fixture<ReflectionJournal>(html`<reflection-journal src=${AR_PROGRAM} storage="memory" dir=${dir} style="display:block;inline-size:560px"></reflection-journal>`);
    const rtl = await journal('');
    rtl.removeAttribute('dir');
    const ltr = await journal('ltr');
    for (const el of [rtl, ltr]) {
      await waitFor(() => el.shadowRoot!.querySelector('.title') && !maybe(el, '.loading'), 'the journal');
      await settle(el);
    }
    const first = (el: Element) => el.shadowRoot!.querySelector('.starts button')!;
    // The first button of the empty journal starts at the inline start: the right edge in Arabic.
    const rtlFirst = inside(rtl, first(rtl));
    const ltrFirst = inside(ltr, first(ltr));
    expect(rtlFirst.right, 'right to left: the first field hugs the right').to.be.lessThan(rtlFirst.left);
    expect(ltrFirst.left, 'left to right: the first field hugs the left').to.be.lessThan(ltrFirst.right);
    const rtlTitle = inside(rtl, rtl.shadowRoot!.querySelector('.title')!);
    expect(rtlTitle.right).to.be.lessThan(rtlTitle.left);
  });

  it('lets the element’s own dir win over the program’s', async () => {
    const el = await fixture<MeditationPlayer>(html`<meditation-player src=${AR_PROGRAM} meditation-id="arriving-grounding" storage="memory" dir="ltr"></meditation-player>`);
    await waitFor(() => part(el, 'play-button'), 'the play button');
    await settle(el);
    expect(part(el, 'base')!.getAttribute('dir')).to.equal('ltr');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('ar');
  });
});
