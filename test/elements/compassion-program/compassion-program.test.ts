import { expect } from 'chai';
import { html, LitElement } from 'lit';
import '../../../src/elements/compassion-program/define.js';
import { ProgramController } from '../../../src/controllers/program-controller.js';
import { databaseName, type CompassionProgram } from '../../../src/sdk/index.js';
import type { CompassionProgramElement } from '../../../src/elements/compassion-program/compassion-program.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cleanup, fixture, waitFor } from '../../helpers/fixture.js';
import { deleteDatabase, makeProgram } from '../../fixtures/programs.js';

/** A minimal consumer, as the real elements are: it shows what the controller gives it. */
class ProbeConsumer extends LitElement {
  readonly ctl = new ProgramController(this);
  src: string | null = null;
  protected override render() {
    const v = this.ctl.value;
    return html`<p>${v.status === 'ready' ? v.program.content.program.title : v.status}</p>`;
  }
}
customElements.define('probe-consumer', ProbeConsumer);

const ready = (el: CompassionProgramElement) => waitFor(() => el.sdk, 'the program to be ready');

describe('<compassion-program>', () => {
  afterEach(async () => {
    cleanup();
    await deleteDatabase(databaseName('cft-self-compassion'));
  });

  it('is accessible while loading, when ready and on error', async () => {
    const el = await fixture<CompassionProgramElement>(html`<compassion-program src="/__test/slow" storage="memory"><p>content</p></compassion-program>`);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/Loading the program/);
    await expectAccessible(el);
    const ok = await fixture<CompassionProgramElement>(html`<compassion-program src="/packages/default-program/program.json" storage="memory"></compassion-program>`);
    await ready(ok);
    await expectAccessible(ok);
    const bad = await fixture<CompassionProgramElement>(html`<compassion-program src="/__test/invalid-program" storage="memory"></compassion-program>`);
    await waitFor(() => bad.state.status === 'error', 'the error state');
    await bad.updateComplete;
    await expectAccessible(bad);
  });

  it('gives a nested element the opened SDK through context', async () => {
    const el = await fixture<CompassionProgramElement>(html`<compassion-program src="/packages/default-program/program.json" storage="memory"><div><probe-consumer></probe-consumer></div></compassion-program>`);
    const probe = el.querySelector('probe-consumer') as ProbeConsumer;
    await waitFor(() => probe.ctl.program, 'the consumer to receive the SDK');
    expect(probe.ctl.program).to.equal(el.sdk);
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('Self-Compassion');
  });

  it('lists every validation problem with its JSON path', async () => {
    const program = makeProgram(2);
    (program.weeks[1]!.steps[1] as { meditation: string }).meditation = 'shrot';
    (program as { title: unknown }).title = 42;
    const el = await fixture<CompassionProgramElement>(html`<compassion-program .program=${program} storage="memory"></compassion-program>`);
    await waitFor(() => el.state.status === 'error', 'the error state');
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('[part=error-list] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.include('weeks[1].steps[1].meditation: no meditation with id "shrot" (did you mean "short"?)');
    expect(items.some((t) => t.startsWith('title: must be text'))).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.exist;
  });

  it('fires ck-error with the code and offers "Try again" when the file is missing', async () => {
    const errors: string[] = [];
    document.addEventListener('ck-error', (e) => errors.push(e.detail.code), { once: true });
    const el = await fixture<CompassionProgramElement>(html`<compassion-program src="/content/missing.json" storage="memory"></compassion-program>`);
    await waitFor(() => el.state.status === 'error', 'the error state');
    await el.updateComplete;
    expect(errors).to.deep.equal(['http-status']);
    expect(el.shadowRoot!.textContent).to.match(/HTTP 404/);
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!;
    el.src = '/packages/default-program/program.json';
    retry.click();
    await ready(el);
  });

  it('fires ck-program-ready with the program id and storage mode', async () => {
    const ready = new Promise<CustomEvent>((resolve) => document.addEventListener('ck-program-ready', (e) => resolve(e as unknown as CustomEvent), { once: true }));
    await fixture(html`<compassion-program src="/packages/default-program/program.json" storage="memory"></compassion-program>`);
    expect((await ready).detail).to.deep.equal({ programId: 'cft-self-compassion', storage: 'memory', warnings: 0 });
  });

  it('shares one store between two widgets on a page, with or without a provider', async () => {
    const a = await fixture<CompassionProgramElement>(html`<compassion-program src="/packages/default-program/program.json"></compassion-program>`);
    const lone = await fixture<ProbeConsumer>(html`<probe-consumer></probe-consumer>`);
    lone.src = '/packages/default-program/program.json';
    lone.ctl.srcChanged();
    const sdk: CompassionProgram = await waitFor(() => lone.ctl.program, 'the standalone consumer to open the program');
    expect(sdk).to.equal(await ready(a));
  });

  it('lets a standalone element try again after a failed load', async () => {
    const lone = await fixture<ProbeConsumer>(html`<probe-consumer></probe-consumer>`);
    lone.src = '/__test/flaky-program';
    lone.ctl.srcChanged();
    await waitFor(() => lone.ctl.value.status === 'error', 'the first (failing) load');
    expect((lone.ctl.value as { error: Error }).error.message).to.match(/HTTP 503/);
    lone.ctl.retry();
    await waitFor(() => lone.ctl.program, 'the retried load to succeed');
  });

  it('tells a standalone element without a program what to do', async () => {
    const lone = await fixture<ProbeConsumer>(html`<probe-consumer></probe-consumer>`);
    expect(lone.ctl.value.status).to.equal('error');
    expect((lone.ctl.value as { error: Error }).error.message).to.match(/place it inside <compassion-program src="…">, or give it a src attribute/);
  });

  it('explains that a src or program is needed when given neither', async () => {
    const el = await fixture<CompassionProgramElement>(html`<compassion-program></compassion-program>`);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.match(/needs a src attribute/);
  });
});
