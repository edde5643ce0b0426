import type { ItemThreshold, Measure, MeasureItem, Program, ScoreBand, ScoringMethod } from '../content/types.js';

/** A participant's answers to one questionnaire: item id → the scale value chosen (null or absent: not answered). */
export type MeasureAnswers = Readonly<Record<string, number | null | undefined>>;

/** A score worked out from some of a measure's items (all of them, or one subscale's). */
export interface PartScore {
  /** The score, or null when more items are unanswered than `scoring.maxMissing` allows. */
  score: number | null;
  /** Items answered and items left out. */
  answered: number;
  missing: number;
  /** The clinic's band the score falls in, if it gave bands and one holds the score. */
  band?: ScoreBand;
}

export interface MeasureScore extends PartScore {
  /** Each subscale's score, by subscale id. */
  subscales: Readonly<Record<string, PartScore>>;
}

/** The lowest and highest value on a measure's scale. */
export function scaleRange(measure: Pick<Measure, 'scale'>): { low: number; high: number } {
  const values = measure.scale.map((o) => o.value);
  return { low: Math.min(...values), high: Math.max(...values) };
}

/** The lowest and highest score `count` items can give with this method. */
export function scoreRange(measure: Pick<Measure, 'scale'>, method: ScoringMethod, count: number): { low: number; high: number } {
  const { low, high } = scaleRange(measure);
  return method === 'sum' ? { low: low * count, high: high * count } : { low, high };
}

/** What an answer counts for: itself, or mirrored on the scale for a reverse-scored item. */
export function itemValue(measure: Pick<Measure, 'scale'>, item: Pick<MeasureItem, 'reverse'>, answer: number): number {
  if (!item.reverse) return answer;
  const { low, high } = scaleRange(measure);
  return low + high - answer;
}

/** Rounds to two decimals, so a mean of thirds reads 2.33 and sums stay whole. */
const round = (n: number) => Math.round(n * 100) / 100;

function scorePart(measure: Measure, items: readonly MeasureItem[], answers: MeasureAnswers, bands: readonly ScoreBand[] | undefined): PartScore {
  const values: number[] = [];
  for (const item of items) {
    const answer = answers[item.id];
    if (typeof answer === 'number' && Number.isFinite(answer)) values.push(itemValue(measure, item, answer));
  }
  const answered = values.length;
  const missing = items.length - answered;
  const { method, maxMissing = 0 } = measure.scoring;
  if (answered === 0 || missing > maxMissing) return { score: null, answered, missing };
  const total = values.reduce((a, b) => a + b, 0);
  const mean = total / answered;
  // A prorated sum: each missing item counts as the mean of the answered ones, so a score with a
  // skipped item stays on the same range as a complete one.
  const score = round(method === 'mean' ? mean : total + mean * missing);
  const band = bands?.find((b) => score >= b.min && score <= b.max);
  return band ? { score, answered, missing, band } : { score, answered, missing };
}

/**
 * Scores a participant's answers, on the device: reverse items mirrored, the total and each
 * subscale by the measure's method, the missing-answer rule applied, and the clinic's band found.
 */
export function scoreMeasure(measure: Measure, answers: MeasureAnswers): MeasureScore {
  const byId = new Map(measure.items.map((i) => [i.id, i]));
  const subscales: Record<string, PartScore> = {};
  for (const sub of measure.subscales ?? []) {
    const items = sub.items.map((id) => byId.get(id)).filter((i): i is MeasureItem => i !== undefined);
    subscales[sub.id] = scorePart(measure, items, answers, sub.bands);
  }
  return { ...scorePart(measure, measure.items, answers, measure.scoring.bands), subscales };
}

/** Whether an answer reaches an item's threshold (compared before any reverse scoring). */
export function reachesThreshold(threshold: ItemThreshold, answer: number): boolean {
  return (threshold.direction ?? 'at-or-above') === 'at-or-above' ? answer >= threshold.value : answer <= threshold.value;
}

/** The items whose answers reach their threshold: the support card is offered when there is any. */
export function itemsAtThreshold(measure: Measure, answers: MeasureAnswers): MeasureItem[] {
  return measure.items.filter((item) => {
    const answer = answers[item.id];
    return item.threshold !== undefined && typeof answer === 'number' && reachesThreshold(item.threshold, answer);
  });
}

/** A measure's score in one week it was answered in. */
export interface WeekScore {
  week: number;
  stepId: string;
  /** Null when too many questions were left out for a score. */
  score: number | null;
  band?: ScoreBand;
}

/**
 * Every week a measure was answered in, in week order, scored from the saved answers
 * (`answers(stepId)`, e.g. from `program.progress.snapshot.completed.get(stepId)?.answers`).
 */
export function scoresByWeek(program: Program, measure: Measure, answers: (stepId: string) => MeasureAnswers | undefined): WeekScore[] {
  const out: WeekScore[] = [];
  for (const week of program.weeks) {
    for (const step of week.steps) {
      if (step.kind !== 'measure' || step.measure !== measure.id) continue;
      const given = answers(step.id);
      if (!given) continue;
      const { score, band } = scoreMeasure(measure, given);
      out.push(band ? { week: week.number, stepId: step.id, score, band } : { week: week.number, stepId: step.id, score });
    }
  }
  return out;
}

/** A questionnaire's scores so far, ready to print or share: its title, range and each week answered. */
export interface ScoresSummary {
  id: string;
  title: string;
  low: number;
  high: number;
  weeks: { week: number; score: number | null; band?: string }[];
}

/** Every questionnaire of the program that has been answered at least once, with its scores by week. */
export function scoresSummary(program: Program, answers: (stepId: string) => MeasureAnswers | undefined): ScoresSummary[] {
  return (program.measures ?? []).flatMap((m) => {
    const weeks = scoresByWeek(program, m, answers);
    if (!weeks.length) return [];
    const { low, high } = scoreRange(m, m.scoring.method, m.items.length);
    return [{ id: m.id, title: m.title, low, high, weeks: weeks.map((w) => (w.band ? { week: w.week, score: w.score, band: w.band.label } : { week: w.week, score: w.score })) }];
  });
}
