import { expect } from 'chai';
import { html } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/elements/compassion-program/define.js';
import '../../../src/elements/meditation-player/define.js';
import '../../../src/elements/reflection-journal/define.js';
import type { CompassionProgramElement } from '../../../src/elements/compassion-program/compassion-program.js';
import { CompassionWidget } from '../../../src/elements/shared/compassion-widget.js';
import { databaseName } from '../../../src/sdk/index.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cleanup, fixture, settle, waitFor } from '../../helpers/fixture.js';
import { $$, part, text } from '../../helpers/query.js';
import { deleteDatabase } from '../../fixtures/programs.js';

/**
 * An element of a clinic's own, built like the shipped ones: it asks whether the provider shows
 * support for it (the course asks the same for its in-week control).
 */
class ProbeWidget extends CompassionWidget {
  get supportShownElsewhere(): boolean {
    return this.support.shownElsewhere;
  }
  protected override render() {
    return html`${this.support.renderButton()}${this.support.renderDialog(this.sdk?.content.support)}`;
  }
}
customElements.define('probe-support-widget', ProbeWidget);

const SRC = '/packages/default-program/program.json';
const WIDGET_TAGS = 'meditation-player, reflection-journal, probe-support-widget';

/** Every support button in the provider and in the elements it holds. */
function supportButtons(provider: CompassionProgramElement): HTMLElement[] {
  const inside = [...provider.querySelectorAll(WIDGET_TAGS)].flatMap((el) => $$(el, '[part~="support-button"]'));
  return [...$$(provider, '[part~="support-button"]'), ...inside];
}

async function mount(content: ReturnType<typeof html>): Promise<CompassionProgramElement> {
  const provider = await fixture<CompassionProgramElement>(html`<compassion-program src=${SRC} storage="memory">${content}</compassion-program>`);
  await waitFor(() => provider.sdk, 'the program to be ready');
  for (const el of provider.querySelectorAll(WIDGET_TAGS)) await settle(el);
  await settle(provider);
  return provider;
}

describe('<compassion-program> support control', () => {
  afterEach(async () => {
    cleanup();
    await setViewport({ width: 800, height: 600 });
    await deleteDatabase(databaseName('cft-self-compassion'));
  });

  it('shows exactly one support control for a player and a journal, its own, and it opens the dialog', async () => {
    const provider = await mount(html`<section><meditation-player meditation-id="cultivating-compassion"></meditation-player></section><reflection-journal></reflection-journal>`);
    const buttons = supportButtons(provider);
    expect(buttons, 'one support control on the page region').to.have.length(1);
    const shared = buttons[0]!;
    expect(shared.getRootNode()).to.equal(provider.shadowRoot);
    expect(part(provider, 'support')!.contains(shared)).to.equal(true);
    expect(text(shared)).to.equal('Need support now?');
    // Its heart is drawn, not a character the page's fonts could change.
    expect(shared.querySelector('svg.ck-heart[aria-hidden="true"]')).to.exist;
    shared.focus();
    shared.click();
    const dialog = part<HTMLDialogElement>(provider, 'support-dialog')!;
    expect(dialog.open).to.equal(true);
    // The program's own resources, not the generic default.
    expect(text(dialog)).to.contain('Harbour Light Psychology');
    expect(dialog.querySelector('a[href="tel:112"]')!.classList.contains('primary')).to.equal(true);
    dialog.querySelector<HTMLButtonElement>('form button')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(dialog.open).to.equal(false);
    expect(provider.shadowRoot!.activeElement, 'focus is back on the control').to.equal(shared);
  });

  it('leaves an element alone in its provider its own control', async () => {
    const provider = await mount(html`<reflection-journal></reflection-journal>`);
    expect(part(provider, 'support')).to.equal(null);
    const journal = provider.querySelector('reflection-journal')!;
    const buttons = supportButtons(provider);
    expect(buttons).to.have.length(1);
    expect(buttons[0]!.getRootNode()).to.equal(journal.shadowRoot);
    buttons[0]!.click();
    expect(part<HTMLDialogElement>(journal, 'support-dialog')!.open).to.equal(true);
  });

  it('tells an element whether the provider shows support for it', async () => {
    const alone = await mount(html`<probe-support-widget></probe-support-widget>`);
    const probe = alone.querySelector<ProbeWidget>('probe-support-widget')!;
    expect(probe.supportShownElsewhere).to.equal(false);
    cleanup();
    const together = await mount(html`<meditation-player mode="timer"></meditation-player><reflection-journal></reflection-journal><probe-support-widget></probe-support-widget>`);
    const inside = together.querySelector<ProbeWidget>('probe-support-widget')!;
    expect(inside.supportShownElsewhere).to.equal(true);
    expect(part(inside, 'support-button'), 'renderButton() renders nothing').to.equal(null);
    expect(supportButtons(together)).to.have.length(1);
  });

  it('moves to one shared control when a second element arrives later, before the next paint', async () => {
    const provider = await mount(html`<meditation-player mode="timer"></meditation-player>`);
    const player = provider.querySelector('meditation-player')!;
    expect(part(player, 'support-button')).to.not.equal(null);
    provider.append(document.createElement('reflection-journal'));
    await new Promise(requestAnimationFrame);
    await settle(player);
    await settle(provider);
    expect(part(player, 'support-button')).to.equal(null);
    expect(supportButtons(provider)).to.have.length(1);
    expect(part(provider, 'support-button')).to.not.equal(null);
  });

  it('counts elements whose code has not arrived yet, so nothing moves when it does', async () => {
    const provider = await mount(html`<meditation-player mode="timer"></meditation-player><compassion-course></compassion-course>`);
    // <compassion-course> is not defined in this test page: it still counts as the second element.
    expect(customElements.get('compassion-course')).to.equal(undefined);
    expect(supportButtons(provider)).to.have.length(1);
    expect(part(provider, 'support-button')).to.not.equal(null);
  });

  it('lets a clinic translate the shared control', async () => {
    const provider = await mount(html`<meditation-player mode="timer"></meditation-player><reflection-journal></reflection-journal>`);
    provider.supportStrings = { button: '¿Necesitas apoyo ahora?', close: 'Cerrar' };
    await settle(provider);
    expect(text(part(provider, 'support-button'))).to.equal('¿Necesitas apoyo ahora?');
    expect(text(part(provider, 'support-dialog')!.querySelector('form button'))).to.equal('Cerrar');
    expect(provider.supportStrings.call!('1')).to.equal('Call 1');
  });

  it('is accessible with the shared dialog open on a 320 px phone', async () => {
    await setViewport({ width: 320, height: 568 });
    const provider = await mount(html`<meditation-player mode="timer"></meditation-player><reflection-journal></reflection-journal>`);
    const shared = part(provider, 'support-button')!;
    shared.click();
    const dialog = part<HTMLDialogElement>(provider, 'support-dialog')!;
    const close = dialog.querySelector('form button')!.getBoundingClientRect();
    expect(close.top >= 0 && close.bottom <= innerHeight && close.right <= innerWidth, 'Close is on screen').to.equal(true);
    await expectAccessible(provider);
  });
});
