import { fileName } from '../audio/diagnose.js';
import { formatOf, MIME_OF, playableSource } from '../audio/formats.js';
import type { ProgramContent } from '../content/content.js';
import { CompassionKitError } from '../errors.js';
import { CACHE_PREFIX } from './kept-match.js';

export const OFFLINE_ERROR_CODES = [
  /** Cache Storage is missing here (an insecure page, an opaque origin) or the browser refused it. */
  'unavailable',
  /** The program has no meditation with this id. */
  'unknown-meditation',
  /** None of the meditation's recordings is in a format this browser plays. */
  'unsupported',
  /** The server answered 404 (or 410) for a file. */
  'not-found',
  /** The server answered another HTTP error. */
  'http-status',
  /** A file could not be downloaded (offline, unreachable, cross-origin rules). */
  'network',
  /** The device has no room left for this site (QuotaExceededError). */
  'quota',
  /** Keeping was cancelled. */
  'aborted',
] as const;
export type OfflineErrorCode = (typeof OFFLINE_ERROR_CODES)[number];

/** Keeping or removing a recording failed. Nothing is left half-stored: what had been written is removed. */
export class OfflineError extends CompassionKitError {
  override name = 'OfflineError';
  declare readonly code: OfflineErrorCode;
  constructor(code: OfflineErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export interface KeptStatus {
  /** The recording (and its transcript, and the program file) are on this device. */
  readonly kept: boolean;
  /** Bytes of the recording and its transcript as stored; 0 when not kept. */
  readonly bytes: number;
  /** When it was kept (epoch ms). */
  readonly keptAt?: number;
}

export interface KeepProgress {
  /** Bytes of the recording stored so far. */
  readonly loaded: number;
  /** The recording's size, when the server says it. */
  readonly total?: number;
}

export interface KeepOptions {
  /** Called as the recording arrives. */
  onProgress?: (progress: KeepProgress) => void;
  /** Aborting it stops keeping and removes what was written. */
  signal?: AbortSignal;
}

export interface KeptUsage {
  /** Bytes stored for this program: every kept recording and transcript, and the program file. */
  readonly bytes: number;
  /** The ids of the kept meditations. */
  readonly meditations: readonly string[];
  /** The browser's own figure for this whole site (all storage, not only kept recordings), when it gives one. */
  readonly estimate?: { usage: number; quota: number };
}

interface Manifest {
  meditationId: string;
  /** Every URL stored for it: the recording, the transcript, the program file. */
  urls: string[];
  audio: { src: string; type: string };
  bytes: number;
  keptAt: number;
}

// The record of what was kept for a meditation sits in the same cache under a key no server answers.
const MANIFEST_PATH = '/.compassion-kit/kept/';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Whether this page may use Cache Storage at all (a secure context that has it). */
export function cacheStorageAvailable(): boolean {
  return typeof caches !== 'undefined' && globalThis.isSecureContext !== false;
}

const instances = new WeakMap<ProgramContent, KeptRecordings>();

/** The one `KeptRecordings` for a program on this page (what `program.offline()` resolves with). */
export function keptRecordings(content: ProgramContent): KeptRecordings {
  let kept = instances.get(content);
  if (!kept) instances.set(content, (kept = new KeptRecordings(content)));
  return kept;
}

/**
 * Recordings kept on this device for offline practice, in Cache Storage under
 * `compassion-kit:<program id>`: for each kept meditation the recording in the format this browser
 * plays, its WebVTT transcript, and the program file (as validated). Nothing is sent anywhere.
 *
 * ```ts
 * const kept = await program.offline();
 * await kept.keep('safe-place', { onProgress: ({ loaded, total }) => console.log(loaded, total) });
 * (await kept.status('safe-place')).bytes; // e.g. 584309
 * await kept.remove('safe-place');
 * ```
 */
export class KeptRecordings {
  private readonly listeners = new Set<(meditationId: string) => void>();

  constructor(private readonly content: ProgramContent) {}

  /** Whether recordings can be kept on this device (Cache Storage is there). */
  get available(): boolean {
    return cacheStorageAvailable();
  }

  /** The Cache Storage name used for this program. */
  get cacheName(): string {
    return CACHE_PREFIX + this.content.id;
  }

  /** Whether a meditation is kept, and how many bytes it takes. */
  async status(meditationId: string): Promise<KeptStatus> {
    const cache = await this.open(false);
    const manifest = cache && (await this.manifest(cache, meditationId));
    if (!cache || !manifest || !(await cache.match(manifest.audio.src))) return { kept: false, bytes: 0 };
    return { kept: true, bytes: manifest.bytes, keptAt: manifest.keptAt };
  }

  /**
   * Downloads and stores a meditation's recording (the format this browser plays), its transcript
   * and the program file. Rejects with an `OfflineError` (`quota`, `not-found`, `network` …) and
   * then leaves nothing of it behind.
   */
  async keep(meditationId: string, options: KeepOptions = {}): Promise<KeptStatus> {
    const cache = await this.open();
    const meditation = this.content.meditation(meditationId);
    if (!meditation) throw new OfflineError('unknown-meditation', `The program has no meditation "${meditationId}" to keep.`);
    const sources = meditation.audio.flatMap((a) => {
      const src = this.content.resolveUrl(a.src);
      return src ? [{ src, type: a.type }] : [];
    });
    const audio = playableSource(sources);
    if (!audio) throw new OfflineError('unsupported', `This browser cannot play any of the formats given for "${meditation.title}", so there is nothing to keep.`);
    const type = audio.type ?? MIME_OF[formatOf(audio)] ?? 'audio/mpeg';
    const transcript = meditation.transcript?.src ? this.content.resolveUrl(meditation.transcript.src) : undefined;
    const written: string[] = [];
    try {
      let bytes = await this.store(cache, audio.src, type, 'recording', written, options);
      if (transcript) bytes += await this.store(cache, transcript, 'text/vtt', 'transcript', written, { ...(options.signal ? { signal: options.signal } : {}) });
      const programUrl = this.content.url;
      if (programUrl) {
        // The program as this page validated it: the provider falls back to it when the file cannot be fetched.
        written.push(programUrl);
        await cache.put(programUrl, new Response(JSON.stringify(this.content.program), { headers: JSON_HEADERS }));
      }
      const manifest: Manifest = { meditationId, urls: written.slice(), audio: { src: audio.src, type }, bytes, keptAt: Date.now() };
      await cache.put(this.manifestKey(meditationId), new Response(JSON.stringify(manifest), { headers: JSON_HEADERS }));
      this.changed(meditationId);
      return { kept: true, bytes, keptAt: manifest.keptAt };
    } catch (error) {
      await this.forget(cache, meditationId, written).catch(() => undefined);
      throw this.explain(error, meditation.title, options.signal);
    }
  }

  /** Removes a kept meditation (its recording and transcript; the program file once nothing else is kept). */
  async remove(meditationId: string): Promise<void> {
    const cache = await this.open(false);
    if (!cache) return;
    const manifest = await this.manifest(cache, meditationId);
    await this.forget(cache, meditationId, manifest?.urls ?? []);
    this.changed(meditationId);
  }

  /** Removes everything kept for this program on this device. */
  async removeAll(): Promise<void> {
    const cache = await this.open(false);
    if (!cache) return;
    const ids = (await this.manifests(cache)).map((m) => m.meditationId);
    await caches.delete(this.cacheName);
    for (const id of ids) this.changed(id);
  }

  /** Bytes kept for this program, which meditations, and the browser's estimate for the whole site. */
  async usage(): Promise<KeptUsage> {
    const cache = await this.open(false);
    const manifests = cache ? await this.manifests(cache) : [];
    let bytes = manifests.reduce((sum, m) => sum + m.bytes, 0);
    const programUrl = this.content.url;
    const programFile = cache && programUrl ? await cache.match(programUrl) : undefined;
    if (programFile) bytes += (await programFile.blob()).size;
    const e = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
    return { bytes, meditations: manifests.map((m) => m.meditationId), ...(e ? { estimate: { usage: e.usage ?? 0, quota: e.quota ?? 0 } } : {}) };
  }

  /** Calls `listener` with a meditation's id whenever it is kept or removed on this page. Returns the unsubscribe. */
  onChange(listener: (meditationId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(meditationId: string): void {
    for (const listener of this.listeners) listener(meditationId);
  }

  /** The program's cache; with `create` false, undefined when nothing was ever kept (looking never creates it). */
  private async open(): Promise<Cache>;
  private async open(create: false): Promise<Cache | undefined>;
  private async open(create = true): Promise<Cache | undefined> {
    if (!this.available) throw new OfflineError('unavailable', 'This browser does not allow keeping recordings on this page (Cache Storage is not available here).');
    try {
      if (!create && !(await caches.has(this.cacheName))) return undefined;
      return await caches.open(this.cacheName);
    } catch (cause) {
      throw new OfflineError('unavailable', 'This browser refused to keep recordings for this page.', { cause });
    }
  }

  private manifestKey(meditationId: string): string {
    return new URL(`${MANIFEST_PATH}${encodeURIComponent(this.content.id)}/${encodeURIComponent(meditationId)}`, globalThis.location?.href).href;
  }

  private async manifest(cache: Cache, meditationId: string): Promise<Manifest | undefined> {
    const response = await cache.match(this.manifestKey(meditationId));
    return response ? ((await response.json()) as Manifest) : undefined;
  }

  private async manifests(cache: Cache): Promise<Manifest[]> {
    const prefix = this.manifestKey('');
    const keys = (await cache.keys()).filter((request) => request.url.startsWith(prefix));
    const found = await Promise.all(keys.map(async (request) => (await cache.match(request))?.json() as Promise<Manifest | undefined>));
    return found.filter((m): m is Manifest => !!m);
  }

  /** Deletes a meditation's record and the files only it uses (another kept meditation may share the program file or a transcript). */
  private async forget(cache: Cache, meditationId: string, urls: readonly string[]): Promise<void> {
    await cache.delete(this.manifestKey(meditationId));
    const others = new Set((await this.manifests(cache)).flatMap((m) => m.urls));
    await Promise.all(urls.filter((url) => !others.has(url)).map((url) => cache.delete(url)));
    if (!(await cache.keys()).length) await caches.delete(this.cacheName);
  }

  /** Fetches `url` and stores it as it arrives (never whole in memory), reporting progress. Resolves with its size in bytes. */
  private async store(cache: Cache, url: string, type: string, what: string, written: string[], options: KeepOptions): Promise<number> {
    const name = fileName(url);
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin', ...(options.signal ? { signal: options.signal } : {}) });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      const offline = globalThis.navigator?.onLine === false;
      throw new OfflineError('network', offline ? `You appear to be offline, so the ${what} "${name}" could not be downloaded to keep.` : `The ${what} "${name}" could not be downloaded to keep (the server did not answer, or does not allow this page to). Check your connection and try again.`, { cause });
    }
    if (response.status === 404 || response.status === 410) {
      void response.body?.cancel().catch(() => undefined);
      throw new OfflineError('not-found', `The ${what} "${name}" was not found (${response.status}), so it could not be kept. The link may be out of date.`);
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new OfflineError('http-status', `The server answered ${response.status} for the ${what} "${name}", so it could not be kept. Try again in a little while.`);
    }
    const total = Number(response.headers.get('content-length')) || undefined;
    let loaded = 0;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        options.onProgress?.({ loaded, ...(total ? { total } : {}) });
        controller.enqueue(chunk);
      },
    });
    written.push(url);
    await cache.put(url, new Response(response.body ? response.body.pipeThrough(counter) : null, { headers: { 'Content-Type': type } }));
    return loaded;
  }

  private explain(error: unknown, title: string, signal: AbortSignal | undefined): unknown {
    if (error instanceof OfflineError) return error;
    const name = (error as { name?: string } | null)?.name;
    if (name === 'QuotaExceededError') {
      return new OfflineError('quota', `There is not enough space on this device to keep "${title}". Nothing was kept; the recording still plays while you are online.`, { cause: error });
    }
    if (signal?.aborted || name === 'AbortError') return new OfflineError('aborted', `Keeping "${title}" was stopped. Nothing was kept.`, { cause: error });
    return new OfflineError('network', `"${title}" could not be kept: the download was interrupted. Nothing was kept; try again when the connection is steady.`, { cause: error });
  }
}
