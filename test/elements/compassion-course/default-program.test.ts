import { expect } from 'chai';
import { markdownText } from '../../../src/sdk/content/markdown.js';
import type { Program, Week } from '../../../src/sdk/content/types.js';
import { validateProgram } from '../../../src/sdk/content/validate.js';

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const theoryWords = (week: Week) => week.theory.reduce((n, s) => n + words(markdownText(s.body)), 0);

/** Words each week's text must touch, from the program outline in PRODUCT.md. */
const THEMES: Record<number, RegExp[]> = {
  1: [/suffering/i, /Compassion Focused Therapy|CFT/, /critic/i, /group/i],
  2: [/tricky brain|evolved/i, /old brain|old-brain/i, /new brain|new-brain|imagin/i, /not our fault/i, /responsibility/i],
  3: [/threat/i, /drive/i, /sooth/i],
  4: [/mindful/i, /without judg/i],
  5: [/safe/i, /receiv/i],
  6: [/wisdom/i, /strength/i, /commitment/i],
  7: [/angry/i, /anxious/i, /sad/i],
  8: [/critic/i, /self-correction/i],
  9: [/shame/i, /guilt/i],
  10: [/letter/i],
  11: [/assert/i],
  12: [/forgiv/i],
  13: [/future/i, /three flows|flows/i],
  14: [/plan/i, /setback/i],
};

describe('the default program (packages/default-program/program.json)', () => {
  let program: Program;
  let warnings: readonly unknown[];

  before(async () => {
    const response = await fetch('/packages/default-program/program.json');
    ({ program, warnings } = validateProgram(await response.json()));
  });

  it('validates without warnings', () => {
    expect(warnings).to.deep.equal([]);
  });

  it('has fourteen weeks numbered in order, with conventional ids', () => {
    expect(program.weeks.map((w) => w.number)).to.deep.equal(Array.from({ length: 14 }, (_, i) => i + 1));
    for (const week of program.weeks) expect(week.id).to.equal(`week-${week.number}`);
  });

  it('says it is sample content for clinicians to review, and that it supports rather than replaces therapy', () => {
    expect(program.disclaimer).to.match(/sample content/i).and.match(/review/i).and.match(/not replace/i);
  });

  it('names a fictional clinic with a registration link, and generic crisis guidance the clinic must replace', () => {
    expect(program.clinic?.name).to.match(/sample|fictional/i);
    expect(program.clinic?.registerUrl).to.match(/^https:\/\//);
    expect(program.support?.intro).to.match(/emergency/i);
    expect(program.support?.resources.some((r) => /placeholder|replace/i.test(`${r.label} ${r.description ?? ''}`))).to.equal(true);
  });

  for (let n = 1; n <= 14; n++) {
    describe(`week ${n}`, () => {
      const week = () => program.weeks[n - 1]!;

      it('has a one-sentence summary', () => {
        const summary = week().summary.trim();
        expect(summary).to.match(/[.!?]$/);
        expect(summary.split(/(?<=[.!?])\s+(?=\p{Lu})/u), summary).to.have.length(1);
      });

      it('has two or three key ideas', () => {
        expect(week().keyIdeas?.length).to.be.within(2, 3);
      });

      it('has a theory overview of 300–600 words, written to "you"', () => {
        const count = theoryWords(week());
        expect(count, `${count} words`).to.be.within(300, 600);
        expect(week().theory.map((s) => s.body).join(' ')).to.match(/\byou(r)?\b/i);
      });

      it('has exactly one meditate step, for a meditation the program includes', () => {
        const steps = week().steps.filter((s) => s.kind === 'meditate');
        expect(steps).to.have.length(1);
        const step = steps[0]!;
        expect(step.kind === 'meditate' && program.meditations.some((m) => m.id === step.meditation)).to.equal(true);
      });

      it('has two to four reflect steps, each with a prompt and a template the program includes', () => {
        const steps = week().steps.filter((s) => s.kind === 'reflect');
        expect(steps.length).to.be.within(2, 4);
        for (const step of steps) {
          if (step.kind !== 'reflect') continue;
          expect(program.templates.some((t) => t.id === step.template), step.template).to.equal(true);
          // A prompt is a question or an invitation to write, e.g. the compassionate letter.
          expect(words(step.prompt), step.prompt).to.be.at.least(6);
        }
      });

      it('has exactly one practice step with concrete instructions', () => {
        const steps = week().steps.filter((s) => s.kind === 'practice');
        expect(steps).to.have.length(1);
        expect(words(markdownText(steps[0]!.body ?? ''))).to.be.at.least(20);
      });

      it('follows its theme from the outline', () => {
        const all = [week().title, week().summary, ...(week().keyIdeas ?? []), ...week().theory.map((s) => `${s.title} ${markdownText(s.body)}`)].join(' ');
        for (const theme of THEMES[n]!) expect(all, String(theme)).to.match(theme);
      });
    });
  }

  it('uses every step id once, in the w{n}-{kind} pattern', () => {
    const ids = program.weeks.flatMap((w) => w.steps.map((s) => ({ id: s.id, n: w.number })));
    expect(new Set(ids.map((i) => i.id)).size).to.equal(ids.length);
    for (const { id, n } of ids) expect(id).to.match(new RegExp(`^w${n}-(read|meditate|reflect-\\d|practice|check)$`));
  });
});
