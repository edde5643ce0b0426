import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { SupportDialogController, supportStyles, type SupportStrings } from '../../../src/elements/shared/support-dialog.js';
import { DEFAULT_SUPPORT, type Support } from '../../../src/sdk/index.js';
import { base } from '../../../src/styles/shared.js';
import { tokens } from '../../../src/styles/tokens.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cleanup, fixture, waitFor } from '../../helpers/fixture.js';

class SupportHost extends LitElement {
  static override styles = [tokens, base, supportStyles];
  readonly support = new SupportDialogController(this);
  resources: Support | undefined;
  protected override render() {
    // The second button stands for a control of the element's own (the course's in-week one).
    return html`<header>${this.support.renderButton()}</header>
      <button type="button" class="own" @click=${(e: Event) => this.support.open(e.currentTarget as HTMLElement)}>Help</button>
      ${this.support.renderDialog(this.resources, 'https://clinic.example/program.json')}`;
  }
}
customElements.define('support-host', SupportHost);

const clinic: Support = {
  title: 'Help right now',
  intro: 'Call **999** if you are in danger.',
  resources: [
    { label: 'Crisis line', phone: '+44 (0)800 555 0100', text: '85258', url: 'https://help.example', region: 'UK' },
    { label: 'Relative page', url: '/help' },
  ],
};

/** A clinic with many resources and long words: more than a 568 px screen holds. */
const long: Support = {
  title: 'If you need help now',
  intro: 'If you are in danger, or you might act on thoughts of harming yourself, **call 112 now**. '.repeat(3),
  resources: [
    { label: 'Emergency services', description: 'If you or someone else is in immediate danger, call your local emergency number.', phone: '112', region: 'Anywhere' },
    ...Array.from({ length: 8 }, (_, i) => ({
      label: `Crisis line ${i + 1}`,
      description: 'A free, confidential line open every day of the year, answered by trained volunteers who will listen.',
      phone: `+1 555 01${10 + i}`,
      text: `+1 555 02${10 + i}`,
      url: 'https://help.example/a-rather-long-page-name',
    })),
    { label: 'The clinic (office hours)', url: 'mailto:help@clinic.example?subject=Support', region: 'Sampletown' },
    { label: 'Out-of-hours line', url: 'tel:+44 20 5550 0100' },
  ],
};

const phone = { width: 320, height: 568 };
const parts = (el: SupportHost) => ({
  button: el.shadowRoot!.querySelector<HTMLButtonElement>('[part=support-button]')!,
  dialog: el.shadowRoot!.querySelector('dialog')!,
  close: el.shadowRoot!.querySelector<HTMLButtonElement>('dialog form button')!,
});
/** Whether an element lies wholly inside the viewport. */
function onScreen(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
}
const settleDialog = () => new Promise((r) => setTimeout(r, 50));

describe('"Need support now?" control', () => {
  afterEach(async () => {
    cleanup();
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('opens a labelled modal dialog with the default resources when a program gives none, and is accessible', async () => {
    const el = await fixture<SupportHost>(html`<support-host></support-host>`);
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(false);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=support-button]')!.click();
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('ck-support-title');
    expect(el.shadowRoot!.querySelector('#ck-support-title')!.textContent).to.equal('Need support now?');
    expect([...dialog.querySelectorAll('li strong')].map((s) => s.textContent)).to.deep.equal(DEFAULT_SUPPORT.resources.map((r) => r.label));
    await expectAccessible(el);
  });

  it('turns phone and text numbers into call and SMS links and resolves URLs against the program', async () => {
    const el = await fixture<SupportHost>(html`<support-host .resources=${clinic}></support-host>`);
    const links = [...el.shadowRoot!.querySelectorAll('dialog a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['tel:+4408005550100', 'sms:85258', 'https://help.example/', 'https://clinic.example/help']);
    expect(el.shadowRoot!.querySelector('dialog li strong')!.textContent).to.equal('Crisis line');
    // The intro's markdown renderer loads once the element has rendered (it is not in the first download).
    await waitFor(() => el.shadowRoot!.querySelector('dialog p strong'), 'the intro rendered as markdown');
    expect(el.shadowRoot!.querySelector('dialog p strong')!.textContent).to.equal('999');
  });

  it('opens at once with every resource and the words of the intro, whether or not its markdown renderer has loaded yet', async () => {
    const el = await fixture<SupportHost>(html`<support-host .resources=${clinic}></support-host>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=support-button]')!.click();
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('999');
    expect([...dialog.querySelectorAll('li strong')].map((s) => s.textContent)).to.deep.equal(['Crisis line', 'Relative page']);
  });

  it('closes with Escape and gives focus back to the button', async () => {
    const el = await fixture<SupportHost>(html`<support-host></support-host>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=support-button]')!;
    button.focus();
    button.click();
    await sendKeys({ press: 'Escape' });
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('can be translated, and keeps the label\'s own direction in right-to-left pages', async () => {
    const el = await fixture<SupportHost>(html`<support-host dir="rtl"></support-host>`);
    const arabic: SupportStrings = { ...el.support.strings, button: 'هل تحتاج إلى دعم الآن؟', close: 'إغلاق', call: (n) => `اتصل ${n}` };
    el.support.strings = arabic;
    el.resources = { resources: [{ label: 'خط المساعدة', phone: '123' }] };
    el.requestUpdate();
    await el.updateComplete;
    const label = el.shadowRoot!.querySelector('[part=support-button] span[dir=auto]')!;
    expect(label.textContent).to.equal('هل تحتاج إلى دعم الآن؟');
    expect(el.shadowRoot!.querySelector('dialog a')!.textContent).to.equal('اتصل 123');
    expect(el.shadowRoot!.querySelector('dialog form button')!.textContent).to.equal('إغلاق');
  });

  describe('on a 320 × 568 phone', () => {
    beforeEach(() => setViewport(phone));

    it('keeps Close on screen without scrolling, and while the resources scroll under it', async () => {
      const el = await fixture<SupportHost>(html`<support-host .resources=${long}></support-host>`);
      const { button, dialog, close } = parts(el);
      button.click();
      expect(dialog.scrollHeight, 'the content is taller than the dialog').to.be.greaterThan(dialog.clientHeight);
      expect(onScreen(dialog), 'the dialog fits the screen').to.equal(true);
      expect(onScreen(close), 'Close is on screen at first').to.equal(true);
      expect(dialog.scrollWidth, 'nothing overflows sideways').to.be.at.most(dialog.clientWidth);
      dialog.scrollTop = dialog.scrollHeight;
      await settleDialog();
      expect(dialog.scrollTop, 'the resources scrolled').to.be.greaterThan(500);
      expect(onScreen(close), 'Close is on screen after scrolling to the end').to.equal(true);
      expect(close.getBoundingClientRect().top).to.be.at.least(dialog.getBoundingClientRect().top);
    });

    it('shows the urgent resource first, above the intro, with its call button on screen', async () => {
      const el = await fixture<SupportHost>(html`<support-host .resources=${long}></support-host>`);
      const { button, dialog } = parts(el);
      button.click();
      const labels = [...dialog.querySelectorAll('li strong')].map((s) => s.textContent);
      expect(labels[0]).to.equal('Emergency services');
      const call = dialog.querySelector<HTMLAnchorElement>('a[href="tel:112"]')!;
      expect(call.textContent).to.equal('Call 112');
      expect(onScreen(call), '"Call 112" is visible without scrolling').to.equal(true);
      const intro = dialog.querySelector('.ck-support-intro, .ck-support-body > p')!;
      expect(call.compareDocumentPosition(intro) & Node.DOCUMENT_POSITION_FOLLOWING, 'the intro comes after it').to.not.equal(0);
    });

    it('makes calling the primary, filled action; texting, email and Close are secondary', async () => {
      const el = await fixture<SupportHost>(html`<support-host .resources=${long}></support-host>`);
      const { button, dialog, close } = parts(el);
      button.click();
      const filled = (a: Element) => getComputedStyle(a).backgroundColor;
      const calls = [...dialog.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')];
      expect(calls).to.have.length(10);
      const accent = filled(calls[0]!);
      for (const a of calls) {
        expect(a.classList.contains('primary'), a.textContent!).to.equal(true);
        expect(filled(a)).to.equal(accent);
      }
      expect(accent).to.not.equal(filled(close));
      for (const a of dialog.querySelectorAll('a[href^="sms:"], a[href^="mailto:"]')) expect(a.classList.contains('primary')).to.equal(false);
      expect(close.classList.contains('primary')).to.equal(false);
      expect(calls.at(-1)!.textContent, 'a tel: URL is a call too').to.equal('Call +44 20 5550 0100');
    });

    it('labels a mailto: link as email and a website as a link that opens a new tab', async () => {
      const el = await fixture<SupportHost>(html`<support-host .resources=${long}></support-host>`);
      const { dialog } = parts(el);
      const mail = dialog.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
      expect(mail.textContent).to.equal('Email help@clinic.example');
      expect(mail.hasAttribute('target')).to.equal(false);
      for (const a of dialog.querySelectorAll('a[href^="tel:"], a[href^="sms:"], a[href^="mailto:"]')) {
        expect(a.textContent).to.not.match(/new tab|website/i);
        expect(a.hasAttribute('target')).to.equal(false);
      }
      const site = dialog.querySelector<HTMLAnchorElement>('a[href^="https:"]')!;
      expect(site.textContent).to.equal('Visit website (opens in a new tab)');
      expect(site.target).to.equal('_blank');
      expect(site.rel).to.equal('noopener noreferrer');
    });

    it('gives every button and link in the dialog a touch target of at least 44 × 44 px', async () => {
      const el = await fixture<SupportHost>(html`<support-host .resources=${long}></support-host>`);
      const { button, dialog } = parts(el);
      button.click();
      const targets = [...dialog.querySelectorAll('a, button')];
      expect(targets.length).to.be.greaterThan(20);
      for (const t of targets) {
        const r = t.getBoundingClientRect();
        expect(Math.min(r.width, r.height), t.textContent!).to.be.at.least(44);
      }
    });

    it('closes on a tap on the backdrop, not on a tap inside, and gives focus back', async () => {
      const el = await fixture<SupportHost>(html`<support-host .resources=${long}></support-host>`);
      const { button, dialog } = parts(el);
      button.focus();
      button.click();
      const r = dialog.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + 120)] });
      await settleDialog();
      expect(dialog.open, 'a tap on the content keeps it open').to.equal(true);
      expect(r.left, 'there is backdrop beside the dialog').to.be.greaterThan(4);
      await sendMouse({ type: 'click', position: [2, Math.round(innerHeight / 2)] });
      await settleDialog();
      expect(dialog.open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('closes with its Close button and gives focus back to the control of the element\'s own that opened it', async () => {
      const el = await fixture<SupportHost>(html`<support-host></support-host>`);
      const own = el.shadowRoot!.querySelector<HTMLButtonElement>('.own')!;
      const { dialog, close } = parts(el);
      own.click();
      expect(dialog.open).to.equal(true);
      expect(el.shadowRoot!.activeElement, 'the title has focus').to.equal(el.shadowRoot!.querySelector('#ck-support-title'));
      close.click();
      await settleDialog();
      expect(dialog.open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(own);
    });

    it('opens with nothing moving, with reduced motion or without', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await fixture<SupportHost>(html`<support-host .resources=${clinic}></support-host>`);
      const { button, dialog } = parts(el);
      button.click();
      expect(dialog.getAnimations({ subtree: true })).to.have.length(0);
      for (const a of dialog.querySelectorAll('.button')) expect(getComputedStyle(a).transitionDuration).to.equal('0s');
    });

    it('is accessible open, with the default resources and with a long list', async () => {
      const el = await fixture<SupportHost>(html`<support-host></support-host>`);
      parts(el).button.click();
      await expectAccessible(el);
      cleanup();
      const many = await fixture<SupportHost>(html`<support-host .resources=${long}></support-host>`);
      parts(many).button.click();
      await expectAccessible(many);
    });
  });
});
