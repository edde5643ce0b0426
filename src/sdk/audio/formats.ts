import type { AudioSourceInput } from './engine.js';

const FORMATS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/webm': 'webm',
  'audio/flac': 'flac',
};

/** howler's format name for a source: from its MIME type, else its file extension. */
export function formatOf(source: AudioSourceInput): string {
  const type = source.type?.toLowerCase().trim() ?? '';
  if (type.startsWith('audio/ogg')) return /codecs\s*=\s*"?opus/.test(type) ? 'opus' : 'ogg';
  const base = type.split(';')[0]!.trim();
  if (FORMATS[base]) return FORMATS[base];
  const ext = /\.([a-z0-9]+)$/i.exec(source.src.split(/[?#]/, 1)[0] ?? '')?.[1]?.toLowerCase();
  return ext === 'oga' ? 'ogg' : (ext ?? 'mp3');
}

// The types howler asks the browser about for each format (its own codec check, Howler.codecs()).
const CODEC_TESTS: Record<string, readonly string[]> = {
  mp3: ['audio/mpeg;', 'audio/mp3;'],
  mpeg: ['audio/mpeg;'],
  opus: ['audio/ogg; codecs="opus"'],
  ogg: ['audio/ogg; codecs="vorbis"'],
  oga: ['audio/ogg; codecs="vorbis"'],
  wav: ['audio/wav; codecs="1"', 'audio/wav;'],
  aac: ['audio/aac;'],
  m4a: ['audio/x-m4a;', 'audio/m4a;', 'audio/aac;'],
  mp4: ['audio/x-mp4;', 'audio/mp4;', 'audio/aac;'],
  weba: ['audio/webm; codecs="vorbis"'],
  webm: ['audio/webm; codecs="vorbis"'],
  flac: ['audio/x-flac;', 'audio/flac;'],
};

/** The MIME type to store a kept copy under, so that it plays again from a blob. */
export const MIME_OF: Record<string, string> = { mp3: 'audio/mpeg', opus: 'audio/ogg; codecs="opus"', ogg: 'audio/ogg', wav: 'audio/wav', aac: 'audio/aac', m4a: 'audio/mp4', webm: 'audio/webm', flac: 'audio/flac' };

/**
 * The source this browser plays: the first whose format it can decode, asked the way howler asks
 * (so a kept copy is the very file the player would stream). Undefined when none can be played.
 */
export function playableSource<S extends AudioSourceInput>(sources: readonly S[]): S | undefined {
  if (typeof Audio === 'undefined') return undefined;
  const probe = new Audio();
  return sources.find((s) => (CODEC_TESTS[formatOf(s)] ?? []).some((type) => probe.canPlayType(type).replace(/^no$/, '') !== ''));
}
