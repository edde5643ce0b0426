import { ConflictError, StorageError } from '../errors.js';
import type { DraftsPort, EntryDraftValue, RecoveredDraft, StepNoteDraftValue, StoredDraft } from './drafts.js';
import type { EntryDraft, JournalEntry } from './records.js';

/**
 * Recovery of the write-ahead copies left by pages that are gone (D2), loaded only when this device
 * holds such copies: drafts.ts checks the key names first, which is cheap, and writing a copy needs
 * none of this.
 */

const PING_MS = 150;

/**
 * Recovers every copy whose tab no longer answers: an entry is saved (or, when the stored entry
 * moved on, kept as a labelled copy in its History); a note for a done step is saved with it; a
 * note for a step not done becomes this page's unsaved note again. Sealed copies wait for the unlock.
 */
export async function recoverCopies(port: DraftsPort): Promise<RecoveredDraft[]> {
  const { journal, progress } = port;
  // D3: nothing is written before the journal and progress have been read.
  await Promise.all([journal.load(), progress.snapshot.loaded ? undefined : progress.load()]);
  const live = await liveTabs(port);
  const work = async (): Promise<RecoveredDraft[]> => {
    const done: RecoveredDraft[] = [];
    for (const key of port.keys()) {
      const record = port.read(key);
      if (!record) {
        port.remove(key);
        continue;
      }
      if (live.has(record.tab)) continue;
      const value = await open(port, key, record);
      if (value === undefined) continue;
      const outcome = await recoverOne(port, key, record, value).catch(() => undefined);
      if (!outcome) continue;
      done.push({ kind: record.kind, id: record.id, writtenAt: record.at, outcome });
    }
    return done;
  };
  // Two tabs opening at once must not both recover one copy.
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? await locks.request(`${port.prefix}recover`, work) : await work();
}

/** The tabs that answer within a moment: their copies are still being looked after. */
async function liveTabs(port: DraftsPort): Promise<Set<string>> {
  const live = new Set<string>([port.tab]);
  if (!port.channel || typeof BroadcastChannel === 'undefined') return live;
  const listen = new BroadcastChannel(port.channel);
  listen.onmessage = (e: MessageEvent<{ pong?: string }>) => {
    if (typeof e.data?.pong === 'string') live.add(e.data.pong);
  };
  listen.postMessage({ ping: port.tab });
  await new Promise((r) => setTimeout(r, PING_MS));
  listen.close();
  return live;
}

/** The copy's value, or undefined while it cannot be opened (locked) or when it is damaged. */
async function open(port: DraftsPort, key: string, record: StoredDraft): Promise<unknown> {
  if (record.plain !== undefined) return record.plain;
  if (!record.sealed || port.sealer.state !== 'unlocked') return undefined;
  try {
    return await port.sealer.openValue('draft', `${record.kind}:${record.id}`, record.sealed);
  } catch (error) {
    // A copy sealed under a lock since turned off or replaced cannot be opened again.
    if (error instanceof StorageError && error.code === 'decrypt-failed') port.remove(key);
    return undefined;
  }
}

async function recoverOne(port: DraftsPort, key: string, record: StoredDraft, value: unknown): Promise<RecoveredDraft['outcome'] | undefined> {
  const drop = (): undefined => {
    port.remove(key);
    return undefined;
  };
  if (record.kind === 'step-note') {
    const { stepId, note } = value as StepNoteDraftValue;
    if (typeof stepId !== 'string' || typeof note !== 'string') return drop();
    const progress = port.progress;
    const stored = progress.snapshot.completed.get(stepId);
    if (stored && (stored.note ?? '') === note.trim()) return drop();
    if (stored) {
      await progress.complete(stepId, { note: note.trim() });
      port.remove(key);
      return 'saved';
    }
    // Not done yet: the note becomes this page's unsaved note (the course shows it in its field).
    port.adoptNote(stepId, note, record.at);
    port.remove(key);
    return 'restored';
  }
  const { entry: draft, base, saving } = value as EntryDraftValue;
  if (!draft || typeof draft.id !== 'string' || typeof draft.templateId !== 'string') return drop();
  const journal = port.journal;
  const stored = await journal.get(draft.id);
  if (stored && !journal.canRead(stored)) return undefined;
  if (stored && sameText(stored, draft)) return drop();
  const keepAside = async (): Promise<'copy'> => {
    await journal.keepCopy(draft.id, { title: draft.title ?? '', fields: { ...draft.fields }, tags: draft.tags ?? [] }, 'conflict-copy', record.at);
    port.remove(key);
    return 'copy';
  };
  if (stored && stored.revision !== base && stored.revision !== saving) return keepAside();
  try {
    await journal.save(draft, stored ? { expectedRevision: stored.revision } : {});
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return keepAside();
  }
  port.remove(key);
  return 'saved';
}

function sameText(stored: JournalEntry, draft: EntryDraft): boolean {
  return stored.title === (draft.title ?? stored.title) && stable(stored.fields) === stable(draft.fields) && (!draft.tags || stable(stored.tags) === stable(draft.tags));
}

/** JSON with object keys in one order, so two equal texts compare equal whatever order their fields were set in. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}
