import { expect } from 'chai';
import { html } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import type { Program } from '../../../src/sdk/content/types.js';
import { makeProgram } from '../../fixtures/programs.js';
import { expectAccessible } from '../../helpers/axe.js';
import { settle, waitFor } from '../../helpers/fixture.js';
import { unmountAll } from '../../helpers/mount.js';
import { mountLog } from '../../helpers/practice-log-object.js';
import { $$, part, text } from '../../helpers/query.js';

// Issue 16, point 3: "Your scores so far" in the practice log, scored on the device.

function program(): Program {
  const p = makeProgram(4);
  p.measures = [
    {
      id: 'check',
      title: 'Kindness check',
      scale: [0, 1, 2, 3, 4].map((value) => ({ value, label: `${value}` })),
      items: ['a', 'b', 'c'].map((id) => ({ id, text: `Item ${id}` })),
      scoring: { method: 'sum', bands: [{ min: 0, max: 5, label: 'Early days' }, { min: 6, max: 12, label: 'Growing' }] },
      weeks: [1, 3, 4],
    },
  ];
  for (const n of [1, 3, 4]) p.weeks[n - 1].steps.push({ id: `w${n}-check`, kind: 'measure', title: 'Check', measure: 'check' });
  return p;
}

const log = html`<practice-log start-date="2026-03-02" .now=${new Date(2026, 2, 25, 12)}></practice-log>`;

describe('<practice-log> scores', () => {
  afterEach(async () => {
    await unmountAll();
    await setViewport({ width: 800, height: 600 });
  });

  it('says calmly where scores will appear before any answer, and shows nothing for a program without questionnaires', async () => {
    const { el } = await mountLog(program(), log);
    await waitFor(() => part(el, 'scores'), 'the scores section');
    expect(text(part(el, 'scores')!)).to.contain('Your scores so far').and.to.contain('Kindness check is offered in weeks 1, 3, 4');
    await expectAccessible(el);
    await unmountAll();
    const plain = await mountLog(makeProgram(4), log);
    await settle(plain.el);
    expect(part(plain.el, 'scores')).to.equal(null);
  });

  it('draws three answered weeks over the clinic’s bands, with the same numbers in a table, and follows new answers', async () => {
    const { el, sdk } = await mountLog(program(), log);
    await sdk.progress.complete('w1-check', { answers: { a: 1, b: 1, c: 2 } });
    await waitFor(() => part(el, 'score-svg'), 'the chart');
    await settle(el);
    const svg = part(el, 'score-svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    const said = svg.getAttribute('aria-labelledby')!.split(' ').map((id) => text(el.shadowRoot!.getElementById(id))).join(' ');
    expect(said).to.contain('Kindness check, on a range from 0 to 12: week 1: 4.');
    expect(svg.querySelectorAll('.band')).to.have.length(2);
    expect(svg.querySelector('polyline')).to.equal(null);
    // A later answer adds a point and the line between them.
    await sdk.progress.complete('w3-check', { answers: { a: 3, b: 3, c: 3 } });
    await waitFor(() => svg.querySelectorAll('.score-point').length === 2, 'the second point');
    expect(svg.querySelector('polyline')!.getAttribute('points')).to.equal('5,66.66666666666667 25,25');
    // A third time point: three dots, one line through them, over both bands.
    await sdk.progress.complete('w4-check', { answers: { a: 4, b: 4, c: 4 } });
    await waitFor(() => svg.querySelectorAll('.score-point').length === 3, 'the third point');
    expect(svg.querySelector('polyline')!.getAttribute('points')).to.equal('5,66.66666666666667 25,25 35,0');
    expect(said.length).to.be.greaterThan(0);
    const spoken = svg.getAttribute('aria-labelledby')!.split(' ').map((id) => text(el.shadowRoot!.getElementById(id))).join(' ');
    expect(spoken).to.contain('week 1: 4, week 3: 9, week 4: 12.');
    (el.shadowRoot!.querySelector('[part~="score-chart"] [part~="table-toggle"]') as HTMLButtonElement).click();
    await settle(el);
    const rows = $$(el, '[part~="score-chart"] tbody tr').map((tr) => [...tr.children].map((c) => text(c)));
    // The table holds the same three numbers as the chart.
    expect(rows).to.deep.equal([
      ['Week 1', '4', 'Early days'],
      ['Week 3', '9', 'Growing'],
      ['Week 4', '12', 'Growing'],
    ]);
    await expectAccessible(el);
  });

  it('fits a 320 px phone', async () => {
    await setViewport({ width: 320, height: 568 });
    const { el, sdk } = await mountLog(program(), log);
    await sdk.progress.complete('w1-check', { answers: { a: 1, b: 1, c: 2 } });
    await waitFor(() => part(el, 'score-svg'), 'the chart');
    await settle(el);
    for (const node of [part(el, 'score-chart')!, part(el, 'score-svg')!]) expect(node.getBoundingClientRect().right).to.be.at.most(320);
    await expectAccessible(el);
  });
});
