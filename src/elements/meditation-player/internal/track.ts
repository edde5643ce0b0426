import type { ProgramState } from '../../../context/program-context.js';
import { resolveContentUrl } from '../../../sdk/content/urls.js';
import type { PlayerStrings } from '../strings.js';
import type { TrackState } from './types.js';

export interface TrackRequest {
  meditationId: string | null;
  audioSrc: string | null;
  transcriptSrc: string | null;
  /** `track-title`, else `title`, else empty. */
  ownTitle: string;
  src: string | null;
}

/** Which recording the attributes and the program name: a program meditation, an `audio-src`, or why there is none. */
export function resolveTrack(req: TrackRequest, programState: ProgramState, t: PlayerStrings): TrackState {
  if (req.meditationId) {
    if (programState.status === 'loading') return { status: 'loading' };
    if (programState.status === 'error') {
      // Inside a provider, the provider shows what went wrong; standalone, the player does.
      return { status: 'error', message: t.programFailed(programState.error.message), retryProgram: !!req.src, ...(req.src ? { programError: programState.error } : {}) };
    }
    const content = programState.program.content;
    const m = content.meditation(req.meditationId);
    if (!m) return { status: 'error', message: t.meditationMissing(req.meditationId, content.program.meditations.map((x) => x.id)), retryProgram: false };
    const sources = m.audio.flatMap((a) => {
      const url = content.resolveUrl(a.src);
      return url ? [{ src: url, type: a.type }] : [];
    });
    const transcriptUrl = m.transcript?.src ? content.resolveUrl(m.transcript.src) : undefined;
    return {
      status: 'ready',
      track: {
        key: `${content.id}|${m.id}|${sources.map((s) => s.src).join(' ')}`,
        title: req.ownTitle || m.title,
        ...(m.description ? { description: m.description } : {}),
        meditationId: m.id,
        placeKey: m.id,
        sources,
        ...(transcriptUrl ? { transcriptUrl } : {}),
        ...(m.transcript?.cues?.length ? { inlineCues: m.transcript.cues } : {}),
        chapters: m.chapters ?? [],
        duration: m.duration,
      },
    };
  }
  if (req.audioSrc) {
    const src = resolveContentUrl(req.audioSrc);
    const transcriptUrl = req.transcriptSrc ? resolveContentUrl(req.transcriptSrc) : undefined;
    return {
      status: 'ready',
      track: {
        key: `audio|${src ?? req.audioSrc}`,
        title: req.ownTitle || t.modeTitle.guided,
        placeKey: `audio:${src ?? req.audioSrc}`,
        // A refused URL leaves no source; the engine then says so plainly.
        sources: src ? [{ src }] : [],
        ...(transcriptUrl ? { transcriptUrl } : {}),
        chapters: [],
      },
    };
  }
  if (programState.status === 'loading' && req.src) return { status: 'loading' };
  return { status: 'error', message: t.nothingToPlay, retryProgram: false };
}
