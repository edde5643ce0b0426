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
  'end my life',
  'ending my life',
  'end it all',
  'take my own life',
  'want to die',
  'wanted to die',
  'wanna die',
  'wish i was dead',
  'wish i were dead',
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
  'overdose',
  "can't go on",
  'cannot go on',
  'no way out',
  'hopeless',
  'give up on life',
];

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

  constructor(phrases: readonly string[]) {
    const alternatives = phrases
      .map((phrase) => foldWords(phrase).replace(/\*/g, (_, i: number, s: string) => (i === s.length - 1 ? '*' : '')))
      .filter((phrase) => phrase.replace(/\*/g, '').trim().length > 0)
      .map((phrase) => {
        const prefix = phrase.endsWith('*');
        const words = phrase.replace(/\*$/, '').trim().split(' ').map(escape).join(' ');
        return prefix ? `${words}\\S*` : words;
      });
    this.pattern = alternatives.length ? new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`, 'u') : undefined;
  }

  /** Whether the text holds any phrase. */
  matches(text: string): boolean {
    return this.pattern !== undefined && this.pattern.test(foldWords(text));
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
  const phrases = [...(english && settings.useDefaults !== false ? DEFAULT_RISK_PHRASES_EN : []), ...(settings.phrases ?? [])];
  return phrases.length ? new RiskWords(phrases) : undefined;
}
