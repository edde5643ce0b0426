import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
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
    return html`<header>${this.support.renderButton()}</header>${this.support.renderDialog(this.resources, 'https://clinic.example/program.json')}`;
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

describe('"Need support now?" control', () => {
  afterEach(cleanup);

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
});
