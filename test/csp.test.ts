import { expect } from 'chai';
import { waitFor } from './helpers/fixture.js';

interface HostWindow extends Window {
  __violations: string[];
  InputEvent: typeof InputEvent;
}

describe('strict Content-Security-Policy host page', () => {
  it('renders every element and plays a recording with no CSP or Trusted Types violation (no eval, no inline styles, no HTML sinks)', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/__test/csp-page';
    frame.style.inlineSize = '800px';
    frame.style.blockSize = '1200px';
    document.body.append(frame);
    try {
      await new Promise((resolve) => (frame.onload = resolve));
      const win = frame.contentWindow as HostWindow;
      const doc = frame.contentDocument!;
      const provider = await waitFor(() => doc.querySelector('compassion-program') as (HTMLElement & { sdk?: unknown }) | null, 'the provider');
      await waitFor(() => provider.sdk, 'the program to load under CSP', 10000);
      for (const tag of ['compassion-course', 'meditation-player', 'reflection-journal']) {
        if (!win.customElements.get(tag)) continue;
        const el = doc.querySelector(tag)!;
        await waitFor(() => (el.shadowRoot?.textContent ?? '').trim().length > 20, `<${tag}> to render under CSP`, 10000);
      }
      // Playing loads howler's chunk and streams the recording: still no violation.
      const player = doc.querySelector('meditation-player') as HTMLElement & { playback?: { status: string; position: number } };
      const play = await waitFor(() => player.shadowRoot?.querySelector<HTMLButtonElement>('[part=play-button]'), 'the play button', 10000);
      play.click();
      await waitFor(() => player.playback?.status === 'playing' && player.playback.position > 0.2, 'the recording to play under CSP', 15000);
      play.click();
      // Styles arrive as constructed stylesheets, which style-src 'self' allows.
      expect(provider.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(win.__violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});

// The demo page itself (docs/demo/index.html, served at /docs/demo/csp-test.html with the recorder
// added), under scripts/csp.mjs: the policy `npm start` serves and docs/embedding/security.md prints.
// It keeps the journal in IndexedDB under the default program's id, deleted before and after.

/** Every element matching `selector` in the shadow root of `host`. */
const within = <T extends Element = HTMLElement>(host: Element, selector: string): T[] => [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
const label = (el: Node) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the demo page under the documented Content-Security-Policy', () => {
  const DB = 'compassion-kit:cft-self-compassion';
  const deleteDb = () => new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  before(deleteDb);
  after(deleteDb);

  it('serves the policy written in docs/embedding/security.md, word for word', async () => {
    const served = (await fetch('/docs/demo/csp-test.html')).headers.get('Content-Security-Policy');
    const doc = await (await fetch('/docs/embedding/security.md')).text();
    const documented = /```http\nContent-Security-Policy: ([^\n]+)\n```/.exec(doc)?.[1];
    expect(documented, 'an http block with the policy in docs/embedding/security.md').to.be.a('string');
    expect(served).to.equal(documented);
  });

  it('plays and removes a playing player, runs the timer, opens the support dialog, a week, and writes, saves and previews a journal entry with no violation', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/docs/demo/csp-test.html';
    frame.style.inlineSize = '1000px';
    frame.style.blockSize = '1400px';
    document.body.append(frame);
    try {
      await new Promise((resolve) => (frame.onload = resolve));
      const win = frame.contentWindow as HostWindow;
      const doc = frame.contentDocument!;
      const provider = doc.querySelector('compassion-program') as HTMLElement & { sdk?: unknown };
      await waitFor(() => provider.sdk, 'the program to load under CSP', 10000);
      const [course] = [...doc.querySelectorAll('compassion-course')] as (HTMLElement & { openWeek(n: number): void })[];
      const [guided, timer, breathing] = [...doc.querySelectorAll('meditation-player')] as (HTMLElement & { playback?: { status: string; position: number } })[];
      const journal = doc.querySelector('reflection-journal')!;
      for (const el of [course!, guided!, timer!, breathing!, journal]) {
        await waitFor(() => label(el.shadowRoot ?? el).length > 20, `<${el.localName}> to render under CSP`, 10000);
      }

      // "Need support now?": the dialog and its (Markdown) intro render under the policy.
      const support = await waitFor(() => [provider, course!, guided!, journal].flatMap((el) => within<HTMLButtonElement>(el, '[part~="support-button"]'))[0], 'a support button');
      support.click();
      const dialog = await waitFor(() => [provider, course!, guided!, journal].flatMap((el) => within<HTMLDialogElement>(el, 'dialog[part~="support-dialog"][open]'))[0], 'the support dialog to open');
      expect(label(dialog)).to.match(/call|text|visit/i);
      dialog.close();

      // Playing loads the audio library's chunk and streams the recording; removing the playing
      // player makes the library release its audio element by pointing it at a silent data: sound.
      const play = await waitFor(() => within<HTMLButtonElement>(guided!, '[part~="play-button"]')[0], 'the play button', 10000);
      play.click();
      await waitFor(() => guided!.playback?.status === 'playing' && guided!.playback.position > 0.2, 'the recording to play under CSP', 15000);
      guided!.remove();
      await pause(300);

      // The silent timer: a one-tap length starts it.
      const preset = await waitFor(() => within<HTMLButtonElement>(timer!, '[part~="timer-presets"] button')[0], 'a timer preset');
      preset.click();
      await pause(1200);
      timer!.remove();

      // A week of the course loads the embedded player and journal.
      course!.openWeek(1);
      await waitFor(() => within(course!, '[part~="step-meditate"] meditation-player')[0], 'the player in week 1', 10000);

      // The journal: a new entry, typed, saved, then the Markdown preview for a clinician.
      // The journal: its first entry, typed and saved, then the Markdown preview for a clinician.
      const start = await waitFor(() => within<HTMLButtonElement>(journal, 'button').find((b) => label(b) === 'Free reflection'), 'Free reflection in the empty journal');
      start.click();
      const area = await waitFor(() => within<HTMLTextAreaElement>(journal, '.editor textarea')[0], 'the editor', 10000);
      area.value = 'A kinder voice today.';
      area.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true }));
      await waitFor(() => /^Saved at/.test(label(within(journal, '[part~="save-state"]')[0] ?? journal)), 'the entry to be saved', 10000);

      const sections = within<HTMLButtonElement>(journal, '#sections-button')[0]!;
      sections.click();
      await waitFor(() => within<HTMLButtonElement>(journal, '.nav-item').find((b) => label(b) === 'Share with my clinician'), 'the Share section').then((b) => b.click());
      const preview = await waitFor(() => within(journal, '[part~="share-preview"]')[0], 'the Markdown preview', 10000);
      await waitFor(() => within<HTMLButtonElement>(journal, 'button').find((b) => label(b).startsWith('Select all')), 'Select all').then((b) => b.click());
      await waitFor(() => label(preview).includes('A kinder voice today.'), 'the entry in the preview');

      await pause(300);
      expect(win.__violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
