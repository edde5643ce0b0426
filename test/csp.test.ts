import { expect } from 'chai';
import { waitFor } from './helpers/fixture.js';

interface HostWindow extends Window {
  __violations: string[];
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
