import type { StaticValue } from 'lit/static-html.js';
import type { AudioSourceInput } from '../../../sdk/audio/engine.js';
import type { Chapter, TranscriptCue } from '../../../sdk/content/types.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { PlayerMode } from '../modes.js';
import type { PlayerStrings } from '../strings.js';
import type { LocaleController } from '../../../locales/locale-controller.js';

export interface Track {
  /** Changes whenever the recording does. */
  key: string;
  title: string;
  description?: string;
  meditationId?: string;
  /** Key under which the place in the recording is remembered. */
  placeKey: string;
  sources: AudioSourceInput[];
  transcriptUrl?: string;
  inlineCues?: readonly TranscriptCue[];
  chapters: readonly Chapter[];
  duration?: number;
}

export type TrackState = { status: 'none' } | { status: 'loading' } | { status: 'ready'; track: Track } | { status: 'error'; message: string; retryProgram: boolean; /** The program's own error, when standalone: its detail is for the site's developer. */ programError?: Error };

export type TranscriptState =
  | { status: 'none' }
  | { status: 'loading'; url: string }
  | { status: 'ready'; url?: string; cues: readonly TranscriptCue[] }
  | { status: 'error'; url: string; message: string };

export interface Summary {
  mode: PlayerMode;
  seconds: number;
  /** Heard to the end, or the time was up. */
  finished: boolean;
  /** Whole minutes added to the log, when it was logged. */
  loggedMinutes?: number;
}

export interface CheckIn {
  status: 'open' | 'saving' | 'saved' | 'error';
  choice?: string;
  note: string;
  entryId?: string;
  revision?: number;
  noteSaved?: boolean;
  error?: string;
  /** The write-ahead copy number of the note being typed (see DraftStore.keep). */
  copy?: number;
  /** The saved note's words offered the support card (once per check-in; nothing of it is stored). */
  supportOffered?: boolean;
}

/**
 * The narrow port the player's controllers and views get instead of the element: what they read
 * (words, clock, program, outline) and the one thing they do to it (dispatch an event).
 */
export interface PlayerPort {
  readonly t: PlayerStrings;
  readonly mode: PlayerMode;
  readonly embedded: boolean;
  readonly program: CompassionProgram | undefined;
  /** The title shown at the top (the track's, or the mode's). */
  readonly displayTitle: string;
  /**
   * The player's language (`lang`, a BCP 47 tag for `Intl`) and its catalog: the words around a
   * program that could not load (`programError`), the support card's (`measure`).
   */
  readonly locale: Pick<LocaleController, 'lang' | 'catalog'>;
  readonly reducedMotion: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  now(): number;
  dispatch(event: Event): void;
  /** The tag for a heading of `level` in the player's outline. */
  heading(level: 2 | 3): StaticValue;
  /** A landmark alone; embedded, a labelled group. */
  region(standalone: StaticValue): StaticValue;
}
