import { expect } from 'chai';
import { ProgramError, itemsAtThreshold, programJsonSchema, scoreMeasure, validateProgram, type Measure, type Program } from '../../../src/sdk/index.js';
import { makeProgram } from '../../fixtures/programs.js';

// Issue 16, points 1, 2 and 5: questionnaires in the program format, scored on the device.

/** Five items on a 0–4 scale; item c is reverse-scored; two subscales; bands on the total. */
function measure(over: Partial<Measure> = {}): Measure {
  return {
    id: 'kindness',
    title: 'Self-kindness check',
    scale: [0, 1, 2, 3, 4].map((value) => ({ value, label: `label ${value}` })),
    items: [
      { id: 'a', text: 'Item a' },
      { id: 'b', text: 'Item b' },
      { id: 'c', text: 'Item c', reverse: true },
      { id: 'd', text: 'Item d', threshold: { value: 4, urgent: true } },
      { id: 'e', text: 'Item e', threshold: { value: 0, direction: 'at-or-below' } },
    ],
    subscales: [
      { id: 'warmth', title: 'Warmth', items: ['a', 'b'] },
      { id: 'harshness', title: 'Harshness', items: ['c', 'd', 'e'], bands: [{ min: 0, max: 12, label: 'Any' }] },
    ],
    scoring: {
      method: 'sum',
      maxMissing: 1,
      bands: [
        { min: 0, max: 6, label: 'Low', text: 'Low text' },
        { min: 7, max: 13, label: 'Middle' },
        { min: 14, max: 20, label: 'High' },
      ],
    },
    weeks: [1, 2],
    ...over,
  };
}

/** A valid program with the measure, or the validator's error issues as "path: message". */
function problems(m: unknown): string[] {
  const program = { ...makeProgram(2), measures: [m] } as unknown as Program;
  try {
    validateProgram(program);
    return [];
  } catch (e) {
    expect(e).to.be.instanceOf(ProgramError);
    return (e as ProgramError).issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`);
  }
}

describe('questionnaire scoring, on the device', () => {
  it('sums the answers, mirroring a reverse-scored item on the scale', () => {
    // c = 1 counts as 4 + 0 - 1 = 3.
    const s = scoreMeasure(measure(), { a: 1, b: 2, c: 1, d: 2, e: 3 });
    expect(s.score).to.equal(1 + 2 + 3 + 2 + 3);
    expect(s).to.include({ answered: 5, missing: 0 });
    expect(s.band?.label).to.equal('Middle');
  });

  it('averages with the mean method', () => {
    const s = scoreMeasure(measure({ scoring: { method: 'mean' } }), { a: 1, b: 2, c: 4, d: 2, e: 2 });
    expect(s.score).to.equal(1.4);
  });

  it('prorates a sum with a missing answer the rule allows, and gives no score past the rule', () => {
    const one = scoreMeasure(measure(), { a: 4, b: 4, c: 0, d: 4 });
    // Four answered, all worth 4: the missing item counts as their mean, 4.
    expect(one).to.include({ score: 20, answered: 4, missing: 1 });
    expect(one.band?.label).to.equal('High');
    const two = scoreMeasure(measure(), { a: 4, b: 4, c: 0, d: null });
    expect(two).to.include({ score: null, answered: 3, missing: 2 });
    expect(two.band).to.equal(undefined);
    expect(scoreMeasure(measure({ scoring: { method: 'sum', maxMissing: 4 } }), {}).score).to.equal(null);
  });

  it('scores each subscale on its own items, with its own bands', () => {
    const s = scoreMeasure(measure(), { a: 0, b: 1, c: 4, d: 3, e: 2 });
    expect(s.subscales.warmth).to.deep.equal({ score: 1, answered: 2, missing: 0 });
    expect(s.subscales.harshness.score).to.equal(0 + 3 + 2);
    expect(s.subscales.harshness.band?.label).to.equal('Any');
  });

  it('names the items whose answers reach their threshold, compared before reverse scoring', () => {
    expect(itemsAtThreshold(measure(), { d: 3, e: 1 })).to.deep.equal([]);
    expect(itemsAtThreshold(measure(), { d: 4, e: 0 }).map((i) => i.id)).to.deep.equal(['d', 'e']);
    expect(itemsAtThreshold(measure(), { d: 4 })[0].threshold).to.deep.equal({ value: 4, urgent: true });
  });
});

describe('questionnaires in the program format', () => {
  it('accepts a well-formed measure, and the published schema describes it', () => {
    expect(problems(measure())).to.deep.equal([]);
    const defs = programJsonSchema().$defs as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(defs.Measure.properties!)).to.include.members(['scale', 'items', 'subscales', 'scoring', 'weeks']);
    expect(defs.Program.properties).to.have.property('measures');
  });

  it('refuses a subscale that names an item the measure does not have, suggesting the near one', () => {
    expect(problems(measure({ subscales: [{ id: 's', title: 'S', items: ['a', 'aa'] }] }))).to.deep.equal(['measures[0].subscales[0].items[1]: no item with id "aa" in this measure (did you mean "a"?)']);
  });

  it('refuses an empty scale and a scale with one answer', () => {
    expect(problems(measure({ scale: [] })).join('\n')).to.contain('measures[0].scale').and.to.contain('at least 2');
    expect(problems(measure({ scale: [{ value: 0, label: 'Only' }] })).join('\n')).to.contain('at least 2');
  });

  it('refuses a threshold no answer could reach', () => {
    expect(problems(measure({ items: [{ id: 'a', text: 'A', threshold: { value: 7 } }], subscales: [], scoring: { method: 'mean' } }))).to.deep.equal([
      'measures[0].items[0].threshold.value: 7 is outside the scale (0 to 4), so no answer could reach it',
    ]);
  });

  it('refuses bands outside the possible scores, overlapping, or upside down', () => {
    const found = problems(measure({ scoring: { method: 'sum', bands: [{ min: 0, max: 10, label: 'A' }, { min: 10, max: 20, label: 'B' }, { min: 30, max: 40, label: 'C' }, { min: 5, max: 2, label: 'D' }] } }));
    expect(found).to.deep.equal([
      'measures[0].scoring.bands[1]: 10–20 overlaps measures[0].scoring.bands[0]',
      'measures[0].scoring.bands[2]: 30–40 lies outside the possible scores (0 to 20)',
      'measures[0].scoring.bands[3].max: must not be below min (5)',
    ]);
  });

  it('refuses a missing-answer rule that leaves nothing to score, a week the program lacks, duplicate ids and values', () => {
    const found = problems(
      measure({
        scale: [{ value: 0, label: 'No' }, { value: 0, label: 'Also no' }],
        items: [{ id: 'a', text: 'A' }, { id: 'a', text: 'A again' }],
        subscales: [],
        scoring: { method: 'sum', maxMissing: 2 },
        weeks: [1, 3, 1],
      }),
    );
    expect(found).to.deep.equal([
      'measures[0].scale[1].value: 0 is already used by measures[0].scale[0]',
      'measures[0].items[1].id: "a" is already used by measures[0].items[0]',
      'measures[0].scoring.maxMissing: must be less than the number of items (2): a score needs at least one answer',
      'measures[0].weeks[1]: week 3 does not exist: the program has 2 weeks',
      'measures[0].weeks[2]: week 1 is listed twice',
    ]);
  });

  it('checks measure steps: an unknown measure, a week the measure is not offered in, and a listed week with no step', () => {
    const program = { ...makeProgram(2), measures: [measure({ weeks: [1, 2] })] } as unknown as Program;
    program.weeks[0].steps.push({ id: 'w1-check', kind: 'measure', title: 'Check', measure: 'kindnes' });
    program.weeks[1].steps.push({ id: 'w2-check', kind: 'measure', title: 'Check', measure: 'kindness' });
    let error: ProgramError | undefined;
    try {
      validateProgram(program);
    } catch (e) {
      error = e as ProgramError;
    }
    expect(error?.issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`)).to.deep.equal(['weeks[0].steps[4].measure: no measure with id "kindnes" (did you mean "kindness"?)']);
    program.weeks[0].steps[4] = { id: 'w1-check', kind: 'measure', title: 'Check', measure: 'kindness' };
    (program.measures![0] as { weeks: number[] }).weeks = [1];
    expect(() => validateProgram(program)).to.throw('"kindness" is not offered in week 2');
    (program.measures![0] as { weeks: number[] }).weeks = [1, 2];
    program.weeks[1].steps.pop();
    expect(validateProgram(program).warnings.map((w) => w.message)).to.deep.equal(['lists week 2, but no step of week 2 offers "kindness": add a step { "kind": "measure", "measure": "kindness" } there']);
  });
});

describe('questionnaire scores for sharing', () => {
  it('summarises each answered questionnaire by week and prints it in the Markdown export only when chosen', async () => {
    const { entriesToMarkdown, scoresSummary } = await import('../../../src/sdk/index.js');
    const program = { ...makeProgram(3), measures: [measure({ weeks: [1, 3] }), measure({ id: 'never', title: 'Never answered', weeks: [2] })] } as unknown as Program;
    program.weeks[0].steps.push({ id: 'w1-check', kind: 'measure', title: 'Check', measure: 'kindness' });
    program.weeks[2].steps.push({ id: 'w3-check', kind: 'measure', title: 'Check', measure: 'kindness' });
    program.weeks[1].steps.push({ id: 'w2-never', kind: 'measure', title: 'Check', measure: 'never' });
    const saved: Record<string, Record<string, number | null>> = { 'w1-check': { a: 1, b: 1, c: 4, d: 1, e: 1 }, 'w3-check': { a: 4, b: 4, c: null, d: null, e: 4 } };
    const summary = scoresSummary(program, (id) => saved[id]);
    expect(summary).to.deep.equal([
      { id: 'kindness', title: 'Self-kindness check', low: 0, high: 20, weeks: [{ week: 1, score: 4, band: 'Low' }, { week: 3, score: null }] },
    ]);
    const without = entriesToMarkdown([], undefined, { exportedAt: new Date(0) });
    expect(without).not.to.contain('Questionnaire scores');
    const withScores = entriesToMarkdown([], undefined, { exportedAt: new Date(0), locale: 'en-GB', scores: summary });
    expect(withScores).to.contain('## Questionnaire scores\n\n### Self-kindness check\n\n*Range 0 to 20*\n\n- Week 1: 4 (Low)\n- Week 3: not enough answers for a score\n');
  });
});
