import { expect } from 'chai';
import { html } from 'lit';
import '../src/define.js';
import type { CompassionCourseElement } from '../src/elements/compassion-course/compassion-course.js';
import type { CompassionProgramElement } from '../src/elements/compassion-program/compassion-program.js';
import { expectAccessible } from './helpers/axe.js';
import { cdp } from './helpers/cdp.js';
import { rendered } from './helpers/course-object.js';
import { cleanup, fixture, settle, waitFor } from './helpers/fixture.js';

const TAGS = 'compassion-course, meditation-player, reflection-journal, practice-log';

/** A provider with the default program around `inner`, loaded. */
async function page(inner: ReturnType<typeof html>, theme?: 'light' | 'dark'): Promise<{ wrapper: HTMLElement; provider: CompassionProgramElement }> {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <compassion-program src="/packages/default-program/program.json" storage="memory" theme=${theme ?? ''}>${inner}</compassion-program>
  </div>`);
  const provider = wrapper.querySelector('compassion-program')!;
  if (!theme) provider.removeAttribute('theme');
  await waitFor(() => provider.sdk, 'the program to load');
  return { wrapper, provider };
}

/** Opens week 1 of the course and waits for its real player and journals. */
async function openWeekOne(course: CompassionCourseElement): Promise<Element[]> {
  await waitFor(() => course.shadowRoot!.querySelector('[part~="overview"]'), 'the course overview');
  course.openWeek(1);
  await rendered(course);
  const root = course.shadowRoot!;
  await waitFor(() => root.querySelector('meditation-player')?.shadowRoot?.querySelector('[part~="play-button"]'), 'the embedded player');
  await waitFor(() => [...root.querySelectorAll('reflection-journal')].every((j) => j.shadowRoot?.querySelector('[part~="editor"]')), 'the embedded journals');
  const embeds = [...root.querySelectorAll('meditation-player, reflection-journal')];
  await Promise.all(embeds.map((el) => settle(el)));
  await rendered(course);
  return embeds;
}

/** A colour as the screen shows it (out-of-gamut colours clipped, as a canvas does), in sRGB 0–255. */
function rgb(color: string): [number, number, number] {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, b] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The value of a private token as an element's shadow tree resolves it (a probe inside it, removed after). */
function token(el: Element, name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(--_${name})`;
  el.shadowRoot!.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

describe('theming', () => {
  afterEach(async () => {
    await cdp('Emulation.setEmulatedMedia', { features: [] });
    for (const p of document.querySelectorAll('compassion-program')) p.sdk?.close();
    cleanup();
  });

  it('compassion-course::part(player-play-button) styles the player a week embeds, and every part the embeds show is exported', async () => {
    const style = document.createElement('style');
    style.textContent = `
      compassion-course::part(player-play-button) { background-color: rgb(1, 2, 3); }
      compassion-course::part(journal-textarea) { border-color: rgb(4, 5, 6); }
      meditation-player::part(play-button) { background-color: rgb(7, 8, 9); }`;
    document.head.append(style);
    try {
      const { provider } = await page(html`<compassion-course></compassion-course>`);
      const course = provider.querySelector('compassion-course')!;
      const embeds = await openWeekOne(course);
      await expectAccessible(course);
      const player = embeds.find((el) => el.localName === 'meditation-player')!;
      const play = player.shadowRoot!.querySelector('[part~="play-button"]')!;
      // The course's exported name reaches it; the player's own tag selector does not cross the course's shadow root.
      expect(getComputedStyle(play).backgroundColor).to.equal('rgb(1, 2, 3)');
      const textarea = embeds.find((el) => el.localName === 'reflection-journal')!.shadowRoot!.querySelector('[part~="textarea"]')!;
      expect(getComputedStyle(textarea).borderTopColor).to.equal('rgb(4, 5, 6)');

      const theming = await (await fetch('/docs/theming.md')).text();
      for (const el of embeds) {
        const prefix = el.localName === 'meditation-player' ? 'player' : 'journal';
        const exported = new Map((el.getAttribute('exportparts') ?? '').split(',').map((pair) => pair.split(':') as [string, string]));
        for (const [part, name] of exported) {
          expect(name, part).to.equal(`${prefix}-${part}`);
          expect(theming, `docs/theming.md lists ${name}`).to.contain(`\`${name}\``);
        }
        const shown = new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(/\s+/)));
        // The kind of a journal field (`scale`, `choice`, `emotions`) is a second name no one documents yet.
        for (const part of shown) if (!['scale', 'choice', 'emotions'].includes(part)) expect(exported.has(part), `<${el.localName}> part ${part} is exported`).to.equal(true);
      }
    } finally {
      style.remove();
    }
  });

  it('theme="light" on the provider wins over a dark system scheme for every element inside it, embedded ones too; an element\'s own theme still wins', async () => {
    // Reduced motion: a theme switched mid-test is read at once, not mid-transition.
    await cdp('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }, { name: 'prefers-reduced-motion', value: 'reduce' }] });
    const { provider } = await page(html`<compassion-course></compassion-course>
      <div><meditation-player meditation-id="safe-place"></meditation-player></div>
      <reflection-journal></reflection-journal>
      <practice-log></practice-log>`, 'light');
    const elements = [...provider.querySelectorAll<HTMLElement>(TAGS)];
    expect(elements).to.have.length(4);
    for (const el of elements) await waitFor(() => el.shadowRoot?.querySelector('button, [part~=empty]'), `<${el.localName}> to render`);
    const lightText = 'rgb(43, 42, 40)';
    for (const el of [provider, ...elements]) {
      expect(getComputedStyle(el).colorScheme, el.localName).to.equal('light');
      expect(getComputedStyle(el).color, `${el.localName} text`).to.equal(lightText);
    }
    await expectAccessible(provider);

    const course = elements[0] as CompassionCourseElement;
    for (const el of await openWeekOne(course)) {
      expect(getComputedStyle(el).colorScheme, `embedded ${el.localName}`).to.equal('light');
      expect(token(el, 'color-surface'), `embedded ${el.localName} surface`).to.equal('rgb(255, 255, 255)');
    }
    await expectAccessible(course);

    // The element's own attribute beats the provider's.
    const player = elements[1] as HTMLElement & { theme: string | null };
    player.theme = 'dark';
    await settle(player);
    expect(getComputedStyle(player).colorScheme).to.equal('dark');
    expect(getComputedStyle(player).color).to.equal('rgb(236, 232, 225)');
    expect(getComputedStyle(elements[2]!).colorScheme).to.equal('light');
    await expectAccessible(player);

    // Without a theme on the provider, the system's scheme applies again.
    provider.theme = null;
    await settle(provider);
    expect(getComputedStyle(elements[2]!).colorScheme).to.equal('dark');
  });

  it('derives the dark accent family from --ck-color-accent alone, with AA contrast for any accent', async () => {
    const { wrapper, provider } = await page(html`<meditation-player meditation-id="safe-place"></meditation-player>`, 'dark');
    const player = provider.querySelector('meditation-player')!;
    await waitFor(() => player.shadowRoot?.querySelector('[part~="play-button"]'), 'the player');
    // The defaults while no accent is set.
    expect(token(player, 'color-accent')).to.equal('rgb(140, 201, 184)');
    expect(token(player, 'color-accent-soft')).to.equal('rgb(35, 64, 58)');
    const [bg, surface, surfaceAlt, onAccent, text] = ['color-bg', 'color-surface', 'color-surface-alt', 'color-on-accent', 'color-text'].map((n) => token(player, n));
    for (const accent of ['#5a4fcf', '#b00020', '#0b5cad', '#000000', '#ffffff', '#ffeb3b', '#00c853', '#c2185b', '#3a2b6b', '#2c675b']) {
      wrapper.style.setProperty('--ck-color-accent', accent);
      const [a, hover, soft] = ['color-accent', 'color-accent-hover', 'color-accent-soft'].map((n) => token(player, n));
      expect(a, accent).not.to.equal('rgb(140, 201, 184)');
      for (const [what, fg, back] of [
        ['accent on bg', a, bg], ['accent on surface', a, surface], ['accent on surface-alt', a, surfaceAlt],
        ['on-accent on accent', onAccent, a], ['on-accent on hover', onAccent, hover], ['text on soft', text, soft], ['accent on soft', a, soft],
      ] as const) {
        expect(contrast(fg!, back!), `${accent}: ${what} (${fg} on ${back})`).to.be.at.least(4.5);
      }
    }
    await expectAccessible(player);
    // A clinic's own dark value still wins.
    wrapper.style.setProperty('--ck-dark-color-accent', '#a0e0ff');
    expect(token(player, 'color-accent')).to.equal('rgb(160, 224, 255)');
    // In the light scheme the accent is the clinic's, its hover and soft follow it.
    player.setAttribute('theme', 'light');
    await settle(player);
    wrapper.style.setProperty('--ck-color-accent', '#5a4fcf');
    expect(token(player, 'color-accent')).to.equal('rgb(90, 79, 207)');
    expect(token(player, 'color-accent-hover')).not.to.equal('rgb(34, 83, 74)');
    expect(contrast(token(player, 'color-text'), token(player, 'color-accent-soft'))).to.be.at.least(4.5);
    expect(contrast('#ffffff', token(player, 'color-accent-hover'))).to.be.at.least(contrast('#ffffff', '#5a4fcf'));
  });
});
