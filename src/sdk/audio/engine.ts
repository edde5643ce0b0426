import type { Howl, HowlOptions, HowlerGlobal } from 'howler';
import { Observable } from '../observable.js';
import { diagnoseFetch, fileName } from './diagnose.js';
import { AudioError } from './errors.js';
import { formatOf } from './formats.js';
import { keptResponse } from '../offline/kept-match.js';
import { claimPlayback, currentPlaybackOwner, releasePlayback, type PlaybackOwner } from './focus.js';

export const PLAYBACK_STATUSES = ['idle', 'loading', 'ready', 'playing', 'paused', 'ended', 'error'] as const;
export type PlaybackStatus = (typeof PLAYBACK_STATUSES)[number];

/** Everything a UI needs to draw the player. A new object on every change, never mutated. */
export interface AudioSnapshot {
  readonly status: PlaybackStatus;
  /** Seconds from the start. */
  readonly position: number;
  /** Seconds; the hint given with the track until the file says otherwise, 0 when unknown. */
  readonly duration: number;
  /** Seconds of audio buffered from the start of the range that holds `position`. */
  readonly buffered: number;
  readonly rate: number;
  /** 0 to 1. */
  readonly volume: number;
  readonly muted: boolean;
  /** The browser refused the last play without a tap or click (A2): ask the participant to press play. */
  readonly blocked: boolean;
  /** Loading has taken longer than expected (a slow connection); still trying. */
  readonly slow: boolean;
  readonly error: AudioError | null;
}

export interface AudioSourceInput {
  /** An absolute URL, or one relative to the page. */
  src: string;
  /** MIME type, e.g. `audio/ogg` or `audio/mpeg`; guessed from the file extension when absent. */
  type?: string;
}

export interface TrackInfo {
  /** In order of preference; the browser plays the first format it supports. */
  sources: readonly AudioSourceInput[];
  title: string;
  artist?: string;
  album?: string;
  artwork?: readonly MediaImage[];
  /** Length in seconds, if known before loading (e.g. from the program). */
  duration?: number;
}

export interface AudioEngineOptions {
  /** Show the track on the lock screen and answer media keys (A4). Default true. */
  mediaSession?: boolean;
  /** Pause other tracks on the page when this one plays. Default true. Off for short effects like a bell. */
  exclusive?: boolean;
  /** After this many ms of loading, `slow` becomes true (default 12 000). */
  slowAfterMs?: number;
  /** How often the position is read while playing, in ms (default 250). */
  pollMs?: number;
  /** Tells why a file failed to load; the default asks the server (see `diagnoseFetch`). */
  diagnose?: (url: string) => Promise<AudioError>;
  /**
   * Play a copy of the recording kept on this device (`program.offline().keep()`) when the browser
   * is offline, or when loading from the network fails. Default true.
   */
  keptCopies?: boolean;
}

/** A recording held on this device (an object URL of a kept copy); `release()` frees it. */
interface LocalSource extends AudioSourceInput {
  release(): void;
}

/** The first of `sources` kept on this device (in a compassion-kit cache), as an object URL, or undefined. */
async function keptCopy(sources: readonly AudioSourceInput[]): Promise<LocalSource | undefined> {
  for (const source of sources) {
    const response = await keptResponse(source.src);
    if (!response) continue;
    const src = URL.createObjectURL(await response.blob());
    return { src, type: source.type ?? response.headers.get('content-type') ?? undefined, release: () => URL.revokeObjectURL(src) };
  }
  return undefined;
}

type HowlerModule = { Howl: typeof Howl; Howler: HowlerGlobal };

let howlerModule: HowlerModule | undefined;
let howlerLoading: Promise<HowlerModule> | undefined;

/**
 * Loads howler on first use only, so that a page which never plays anything never downloads it
 * (the CDN build puts it in its own chunk). howler is CommonJS: its exports may sit on `default`.
 */
export function loadHowler(): Promise<HowlerModule> {
  if (howlerModule) return Promise.resolve(howlerModule);
  howlerLoading ??= import('howler').then(
    (mod) => {
      const m = ((mod as { default?: HowlerModule }).default ?? mod) as HowlerModule;
      howlerModule = m;
      return m;
    },
    (cause: unknown) => {
      howlerLoading = undefined;
      throw new AudioError('network', 'The audio player could not be downloaded. Check your connection and try again.', undefined, undefined, { cause });
    },
  );
  return howlerLoading;
}

export { claimPlayback, releasePlayback, currentPlaybackOwner, type PlaybackOwner } from './focus.js';

export { formatOf } from './formats.js';

const INITIAL: AudioSnapshot = Object.freeze({
  status: 'idle',
  position: 0,
  duration: 0,
  buffered: 0,
  rate: 1,
  volume: 1,
  muted: false,
  blocked: false,
  slow: false,
  error: null,
});

/**
 * Plays one track: streams it (`html5: true`, A1), reports immutable snapshots, pauses other
 * tracks when it starts, answers lock-screen controls (A4), and recovers from failures (A2, A3).
 *
 * ```ts
 * const engine = new AudioEngine({ title: 'Safe place', sources: [{ src: 'safe-place.ogg', type: 'audio/ogg' }] });
 * engine.subscribe((s) => render(s));
 * button.onclick = () => engine.toggle();
 * ```
 */
export class AudioEngine extends Observable<AudioSnapshot> implements PlaybackOwner {
  private howl: Howl | undefined;
  private soundId: number | undefined;
  private loaded = false;
  private wantPlay = false;
  private pendingSeek = 0;
  private poll: ReturnType<typeof setInterval> | undefined;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private lastPositionState = 0;
  private waiters: (() => void)[] = [];
  /** The kept copy being played instead of the network source, if any. */
  private local: LocalSource | undefined;
  private readonly options: Required<Omit<AudioEngineOptions, 'diagnose'>> & Pick<AudioEngineOptions, 'diagnose'>;

  constructor(
    readonly track: TrackInfo,
    options: AudioEngineOptions = {},
  ) {
    super({ ...INITIAL, duration: track.duration && track.duration > 0 ? track.duration : 0 });
    this.options = { mediaSession: true, exclusive: true, slowAfterMs: 12000, pollMs: 250, keptCopies: true, ...options };
  }

  /** The URL being played (the first source the browser can play), once loading has begun. */
  get url(): string | undefined {
    return (this.howl as unknown as { _src?: string } | undefined)?._src;
  }

  /** Starts downloading howler ahead of the first play (e.g. on pointerdown), without loading audio. */
  prepare(): void {
    void loadHowler().catch(() => undefined);
  }

  /**
   * Plays from the current position. Resolves once playback is under way or has failed; the
   * snapshot says which (`playing`, `error`, or `blocked` when the browser wants a gesture).
   */
  async play(): Promise<void> {
    if (this.snapshot.status === 'error') this.discard();
    this.wantPlay = true;
    if (this.options.exclusive) claimPlayback(this);
    if (!this.howl) {
      const generation = this.generation;
      if (!howlerModule) {
        this.update({ status: 'loading', error: null, blocked: false });
        try {
          await loadHowler();
        } catch (error) {
          this.fail(error as AudioError);
          return;
        }
        if (generation !== this.generation || !this.wantPlay) return;
      }
      // Offline: go straight to a kept copy rather than wait for the network to fail.
      if (!this.local && this.options.keptCopies && globalThis.navigator?.onLine === false) {
        this.local = await keptCopy(this.track.sources).catch(() => undefined);
        if (generation !== this.generation || !this.wantPlay) return;
      }
      if (!this.create()) return;
    }
    if (this.snapshot.status === 'playing') return;
    const started = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.update({ blocked: false, error: null, ...(this.loaded ? {} : { status: 'loading' as const }) });
    if (this.loaded) this.start();
    await started;
  }

  pause(): void {
    this.wantPlay = false;
    this.stopPolling();
    if (this.howl && this.loaded && this.soundId !== undefined) this.howl.pause(this.soundId);
    const s = this.snapshot.status;
    if (s === 'playing') this.update({ status: 'paused', position: this.readPosition() });
    // Paused while starting: the file may go on loading, but nothing will play.
    else if (s === 'loading') this.update({ status: this.howl ? (this.readPosition() > 0 ? 'paused' : 'ready') : 'idle' });
    this.syncMediaSession();
    this.wake();
  }

  /** Play when paused, pause when playing. */
  toggle(): Promise<void> {
    if (this.snapshot.status === 'playing' || (this.snapshot.status === 'loading' && this.wantPlay)) {
      this.pause();
      return Promise.resolve();
    }
    return this.play();
  }

  /** Moves to `seconds` from the start (clamped to the track). Works before loading, too. */
  seek(seconds: number): void {
    const duration = this.snapshot.duration;
    const target = Math.max(0, duration > 0 ? Math.min(seconds, duration) : seconds);
    if (!Number.isFinite(target)) return;
    this.pendingSeek = target;
    if (this.howl && this.loaded) {
      if (this.soundId !== undefined) this.howl.seek(target, this.soundId);
      else this.howl.seek(target);
    }
    const status = this.snapshot.status === 'ended' ? 'paused' : this.snapshot.status;
    this.update({ position: target, status, buffered: this.readBuffered(target) });
    this.syncPositionState(true);
  }

  /** Moves by `delta` seconds (negative goes back). */
  skip(delta: number): void {
    this.seek(this.readPosition() + delta);
  }

  /** Playback speed, 0.5 to 2 (the player offers 0.75 to 1.25). Pitch is kept. */
  setRate(rate: number): void {
    const r = Math.min(2, Math.max(0.5, rate));
    if (this.howl && this.soundId !== undefined) this.howl.rate(r, this.soundId);
    this.update({ rate: r });
    this.syncPositionState(true);
  }

  /** 0 to 1. */
  setVolume(volume: number): void {
    const v = Math.min(1, Math.max(0, volume));
    if (this.howl && this.soundId !== undefined) this.howl.volume(v, this.soundId);
    this.update({ volume: v });
  }

  setMuted(muted: boolean): void {
    if (this.howl && this.soundId !== undefined) this.howl.mute(muted, this.soundId);
    this.update({ muted });
  }

  /** Drops a failed or stuck load and tries again from the same position, then plays. */
  retry(): Promise<void> {
    this.discard();
    return this.play();
  }

  /** Stops, frees the audio element and the lock-screen controls. The engine may be played again later. */
  unload(): void {
    this.wantPlay = false;
    const position = this.readPosition();
    this.discard();
    this.pendingSeek = position;
    releasePlayback(this);
    this.clearMediaSession();
    this.update({ status: 'idle', position, blocked: false, slow: false, error: null, buffered: 0 });
    this.wake();
  }

  /** @internal Another track started on this page. */
  yieldPlayback(): void {
    if (this.snapshot.status === 'playing' || this.wantPlay) this.pause();
  }

  private create(): boolean {
    const { Howl, Howler } = howlerModule!;
    const sources = this.local ? [this.local] : this.track.sources.filter((s) => typeof s.src === 'string' && s.src.trim() !== '');
    if (!sources.length) {
      this.fail(new AudioError('invalid-source', `"${this.track.title}" has no recording to play: give it an audio source.`));
      return false;
    }
    // A failed load elsewhere can leave howler believing the browser has no audio at all (A3).
    if (Howler.noAudio && typeof Audio !== 'undefined') Howler.noAudio = false;
    const generation = ++this.generation;
    const mine = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => {
      if (generation === this.generation) fn(...args);
    };
    const options: HowlOptions = {
      src: sources.map((s) => s.src),
      format: sources.map(formatOf),
      html5: true,
      preload: true,
      volume: this.snapshot.volume,
      mute: this.snapshot.muted,
      rate: this.snapshot.rate,
      onload: mine(() => this.onLoad()),
      onloaderror: mine((_id: number, error: unknown) => void this.onLoadError(error)),
      onplayerror: mine(() => this.onPlayError()),
      onplay: mine(() => this.onPlay()),
      onpause: mine(() => this.onPause()),
      onend: mine(() => this.onEnd()),
      onseek: mine(() => this.update({ position: this.readPosition() })),
    };
    this.loaded = false;
    this.soundId = undefined;
    this.howl = new Howl(options);
    this.update({ status: 'loading', error: null, slow: false });
    clearTimeout(this.slowTimer);
    this.slowTimer = setTimeout(mine(() => !this.loaded && this.update({ slow: true })), this.options.slowAfterMs);
    return true;
  }

  private start(): void {
    if (!this.howl) return;
    if (this.soundId === undefined) {
      this.soundId = this.howl.play();
    } else if (!this.howl.playing(this.soundId)) {
      this.howl.play(this.soundId);
    }
  }

  private onLoad(): void {
    this.loaded = true;
    clearTimeout(this.slowTimer);
    this.update({ duration: this.readDuration(), slow: false });
    if (this.pendingSeek > 0) {
      // The first play needs a sound id; seeking before it goes to the sound howler made on load.
      this.howl!.seek(this.pendingSeek);
    }
    if (this.wantPlay) this.start();
    else this.update({ status: this.pendingSeek > 0 ? 'paused' : 'ready', position: this.pendingSeek });
  }

  private async onLoadError(raw: unknown): Promise<void> {
    const wasLocal = this.local !== undefined;
    const url = (wasLocal ? undefined : this.url) ?? this.track.sources[0]?.src ?? '';
    // Free the element now: an unloaded Howl also clears howler's global `noAudio` (A3).
    this.discard();
    const generation = this.generation;
    if (!wasLocal && this.options.keptCopies) {
      // The network failed (or went away mid-play): a copy kept on this device plays on from the same place.
      this.update({ status: 'loading' });
      const local = await keptCopy(this.track.sources).catch(() => undefined);
      if (generation !== this.generation) return local?.release();
      if (local) {
        this.local = local;
        this.pendingSeek = this.snapshot.position;
        this.create();
        return;
      }
    }
    if (typeof raw === 'string' && /codec/i.test(raw)) {
      this.fail(new AudioError('unsupported', `This browser cannot play any of the formats given for "${this.track.title}".`, url));
      return;
    }
    this.update({ status: 'loading' });
    const diagnose = this.options.diagnose ?? ((u: string) => diagnoseFetch(u, 'recording'));
    let error: AudioError;
    try {
      error = await diagnose(url);
    } catch (cause) {
      error = new AudioError('network', `The recording "${fileName(url)}" could not be loaded.`, url, undefined, { cause });
    }
    if (generation !== this.generation) return;
    this.fail(error);
  }

  private onPlayError(): void {
    const node = this.mediaElement();
    if (node?.error) {
      void this.onLoadError(node.error.code);
      return;
    }
    this.wantPlay = false;
    this.stopPolling();
    const position = this.readPosition();
    this.update({ status: position > 0 ? 'paused' : 'ready', blocked: true, position });
    this.syncMediaSession();
    this.wake();
  }

  private onPlay(): void {
    if (!this.wantPlay) {
      // A pause arrived while the play was starting: honour it.
      this.howl?.pause(this.soundId);
      return;
    }
    this.update({ status: 'playing', blocked: false, error: null, position: this.readPosition() });
    this.startPolling();
    this.syncMediaSession();
    this.wake();
  }

  private onPause(): void {
    this.stopPolling();
    if (this.snapshot.status === 'playing') this.update({ status: 'paused', position: this.readPosition() });
    this.syncMediaSession();
  }

  private onEnd(): void {
    this.wantPlay = false;
    this.stopPolling();
    this.pendingSeek = 0;
    const duration = this.snapshot.duration;
    this.update({ status: 'ended', position: duration });
    this.syncMediaSession();
    this.wake();
  }

  private fail(error: AudioError): void {
    this.wantPlay = false;
    this.stopPolling();
    releasePlayback(this);
    this.clearMediaSession();
    this.update({ status: 'error', error, blocked: false, slow: false });
    this.wake();
  }

  /** Unloads the Howl without touching the snapshot. */
  private discard(): void {
    this.generation++;
    this.stopPolling();
    clearTimeout(this.slowTimer);
    const howl = this.howl;
    this.howl = undefined;
    this.soundId = undefined;
    this.loaded = false;
    howl?.unload();
    this.local?.release();
    this.local = undefined;
  }

  /** Resolves the promises of pending `play()` calls. */
  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private startPolling(): void {
    this.stopPolling();
    this.poll = setInterval(() => {
      const position = this.readPosition();
      // A server without range requests leaves the length unknown until the whole file has arrived.
      const duration = this.readDuration();
      if (Math.abs(position - this.snapshot.position) >= 0.05 || this.readBuffered(position) !== this.snapshot.buffered || duration !== this.snapshot.duration) {
        this.update({ position, buffered: this.readBuffered(position), duration });
      }
      this.syncPositionState(false);
    }, this.options.pollMs);
  }

  private stopPolling(): void {
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private readPosition(): number {
    if (this.howl && this.loaded) {
      const p = this.soundId !== undefined ? this.howl.seek(this.soundId) : this.howl.seek();
      if (typeof p === 'number' && Number.isFinite(p)) return p;
    }
    return this.howl && this.loaded ? this.snapshot.position : this.pendingSeek || this.snapshot.position;
  }

  /** howler keeps the `<audio>` element private; buffering is only visible on it. */
  private mediaElement(): HTMLMediaElement | undefined {
    const sounds = (this.howl as unknown as { _sounds?: { _node?: unknown }[] } | undefined)?._sounds;
    const node = sounds?.[0]?._node;
    return typeof HTMLMediaElement !== 'undefined' && node instanceof HTMLMediaElement ? node : undefined;
  }

  /** The file's own length: howler rounds it up to a tenth, which a seek to the end would overshoot. */
  private readDuration(): number {
    const own = this.mediaElement()?.duration;
    if (own !== undefined && Number.isFinite(own) && own > 0) return own;
    const rounded = this.howl?.duration();
    return rounded !== undefined && Number.isFinite(rounded) && rounded > 0 ? rounded : this.snapshot.duration;
  }

  private readBuffered(position: number): number {
    const ranges = this.mediaElement()?.buffered;
    if (!ranges) return this.snapshot.buffered;
    for (let i = 0; i < ranges.length; i++) {
      if (ranges.start(i) <= position + 0.5 && ranges.end(i) >= position) return ranges.end(i);
    }
    return 0;
  }

  private update(patch: Partial<AudioSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    const keys = Object.keys(patch) as (keyof AudioSnapshot)[];
    if (keys.every((k) => Object.is(next[k], this.snapshot[k]))) return;
    this.set(Object.freeze(next));
  }

  private get session(): MediaSession | undefined {
    return this.options.mediaSession && typeof navigator !== 'undefined' && 'mediaSession' in navigator ? navigator.mediaSession : undefined;
  }

  private syncMediaSession(): void {
    const ms = this.session;
    if (!ms || currentPlaybackOwner() !== this) return;
    const status = this.snapshot.status;
    if (status === 'playing' && typeof MediaMetadata !== 'undefined' && ms.metadata?.title !== this.track.title) {
      ms.metadata = new MediaMetadata({
        title: this.track.title,
        ...(this.track.artist ? { artist: this.track.artist } : {}),
        ...(this.track.album ? { album: this.track.album } : {}),
        ...(this.track.artwork ? { artwork: [...this.track.artwork] } : {}),
      });
    }
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => void this.play()],
      ['pause', () => this.pause()],
      ['seekbackward', (d) => this.skip(-(d.seekOffset ?? 15))],
      ['seekforward', (d) => this.skip(d.seekOffset ?? 15)],
      ['seekto', (d) => d.seekTime !== undefined && this.seek(d.seekTime)],
    ];
    for (const [action, handler] of handlers) {
      try {
        ms.setActionHandler(action, handler);
      } catch {
        // This browser does not know the action; the others still work.
      }
    }
    ms.playbackState = status === 'playing' ? 'playing' : 'paused';
    this.syncPositionState(true);
  }

  private syncPositionState(force: boolean): void {
    const ms = this.session;
    if (!ms?.setPositionState || currentPlaybackOwner() !== this) return;
    const now = Date.now();
    if (!force && now - this.lastPositionState < 1000) return;
    this.lastPositionState = now;
    const { duration, position, rate } = this.snapshot;
    if (!(duration > 0) || !Number.isFinite(duration)) return;
    try {
      ms.setPositionState({ duration, playbackRate: rate, position: Math.min(Math.max(0, position), duration) });
    } catch {
      // An inconsistent state (e.g. duration still 0) is refused; the next update will fix it.
    }
  }

  private clearMediaSession(): void {
    const ms = this.session;
    if (!ms || (currentPlaybackOwner() !== undefined && currentPlaybackOwner() !== this)) return;
    for (const action of ['play', 'pause', 'seekbackward', 'seekforward', 'seekto'] as const) {
      try {
        ms.setActionHandler(action, null);
      } catch {
        // Unknown action: nothing to clear.
      }
    }
    if (ms.metadata?.title === this.track.title) ms.metadata = null;
    ms.playbackState = 'none';
  }
}
