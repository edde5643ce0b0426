import type { TranscriptCue } from '../content/types.js';
import { AudioError } from './errors.js';

// Kept in its own module so the player can mark the current chapter without the parser.
export { cueIndexAt } from './cues.js';

/** A cue as read from a WebVTT file: times in seconds, plain text (markup removed). */
export interface VttCue extends TranscriptCue {
  /** The cue identifier line, when the file has one. */
  id?: string;
}

const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** Seconds from `01:02:03.456` or `02:03.456` (a comma is accepted too, as SRT writes it); NaN if malformed. */
export function parseTimestamp(text: string): number {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return Number.NaN;
  const [, h = '0', min, s, frac] = m;
  if (Number(min) > 59 && m[1] !== undefined) return Number.NaN;
  if (Number(s) > 59) return Number.NaN;
  return Number(h) * 3600 + Number(min) * 60 + Number(s) + Number(frac!.padEnd(3, '0')) / 1000;
}

/** Cue text without WebVTT markup (`<v Name>`, `<i>`, `<c.x>`, `<00:01.000>`) and with entities decoded. */
export function cueText(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .trim();
}

/**
 * Parses a WebVTT file into cues, sorted by start time. Tolerates a byte-order mark, CRLF or CR
 * line ends, header text, NOTE / STYLE / REGION blocks, cue identifiers, cue settings and
 * markup; skips a cue whose timing line is malformed rather than failing the whole transcript.
 * Throws an `AudioError` (`invalid-transcript`) when the text is not WebVTT at all.
 */
export function parseWebVtt(text: string, source = 'The transcript'): VttCue[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw new AudioError('invalid-transcript', `${source} is not a WebVTT file: its first line must be "WEBVTT".`);
  }
  // The header runs from "WEBVTT" to the first blank line; cue and note blocks follow.
  const headerEnd = lines.findIndex((line) => line.trim() === '');
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of headerEnd < 0 ? [] : lines.slice(headerEnd)) {
    if (line.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current);

  const cues: VttCue[] = [];
  for (const block of blocks) {
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]!)) continue;
    const timingAt = block[0]!.includes('-->') ? 0 : block[1]?.includes('-->') ? 1 : -1;
    if (timingAt < 0) continue;
    const [startText = '', rest = ''] = block[timingAt]!.split('-->');
    const start = parseTimestamp(startText);
    const end = parseTimestamp(rest.trim().split(/[ \t]+/)[0] ?? '');
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) continue;
    const cue: VttCue = { start, end, text: cueText(block.slice(timingAt + 1).join('\n')) };
    if (timingAt === 1) cue.id = block[0]!.trim();
    cues.push(cue);
  }
  // Array.prototype.sort is stable: cues with equal starts keep file order.
  return cues.sort((a, b) => a.start - b.start);
}
