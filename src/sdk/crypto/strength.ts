import { MIN_PASSPHRASE_LENGTH } from './lock-record.js';

export const STRENGTH_LEVELS = ['too-short', 'weak', 'fair', 'strong'] as const;
export type StrengthLevel = (typeof STRENGTH_LEVELS)[number];

export { MIN_PASSPHRASE_LENGTH };

export interface StrengthHint {
  level: StrengthLevel;
  /** A short label for the level, e.g. "Fair". */
  label: string;
  /** One plain suggestion. */
  advice: string;
}

const COMMON = ['password', 'passwort', 'qwerty', '123456', 'letmein', 'iloveyou', 'welcome', 'compassion', 'journal', 'abc123', 'monkey', 'dragon'];

/**
 * A rough, offline estimate of how hard a passphrase is to guess, to guide without lecturing.
 * It counts length, words and kinds of character, and spots the most common choices.
 */
export function passphraseStrength(passphrase: string): StrengthHint {
  const p = passphrase.normalize('NFC');
  const length = [...p].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    return { level: 'too-short', label: 'Too short', advice: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.` };
  }
  const lower = p.toLowerCase();
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}\s]/u, /\s/u].filter((r) => r.test(p)).length;
  const words = p.split(/[\s\-_.]+/u).filter((w) => w.length >= 3).length;
  const repetitive = new Set(p).size <= Math.max(3, length / 4);
  if (COMMON.some((c) => lower.includes(c)) || repetitive) {
    return { level: 'weak', label: 'Weak', advice: 'This is close to a very common choice. Try a few unrelated words instead.' };
  }
  let score = 0;
  if (length >= 12) score++;
  if (length >= 16) score++;
  if (words >= 3) score++;
  if (kinds >= 3) score++;
  if (score >= 3) return { level: 'strong', label: 'Strong', advice: 'A good passphrase. Keep it somewhere safe offline: nobody can reset it for you.' };
  if (score >= 1) return { level: 'fair', label: 'Fair', advice: 'Good. Another unrelated word would make it stronger.' };
  return { level: 'weak', label: 'Weak', advice: 'Longer is stronger: try three or four unrelated words.' };
}
