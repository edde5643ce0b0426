/** Arabic counted nouns, shared by ar.ts and ar-journal.ts (REVIEW NEEDED: see ar.ts's header). */
const plural = new Intl.PluralRules('ar');
export const num = new Intl.NumberFormat('ar');
/** The forms of a counted noun: one and two are whole words (no digit); few, many and other follow the number. */
export type Noun = readonly [one: string, two: string, few: string, many: string, other: string];
export const count = (n: number, [one, two, few, many, other]: Noun): string => {
  switch (plural.select(n)) {
    case 'one':
      return one;
    case 'two':
      return two;
    case 'few':
      return `${num.format(n)} ${few}`;
    case 'many':
      return `${num.format(n)} ${many}`;
    default:
      return `${num.format(n)} ${other}`;
  }
};
