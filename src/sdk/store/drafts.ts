import { Observable } from '../observable.js';
import { loadWriteCode, type JournalRepository } from './journal.js';
import type { ProgressRepository } from './progress.js';
import type { EntryDraft, Sealed } from './records.js';
import type { TextSealer } from './sealing.js';
import { DRAFT_PREFIX } from './journal-slot.js';

/**
 * Write-ahead drafts (D2). An IndexedDB write started while a tab closes or navigates often never
 * commits, so everything a participant types is also copied, synchronously, into `localStorage`,
 * which does survive. The copy is removed once the same text has committed to IndexedDB; a copy
 * left behind by a page that died is recovered the next time the program opens.
 *
 * With the passphrase lock on, a copy is never written in plain text: it is sealed with the
 * journal's key a moment after each input (the measured window is in docs/reflection-journal.md),
 * and nothing is copied while the journal is locked.
 */

export const DRAFT_KINDS = ['entry', 'step-note'] as const;
/** `entry`: a journal entry (the journal, a course reflection, the player's check-in). `step-note`: a course practice note. */
export type DraftKind = (typeof DRAFT_KINDS)[number];

export interface EntryDraftValue {
  entry: EntryDraft & { id: string };
  /** The stored revision the text was based on; undefined for an entry never saved. */
  base?: number;
  /**
   * The revision a save from this page was writing when the copy was taken. If the page died
   * after that save committed, the stored entry has this revision and is this page's own text,
   * not another tab's, so the copy is saved over it rather than kept aside.
   */
  saving?: number;
}
export interface StepNoteDraftValue {
  stepId: string;
  note: string;
}
export interface DraftValues {
  entry: EntryDraftValue;
  'step-note': StepNoteDraftValue;
}

/** What recovery did with one draft, for the calm line the elements show. */
export interface RecoveredDraft {
  kind: DraftKind;
  /** The entry id or the step id. */
  id: string;
  /** When the participant last typed it (epoch ms). */
  writtenAt: number;
  /**
   * `saved`: saved as the current text. `copy`: the stored entry had moved on (another tab, a
   * conflict left open), so the text was kept in the entry's History as a labelled copy.
   * `restored`: a note for a step not yet done, put back in its field (the course shows it).
   */
  outcome: 'saved' | 'copy' | 'restored';
}

export interface DraftsSnapshot {
  recovered: readonly RecoveredDraft[];
}

/** The stored form of one copy: plain while the lock is off, sealed while it is on. */
export interface StoredDraft {
  v: 1;
  kind: DraftKind;
  id: string;
  /** The tab that wrote it; a copy whose tab still answers is that tab's business. */
  tab: string;
  /** Increases with every write from one tab. */
  seq: number;
  at: number;
  plain?: unknown;
  sealed?: Sealed;
}

interface Pending {
  kind: DraftKind;
  id: string;
  seq: number;
  at: number;
  value: unknown;
}

/** What recovery (draft-recovery.ts, loaded when copies are found) reads and changes here. */
export interface DraftsPort {
  readonly tab: string;
  readonly prefix: string;
  /** The channel tabs answer on, when the browser has one. */
  readonly channel: string | undefined;
  readonly sealer: TextSealer;
  readonly journal: JournalRepository;
  readonly progress: ProgressRepository;
  keys(): string[];
  read(key: string): StoredDraft | undefined;
  remove(key: string): void;
  /** A recovered note for a step not yet done becomes this page's unsaved note again. */
  adoptNote(stepId: string, note: string, at: number): void;
}

const PREFIX = DRAFT_PREFIX;

/** `localStorage`, or undefined where it is missing or throws (sandboxed frames, some private modes). */
function storageArea(): Storage | undefined {
  try {
    const s = globalThis.localStorage;
    return s ?? undefined;
  } catch {
    return undefined;
  }
}

/** The write-ahead copies of one program's unsaved text on this device. */
export class DraftStore extends Observable<DraftsSnapshot> {
  /** This page's id in the copies it writes. */
  readonly tab = crypto.randomUUID();
  private readonly prefix: string;
  private readonly area: Storage | undefined;
  private readonly channel: BroadcastChannel | undefined;
  /** This tab's copies not yet settled, newest value each. */
  private readonly own = new Map<string, Pending>();
  private readonly sealing = new Map<string, Promise<void>>();
  private seq = 0;
  private readonly onHide = (): void => this.flush();
  private recovering: Promise<readonly RecoveredDraft[]> | undefined;
  private closed = false;
  private writeCodeAsked = false;
  private readonly stopSealer: () => void;

  constructor(
    programId: string,
    private readonly options: {
      /** False in memory-only mode: nothing is kept on the device then, not even a draft. */
      enabled: () => boolean;
      sealer: TextSealer;
      journal: JournalRepository;
      progress: ProgressRepository;
    },
  ) {
    super({ recovered: [] });
    this.prefix = `${PREFIX}${programId}:`;
    this.area = storageArea();
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(`${PREFIX}${programId}`);
      this.channel.onmessage = (e: MessageEvent<{ ping?: string; pong?: string }>) => {
        if (e.data?.ping && !this.closed) this.channel?.postMessage({ pong: this.tab });
      };
    }
    // D2: the last moment a closing tab runs script. Copies are written on every input already;
    // writing the newest once more here costs little and covers a write that failed earlier.
    if (typeof addEventListener === 'function') {
      addEventListener('pagehide', this.onHide);
      document.addEventListener('visibilitychange', this.onHide);
    }
    // The lock was turned on, off, opened or closed: rewrite this tab's copies in the new form.
    this.stopSealer = options.sealer.onChange(() => {
      for (const p of this.own.values()) this.write(p);
      if (options.sealer.state === 'unlocked') void this.recover();
    });
  }

  /** Whether copies are being kept at all (not in memory-only mode, and the browser allows it). */
  get available(): boolean {
    return !!this.area && this.options.enabled();
  }

  /**
   * Copies unsaved text now (synchronously while the lock is off). Returns a number to pass to
   * `settle` once this text, or a later one, has committed.
   */
  keep<K extends DraftKind>(kind: K, id: string, value: DraftValues[K]): number {
    const seq = ++this.seq;
    const pending: Pending = { kind, id, seq, at: Date.now(), value: structuredClone(value) };
    this.own.set(this.key(kind, id), pending);
    this.write(pending);
    // Text typed into an entry is saved next: the journal's write code starts downloading now.
    if (kind === 'entry' && !this.writeCodeAsked) {
      this.writeCodeAsked = true;
      loadWriteCode().catch(() => undefined);
    }
    return seq;
  }

  /** Updates the copy's bookkeeping (e.g. the revision a save is writing) without counting it as new text. */
  mark(kind: 'entry', id: string, patch: Pick<EntryDraftValue, 'saving'>): void {
    const p = this.own.get(this.key(kind, id));
    if (!p) return;
    p.value = { ...(p.value as EntryDraftValue), ...patch };
    this.write(p);
  }

  /** The text written up to `seq` has committed: remove the copy unless something newer was typed since. */
  settle(kind: DraftKind, id: string, seq: number): void {
    const key = this.key(kind, id);
    const mine = this.own.get(key);
    if (mine && mine.seq > seq) return;
    this.own.delete(key);
    const stored = this.readRaw(key);
    if (!stored || stored.seq <= seq) this.remove(key);
  }

  /** The participant threw this text away on purpose (deleted the entry, skipped the check-in). */
  discard(kind: DraftKind, id: string): void {
    const key = this.key(kind, id);
    this.own.delete(key);
    this.remove(key);
  }

  /** `pagehide` / hidden: write the newest text of every open copy once more. */
  flush(): void {
    for (const p of this.own.values()) this.write(p);
  }

  /** A step note typed earlier and never saved (restored into the course's field). */
  stepNote(stepId: string): { note: string; writtenAt: number } | undefined {
    const mine = this.own.get(this.key('step-note', stepId));
    if (mine) return { note: (mine.value as StepNoteDraftValue).note, writtenAt: mine.at };
    return undefined;
  }

  /**
   * Finds copies left by pages that are gone and recovers them: an entry is saved (or, when the
   * stored entry moved on, kept as a labelled copy in its History); a note for a done step is
   * saved with it; a note for a step not done becomes this page's unsaved note again.
   * Copies sealed while the journal is locked wait for the unlock. Safe to call often.
   */
  recover(): Promise<readonly RecoveredDraft[]> {
    if (this.recovering) return this.recovering;
    const run = this.recoverNow().finally(() => {
      if (this.recovering === run) this.recovering = undefined;
    });
    this.recovering = run;
    return run;
  }

  /** Stops answering other tabs; this tab's copies stay for the next open to recover. */
  close(): void {
    this.closed = true;
    this.stopSealer();
    if (typeof removeEventListener === 'function') {
      removeEventListener('pagehide', this.onHide);
      document.removeEventListener('visibilitychange', this.onHide);
    }
    this.channel?.close();
  }

  // ---- internals ----

  /** One key per tab: two tabs editing one entry each keep their own copy. */
  private key(kind: DraftKind, id: string, tab = this.tab): string {
    return `${this.prefix}${kind}:${tab}:${id}`;
  }

  private write(p: Pending): void {
    if (!this.available || this.closed) return;
    const state = this.options.sealer.state;
    const key = this.key(p.kind, p.id);
    if (state === 'off') {
      this.put(key, { v: 1, kind: p.kind, id: p.id, tab: this.tab, seq: p.seq, at: p.at, plain: p.value });
    } else if (state === 'unlocked') {
      this.sealSoon(key);
    }
    // Locked (or not yet known): never plain text; the words stay on screen until they can be saved.
  }

  /** Seals the newest value of a copy; one sealing at a time per copy, always ending on the newest. */
  private sealSoon(key: string): void {
    if (this.sealing.has(key)) return;
    const run = (async () => {
      for (;;) {
        const p = this.own.get(key);
        if (!p || this.options.sealer.state !== 'unlocked') return;
        let sealed: Sealed;
        try {
          sealed = await this.options.sealer.sealValue('draft', `${p.kind}:${p.id}`, p.value);
        } catch {
          return;
        }
        const now = this.own.get(key);
        // Settled while sealing: the text is stored, no copy is needed.
        if (!now) return;
        if (this.options.sealer.state === 'unlocked') this.put(key, { v: 1, kind: p.kind, id: p.id, tab: this.tab, seq: p.seq, at: p.at, sealed });
        if (now.seq === p.seq) return;
      }
    })().finally(() => this.sealing.delete(key));
    this.sealing.set(key, run);
  }

  private put(key: string, record: StoredDraft): void {
    try {
      this.area?.setItem(key, JSON.stringify(record));
    } catch {
      // Full or refused: the IndexedDB save still runs; this copy is only the second line.
    }
  }

  private remove(key: string): void {
    try {
      this.area?.removeItem(key);
    } catch {
      // Nothing to do: a stale copy is recognised as already saved when it is recovered.
    }
  }

  private readRaw(key: string): StoredDraft | undefined {
    let text: string | null = null;
    try {
      text = this.area?.getItem(key) ?? null;
    } catch {
      return undefined;
    }
    if (!text) return undefined;
    try {
      const r = JSON.parse(text) as StoredDraft;
      const ok = r && r.v === 1 && (DRAFT_KINDS as readonly string[]).includes(r.kind) && typeof r.id === 'string' && typeof r.tab === 'string' && Number.isFinite(r.at) && Number.isFinite(r.seq);
      return ok ? r : undefined;
    } catch {
      return undefined;
    }
  }

  private keys(): string[] {
    const out: string[] = [];
    const area = this.area;
    if (!area) return out;
    try {
      for (let i = 0; i < area.length; i++) {
        const k = area.key(i);
        if (k?.startsWith(this.prefix)) out.push(k);
      }
    } catch {
      // Storage refused: nothing to recover.
    }
    return out;
  }

  private async recoverNow(): Promise<readonly RecoveredDraft[]> {
    if (!this.available || this.closed) return [];
    // The small check every open makes; the recovery code loads only when another page left copies.
    if (!this.keys().some((k) => this.readRaw(k)?.tab !== this.tab)) return [];
    const { recoverCopies } = await import('./draft-recovery.js');
    const { journal, progress } = this.options;
    const done = await recoverCopies({
      tab: this.tab,
      prefix: this.prefix,
      channel: this.channel?.name,
      sealer: this.options.sealer,
      journal,
      progress,
      keys: () => this.keys(),
      read: (key) => this.readRaw(key),
      remove: (key) => this.remove(key),
      adoptNote: (stepId, note, at) => {
        const adopted: Pending = { kind: 'step-note', id: stepId, seq: ++this.seq, at, value: { stepId, note } };
        this.own.set(this.key('step-note', stepId), adopted);
        this.write(adopted);
      },
    });
    if (done.length) this.set({ recovered: [...this.snapshot.recovered, ...done] });
    return done;
  }
}
