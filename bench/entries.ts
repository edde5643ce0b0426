/**
 * The benchmark's journal: deterministic entries of 150–600 words, so every run and every store
 * writes exactly the same records. Some words carry accents ("café", "niño", "Zoë"…), so that an
 * accent-folded search for "cafe" or "nino" has something to find and something to fold.
 */
import type { FieldValue, JournalEntry } from '../src/sdk/index.js';

const PLAIN = (
  'calm critic kindness breath work family tired hope shame garden morning letter friend walk rain ' +
  'sleep body warmth notice gentle voice mind heart slow quiet evening coffee train sister brother ' +
  'mother father child school angry worried soft tea window light dark afraid safe care today ' +
  'yesterday tomorrow because again still enough small steps practice listen feel think write ' +
  'remember forgive allow space patient honest tender strong weak moment week month year home'
).split(' ');
const ACCENTED = ['Zoë', 'naïve', 'résumé', 'jalapeño', 'crème', 'façade', 'señora', 'über', 'São', 'déjà', 'fiancée', 'piñata', 'Málaga', 'Ångström', 'coöperate'];
const TAGS = ['sleep', 'work', 'family', 'body', 'friends', 'self-talk', 'café'];
const TEMPLATES = ['free-reflection', 'weekly-reflection', 'self-criticism-log', 'three-systems-check-in'];
const FEELINGS = ['calm', 'sad', 'anxious', 'hopeful', 'tired', 'warm'];

/** A small seeded generator (xorshift32): the same seed gives the same journal everywhere. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function text(next: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    out.push(r < 0.02 ? ACCENTED[Math.floor(next() * ACCENTED.length)]! : PLAIN[Math.floor(next() * PLAIN.length)]!);
    if (next() < 0.07) out[out.length - 1] += '.';
  }
  return out.join(' ');
}

/**
 * `count` journal entries, entry `i` with id `entry-${i}`, one every 45 minutes from `start` (so
 * the newest is the last). About 1 in 7 mentions "café" and 1 in 10 "niño" somewhere in its text.
 */
export function journalEntries(count: number, start = Date.UTC(2024, 0, 1)): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let i = 0; i < count; i++) {
    const next = random(0x9e3779b9 ^ (i * 2654435761));
    const words = 150 + Math.floor(next() * 451);
    let body = text(next, words);
    if (next() < 1 / 7) body = body.replace(/ /, ' at the café ');
    if (next() < 1 / 10) body = `${body} The niño next door waved.`;
    const templateId = TEMPLATES[i % TEMPLATES.length]!;
    const fields: Record<string, FieldValue> =
      templateId === 'free-reflection'
        ? { reflection: body }
        : templateId === 'weekly-reflection'
          ? { answer: body, feelings: [FEELINGS[i % FEELINGS.length]!] }
          : templateId === 'self-criticism-log'
            ? { situation: body, 'critic-words': text(next, 8), tone: 'harsh' }
            : { threat: i % 11, drive: (i * 3) % 11, soothing: (i * 7) % 11, note: body };
    const at = start + i * 45 * 60_000;
    entries.push({
      id: `entry-${i}`,
      templateId,
      title: i % 3 === 0 ? text(next, 4) : '',
      fields,
      tags: [TAGS[i % TAGS.length]!, ...(i % 4 === 0 ? [TAGS[(i + 2) % TAGS.length]!] : [])],
      weekId: `week-${(i % 14) + 1}`,
      createdAt: at,
      updatedAt: at,
      revision: 1,
    });
  }
  return entries;
}
