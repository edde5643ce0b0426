import { StorageError, toStorageError } from '../errors.js';
import { IndexedDbBackend, openIndexedDb, type Backend, type StorageMode, type Tx } from './backend.js';
import { databaseName, type StoreName } from './schema.js';

/** What the participant's storage is doing right now. Replaced, never mutated. */
export interface StorageStatus {
  mode: StorageMode;
  /** In memory mode: why, in plain words (shown to the participant). */
  reason?: string;
  /** Whether the browser promised not to evict the data; `null` while unknown or unsupported. */
  persisted: boolean | null;
  /** Another tab holds an older version open, so an upgrade is waiting: ask the participant to close other tabs. */
  blocked: boolean;
  /** A newer version of compassion-kit upgraded the storage in another tab: this page must be reloaded. */
  outdated: boolean;
  /** The last write failed because storage is full; cleared by the next successful write. */
  full: boolean;
}

export interface DatabaseOptions {
  /** `memory` keeps nothing after the page closes. */
  storage?: StorageMode;
  /** How long to wait for IndexedDB before falling back to memory (D9). */
  openTimeoutMs?: number;
  onStatus(status: StorageStatus): void;
  /** Another tab or another store instance changed these stores. */
  onRemoteChange(stores: StoreName[]): void;
}

interface ChangeMessage {
  from: string;
  stores: StoreName[];
}

/**
 * One program's database: opens IndexedDB (or falls back to memory), keeps the connection alive
 * across upgrades in other tabs and lost connections, and tells other tabs what changed.
 */
export class Database {
  readonly name: string;
  readonly ready: Promise<void>;
  private backend!: Backend;
  private reopening: Promise<void> | undefined;
  private readonly id = crypto.randomUUID();
  private readonly channel: BroadcastChannel | undefined;
  private current: StorageStatus = { mode: 'memory', persisted: null, blocked: false, outdated: false, full: false };
  /**
   * Checked for every record any write puts, whoever wrote it: the sealing path (sealing.ts) uses it
   * to refuse participant text in the clear while the passphrase lock is on.
   */
  writeGuard: ((store: StoreName, value: unknown) => void) | undefined;

  constructor(
    programId: string,
    private readonly options: DatabaseOptions,
  ) {
    this.name = databaseName(programId);
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(this.name);
      this.channel.onmessage = (e: MessageEvent<ChangeMessage>) => {
        if (e.data?.from !== this.id && Array.isArray(e.data?.stores)) options.onRemoteChange(e.data.stores);
      };
    }
    this.ready = this.open();
  }

  get status(): StorageStatus {
    return this.current;
  }

  async read<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>): Promise<T> {
    await this.ready;
    await this.reopening;
    try {
      return await this.backend.read(stores, fn);
    } catch (error) {
      if (toStorageError(error, '').code !== 'closed') throw toStorageError(error, `reading ${stores.join(', ')}`);
      await this.reopen();
      return this.backend.read(stores, fn);
    }
  }

  /** Atomic, durable write; tells other tabs which stores changed once it has committed. */
  async write<T>(stores: StoreName[], fn: (tx: Tx) => Promise<T>, doing = `saving ${stores.join(', ')}`): Promise<T> {
    await this.ready;
    await this.reopening;
    if (this.current.outdated) {
      throw new StorageError('version-too-new', 'A newer version of this program is open in another tab: reload this page to keep writing. Your text is still on screen.');
    }
    let result: T;
    const guard = this.writeGuard;
    if (guard) {
      const unguarded = fn;
      fn = (tx) =>
        unguarded({
          ...tx,
          put: (store, value) => {
            guard(store, value);
            return tx.put(store, value);
          },
        });
    }
    try {
      result = await this.backend.write(stores, fn);
    } catch (error) {
      const first = toStorageError(error, doing);
      if (first.code === 'closed') {
        // D8: reopen once and retry; if that fails too the caller keeps the text and offers a reload.
        await this.reopen();
        try {
          result = await this.backend.write(stores, fn);
        } catch (again) {
          throw this.failed(toStorageError(again, doing));
        }
      } else {
        throw this.failed(first);
      }
    }
    if (this.current.full) this.setStatus({ full: false });
    this.channel?.postMessage({ from: this.id, stores } satisfies ChangeMessage);
    return result;
  }

  /** Deletes the whole database (every entry, all progress) and starts again empty. */
  async erase(): Promise<void> {
    await this.ready;
    this.backend.close();
    if (this.backend.mode === 'indexeddb') {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(this.name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(toStorageError(request.error, 'erasing the database'));
        request.onblocked = () => this.setStatus({ blocked: true });
      });
      this.setStatus({ blocked: false });
    }
    await this.reopen(this.backend.mode);
    this.channel?.postMessage({ from: this.id, stores: ['entries', 'revisions', 'progress', 'practice', 'playback', 'settings', 'quarantine'] } satisfies ChangeMessage);
  }

  setStatus(patch: Partial<StorageStatus>): void {
    const next = { ...this.current, ...patch };
    if (!patch.reason && next.mode !== 'memory') delete next.reason;
    if (Object.entries(next).every(([k, v]) => this.current[k as keyof StorageStatus] === v)) return;
    this.current = next;
    this.options.onStatus(next);
  }

  close(): void {
    this.channel?.close();
    this.backend?.close();
  }

  private failed(error: StorageError): StorageError {
    if (error.code === 'quota-exceeded') this.setStatus({ full: true });
    return error;
  }

  private async open(mode: StorageMode = this.options.storage ?? 'indexeddb'): Promise<void> {
    // Asked while the database opens, not after: both are answered off the page's thread.
    const asking = mode === 'indexeddb' ? navigator.storage?.persisted?.().catch(() => null) : undefined;
    const { backend, reason, outdated } = await this.connect(mode);
    this.backend = backend;
    const persisted = backend.mode === 'indexeddb' ? ((await asking) ?? null) : null;
    this.setStatus({ mode: backend.mode, reason, persisted, outdated: outdated ?? false });
  }

  private reopen(mode?: StorageMode): Promise<void> {
    this.reopening ??= this.open(mode).finally(() => {
      this.reopening = undefined;
    });
    return this.reopening;
  }

  private async connect(mode: StorageMode): Promise<{ backend: Backend; reason?: string; outdated?: boolean }> {
    if (mode === 'memory') {
      return { backend: await inMemory(), reason: 'This page was set to keep entries in memory only: they are gone when it closes. Export anything you want to keep.' };
    }
    if (typeof indexedDB === 'undefined' || !indexedDB) {
      return { backend: await inMemory(), reason: 'This browser offers no storage here (private browsing or a blocked site), so entries last only until the page closes. Export anything you want to keep.' };
    }
    const timeoutMs = this.options.openTimeoutMs ?? 5000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const opening = openIndexedDb(this.name, {
      onBlocked: () => this.setStatus({ blocked: true }),
      onVersionChange: () => void this.reopen(),
      onTerminated: () => void this.reopen(),
    });
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    let winner: { db: Awaited<typeof opening> } | { error: StorageError } | 'timeout';
    try {
      winner = await Promise.race([
        opening.then(
          (db) => ({ db }),
          (error: unknown) => ({ error: toStorageError(error, 'opening storage') }),
        ),
        timedOut,
      ]);
    } finally {
      clearTimeout(timer);
    }
    if (winner === 'timeout') {
      // A late success must not hold a connection nobody uses.
      opening.then((db) => db.close(), () => undefined);
      return { backend: await inMemory(), reason: `Storage did not open within ${Math.round(timeoutMs / 1000)} seconds, so entries last only until this page closes. Export anything you want to keep, then try reloading.` };
    }
    if ('error' in winner) {
      const outdated = winner.error.code === 'version-too-new';
      return {
        backend: await inMemory(),
        outdated,
        reason: outdated
          ? 'A newer version of this program upgraded your storage in another tab. Reload this page to see your entries.'
          : `Storage could not be opened (${winner.error.message}), so entries last only until this page closes. Export anything you want to keep.`,
      };
    }
    this.setStatus({ blocked: false });
    return { backend: new IndexedDbBackend(winner.db) };
  }
}

/**
 * The stand-in that keeps records in memory for this page (its code loads only when needed). When
 * even that cannot load (offline, on a page whose IndexedDB also failed), nothing can be kept.
 */
async function inMemory(): Promise<Backend> {
  try {
    return new (await import('./memory-backend.js')).MemoryBackend();
  } catch (cause) {
    throw new StorageError('unavailable', 'Storage could not be opened on this page, and its in-memory stand-in could not be loaded either: check the connection and reload the page.', { cause });
  }
}
