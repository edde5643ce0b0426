import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { PageLifecycleController } from '../../src/controllers/page-lifecycle-controller.js';
import { cleanup, fixture } from '../helpers/fixture.js';

class LifecycleProbe extends LitElement {
  hides: boolean[] = [];
  persisted: boolean[] = [];
  updates = 0;
  readonly page = new PageLifecycleController(this, {
    pagehide: (persisted) => this.persisted.push(persisted),
    visibilitychange: (visible) => this.hides.push(!visible),
  });

  protected override updated(): void {
    this.updates++;
  }
}
customElements.define('lifecycle-probe', LifecycleProbe);

describe('PageLifecycleController', () => {
  afterEach(() => cleanup());

  it('starts from what the page says now', async () => {
    const probe = await fixture<LifecycleProbe>(html`<lifecycle-probe></lifecycle-probe>`);
    expect(probe.page.value).to.deep.equal({ online: navigator.onLine, visible: document.visibilityState !== 'hidden', reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches });
  });

  it('replaces its value and updates the host when the connection drops', async () => {
    const probe = await fixture<LifecycleProbe>(html`<lifecycle-probe></lifecycle-probe>`);
    const before = probe.page.value;
    const updates = probe.updates;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await probe.updateComplete;
      expect(probe.page.value.online).to.equal(false);
      expect(probe.page.value).to.not.equal(before);
      expect(before.online).to.equal(true);
      expect(probe.updates).to.equal(updates + 1);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
    }
  });

  it('passes pagehide and visibility changes on, and stops listening once disconnected', async () => {
    const probe = await fixture<LifecycleProbe>(html`<lifecycle-probe></lifecycle-probe>`);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(probe.persisted).to.deep.equal([true]);
    expect(probe.hides).to.have.length(1);
    probe.remove();
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(probe.persisted).to.deep.equal([true]);
    expect(probe.hides).to.have.length(1);
  });
});
