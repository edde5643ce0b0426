/**
 * An on-device check of the participant's own words (issue 16, point 6). When an entry, a
 * reflection or a check-in note is saved, its text is compared here with a list of phrases that
 * may show someone is at risk; a match offers the support card. Nothing is stored or sent: the
 * result is one boolean, used at once and dropped.
 *
 * This is a prompt to reach out, not a risk assessment. It misses what is said in other words,
 * and it can match a sentence that is not about risk ("I wanted to die laughing"); both are why
 * the card is gentle, never blocks saving, and says the same whatever matched.
 */

/**
 * The built-in list, for programs in English. Written by the team with care: first-person
 * phrases about ending one's life, self-harm and hopelessness. A trailing `*` matches any word
 * ending ("suicid*" matches "suicide" and "suicidal"). Apostrophes may be typed or left out.
 */
export const DEFAULT_RISK_PHRASES_EN: readonly string[] = [
  'suicid*',
  'kill myself',
  'killing myself',
  'killed myself',
  'end my life',
  'ending my life',
  'end it all',
  'take my own life',
  'want to die',
  'wanted to die',
  'wanna die',
  'wish i was dead',
  'wish i were dead',
  'wishing i was dead',
  'wishing i were dead',
  'better off dead',
  'better off without me',
  'no reason to live',
  'nothing to live for',
  'not want to be here anymore',
  "don't want to be here anymore",
  "don't want to wake up",
  'not wake up tomorrow',
  'hurt myself',
  'hurting myself',
  'harm myself',
  'harming myself',
  'self harm*',
  'cut myself',
  'cutting myself',
  'take an overdose',
  'took an overdose',
  'taking an overdose',
  'overdose on',
  "can't go on",
  'cannot go on',
  'no way out',
  'feel hopeless',
  'feeling hopeless',
  'felt hopeless',
  'feels hopeless',
  'so hopeless',
  'completely hopeless',
  'everything is hopeless',
  "it's hopeless",
  'life is hopeless',
  'hopelessness',
  'give up on life',
  'giving up on life',
  'gave up on life',
  'given up on life',
];

/**
 * Phrases in which a listed phrase means something else, for the built-in English list: a match
 * inside one of these does not count ("suicide prevention" is the clinic's own support text).
 */
export const DEFAULT_RISK_EXCEPTIONS_EN: readonly string[] = ['suicide prevention', 'suicide-prevention', 'hopeless at', 'hopeless romantic'];

/**
 * Words that, among the three just before a phrase, turn it round ("I don't want to die", "I'm
 * not suicidal", "I would never hurt myself"): such a match does not count. English only.
 */
const NEGATIONS_EN = new Set(['not', 'dont', 'never', 'doesnt', 'didnt', 'wont', 'wouldnt', 'no', 'nobody', 'isnt', 'arent', 'wasnt']);

/** Lower case, accents and apostrophes dropped, every run of other non-letters one space. */
export function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019\u02bc`]/g, '')
    .replace(/[^\p{L}\p{N}*]+/gu, ' ')
    .trim();
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds any of a list of phrases in a text, as whole words, ignoring case, accents and apostrophes. */
export class RiskWords {
  private readonly pattern: RegExp | undefined;
  private readonly exceptions: RegExp | undefined;

  /**
   * `exceptions`: phrases inside which a match does not count. `negations`: words that, among the
   * three just before a match, turn it round (folded like the text: "dont", "never").
   */
  constructor(
    phrases: readonly string[],
    exceptions: readonly string[] = [],
    private readonly negations: ReadonlySet<string> = new Set(),
  ) {
    this.exceptions = RiskWords.compile(exceptions);
    this.pattern = RiskWords.compile(phrases);
  }

  /** One pattern for a list of phrases, as whole words (null for an empty list). */
  private static compile(phrases: readonly string[]): RegExp | undefined {
    const alternatives = phrases
      .map((phrase) => foldWords(phrase).replace(/\*/g, (_, i: number, s: string) => (i === s.length - 1 ? '*' : '')))
      .filter((phrase) => phrase.replace(/\*/g, '').trim().length > 0)
      .map((phrase) => {
        const prefix = phrase.endsWith('*');
        const words = phrase.replace(/\*$/, '').trim().split(' ').map(escape).join(' ');
        return prefix ? `${words}\\S*` : words;
      });
    return alternatives.length ? new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`, 'gu') : undefined;
  }

  /** Whether the text holds any phrase, outside the exceptions and not turned round by a negation. */
  matches(text: string): boolean {
    if (!this.pattern) return false;
    let folded = foldWords(text);
    // An exception's words are blanked out (a marker keeps the words around it apart).
    if (this.exceptions) folded = folded.replace(this.exceptions, ' ~ ');
    for (const match of folded.matchAll(this.pattern)) {
      const before = folded.slice(0, match.index).split(' ').filter(Boolean).slice(-3);
      if (!before.some((word) => this.negations.has(word))) return true;
    }
    return false;
  }
}

/** What a program's `support.riskCheck` says (see docs/measures.md, "Support offered from words"). */
export interface RiskCheckSettings {
  /** `false` turns the check off. On unless said. */
  enabled?: boolean;
  /** Phrases for the program's language, checked as well as the built-in list (English only). */
  phrases?: string[];
  /** `false` leaves the built-in English list out, so only `phrases` are checked. */
  useDefaults?: boolean;
}

/**
 * The check a program asks for, or undefined when it is off or has nothing to look for (a
 * program in another language with no phrases of its own: the built-in list is English).
 */
export function riskWordsFor(program: { locale: string; support?: { riskCheck?: RiskCheckSettings } }): RiskWords | undefined {
  const settings = program.support?.riskCheck ?? {};
  if (settings.enabled === false) return undefined;
  const english = /^en\b/i.test(program.locale);
  const defaults = english && settings.useDefaults !== false;
  const phrases = [...(defaults ? DEFAULT_RISK_PHRASES_EN : []), ...(settings.phrases ?? [])];
  return phrases.length ? new RiskWords(phrases, defaults ? DEFAULT_RISK_EXCEPTIONS_EN : [], english ? NEGATIONS_EN : new Set()) : undefined;
}
