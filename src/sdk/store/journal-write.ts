import { ConflictError, StorageError } from '../errors.js';
import type { Tx } from './backend.js';
import { REVISIONS_KEPT, flat, type EntryCipher, type JournalInside, type SaveOptions, type SealedContent } from './journal.js';
import { REVISION_LABELS, type EntryDraft, type EntryRevision, type FieldValue, type JournalEntry, type RevisionLabel } from './records.js';
import { LOCK_SETTING_KEY, lockChangedError, lockKeyId, lockedError } from './sealing.js';
import { journalRecordProblem as recordProblem } from './validate-entries.js';

// What the journal does beyond reading it: saving, revisions, kept copies, deleting, the tag and
// week look-ups and the lock record's replacement. JournalRepository (journal.ts) loads this the
// first time one of those is called, so a page that only shows the list never downloads it; the
// first keystroke in an entry starts the download (drafts.ts), before the first save needs it.

/** Saves an entry durably (see JournalRepository.save). */
export async function save(j: JournalInside, draft: EntryDraft, options: SaveOptions): Promise<JournalEntry> {
  const now = Date.now();
  const id = draft.id ?? crypto.randomUUID();
  const cipher = j.cipher();
  // Crypto cannot run inside an IndexedDB transaction (it would auto-commit), so seal first,
  // through the one sealing path: every field that is not bookkeeping is sealed.
  let content: SealedContent | undefined;
  let sealedDraft: JournalEntry | undefined;
  if (cipher) {
    const base = draft.title === undefined || draft.tags === undefined ? await getReadable(j, id, cipher) : undefined;
    content = { title: draft.title ?? base?.title ?? '', fields: { ...draft.fields }, tags: normaliseTags(draft.tags ?? base?.tags ?? []) };
    const { sealed: _stale, ...plainDraft } = draft as EntryDraft & { sealed?: JournalEntry['sealed'] };
    sealedDraft = await (await import('./sealed-records.js')).sealRecord(cipher, 'entries', clean({ ...plainDraft, ...content, id }) as JournalEntry);
  }
  const sealed = sealedDraft?.sealed;
  const known = j.revisionKeys.get(id);
  const held = j.snapshot().entries.find((e) => e.id === id);
  // The revision this save will most likely write, from what this tab knows: checked free in storage with the other reads.
  const guess = known && nextRevision(held, known);
  /** The entry to store over `stored` with `revisions` kept, and the revisions to prune. */
  const next = (stored: JournalEntry | undefined, revisions: readonly { revision: number; labelled: boolean }[]) => {
    const entry: JournalEntry = clean({
      ...stored,
      ...(sealedDraft ?? draft),
      id,
      title: sealed ? '' : (draft.title ?? stored?.title ?? ''),
      tags: sealed ? [] : normaliseTags(draft.tags ?? stored?.tags ?? []),
      fields: sealed ? {} : { ...draft.fields },
      sealed,
      createdAt: stored?.createdAt ?? now,
      updatedAt: Math.max(now, (stored?.updatedAt ?? 0) + 1),
      // Above every kept revision too (copies and imports add some): a save never writes over one.
      revision: nextRevision(stored, revisions),
    });
    const problem = recordProblem('entries', entry);
    if (problem) throw new StorageError('invalid-record', `Entry "${id}" cannot be saved: ${problem}.`);
    const added = revisionOf(entry);
    const all = [...revisions, { revision: added.revision, labelled: false }];
    const pruned = prunable(all);
    return { entry, added, pruned, kept: all.filter((r) => !pruned.includes(r.revision)) };
  };
  const put = (tx: Tx, { entry, added, pruned }: ReturnType<typeof next>) => Promise.all([tx.put('entries', entry), tx.put('revisions', added), ...pruned.map((n) => tx.delete('revisions', `${id}:${n}`))]);

  // The usual save (the lock off, an entry this tab shows and whose revisions it knows, no conflict
  // expected) writes in the same moment it reads: the entry as this tab holds it is taken to be
  // what is stored, the writes are queued behind the reads, and the reads then confirm it (the
  // lock still off, the stored entry the same, the revision's key free). Anything else aborts the
  // transaction, so nothing of the guess is stored, and the save runs again the careful way below.
  // One round trip less: autosave while typing is most of the journal's writes.
  const assumed = !cipher && j.repo.sealing.state === 'off' && held && !held.sealed && guess !== undefined && (options.force || options.expectedRevision === undefined || options.expectedRevision === held.revision) ? held : undefined;
  const quick = assumed
    ? await j.db
        .write(['entries', 'revisions', 'settings'], async (tx) => {
          const reads = Promise.all([checkLock(tx, undefined).then(() => true, () => false), tx.get('entries', id), tx.count('revisions', undefined, `${id}:${guess}`)]);
          const planned = next(assumed, known!);
          const written = put(tx, planned);
          written.catch(() => undefined); // an abort below rejects the queued writes; awaited when it holds
          const [lockOff, stored, taken] = await reads;
          if (!lockOff || taken || !stored || JSON.stringify(stored) !== JSON.stringify(assumed)) throw new GuessedWrong();
          await written;
          return { ...planned, created: false, stored };
        }, 'saving your entry')
        .catch((error: unknown) => {
          if (error instanceof GuessedWrong) return undefined;
          throw error;
        })
    : undefined;
  const result =
    quick ??
    (await j.db.write(['entries', 'revisions', 'settings'], async (tx) => {
      // Every read at once, and none of them reads text: the lock record, the stored entry (for the
      // conflict check) and, unless this tab knows them, the keys of its revisions with the labelled
      // ones that are never pruned; if it knows them, only whether the next revision's key is free.
      const [, stored, read, taken] = await Promise.all([
        checkLock(tx, cipher),
        tx.get('entries', id),
        known ? undefined : revisionNumbers(tx, id),
        guess === undefined ? 0 : tx.count('revisions', undefined, `${id}:${guess}`),
      ]);
      let revisions = read ?? known!;
      // Another tab added revisions this one has not heard of yet, or the entry moved on: read the keys.
      if (!read && (taken || nextRevision(stored, revisions) !== guess)) revisions = await revisionNumbers(tx, id);
      if (stored && options.expectedRevision !== undefined && !options.force && stored.revision !== options.expectedRevision) {
        throw new ConflictError(id, options.expectedRevision, stored.revision);
      }
      const planned = next(stored, revisions);
      // Queued together; the transaction commits once all have run.
      await put(tx, planned);
      return { ...planned, created: !stored, stored };
    }, 'saving your entry'));
  j.revisionKeys.set(id, result.kept);
  const shown = content ? j.markOpened({ ...result.entry, ...content }) : result.entry;
  j.changed(id, shown, result.stored);
  j.saved({ entry: shown, created: result.created });
  return shown;
}

/** A quick save's guess did not hold: its transaction is aborted and the save runs the careful way. */
class GuessedWrong extends StorageError {
  constructor() {
    super('write-failed', 'The stored entry was not the one this tab holds.');
  }
}

/** Removes an entry and all its revisions for good. */
export async function purge(j: JournalInside, id: string): Promise<void> {
  const before = await j.db.write(['entries', 'revisions'], async (tx) => {
    const [stored, keys] = await Promise.all([tx.get('entries', id), tx.getAllKeys('revisions', 'entryId', id)]);
    await Promise.all([tx.delete('entries', id), ...keys.map((key) => tx.delete('revisions', key))]);
    return stored;
  }, 'deleting an entry');
  j.revisionKeys.delete(id);
  j.changed(id, undefined, before);
}

/** The kept revisions of an entry, newest first. */
export async function revisions(j: JournalInside, id: string): Promise<EntryRevision[]> {
  const list = await j.db.read(['revisions'], (tx) => tx.getAll('revisions', 'entryId', id));
  const cipher = j.cipher();
  const shown = await Promise.all(
    list.map(async (r) => {
      const content = r.sealed && cipher ? await j.openContent(r.entryId, r.sealed, cipher) : undefined;
      return content ? j.markOpened({ ...r, ...content }) : r;
    }),
  );
  return shown.sort((a, b) => b.revision - a.revision);
}

/** Makes an old revision the current text again, as a new revision (nothing is lost). */
export async function restoreRevision(j: JournalInside, id: string, revision: number): Promise<JournalEntry> {
  const old = await j.db.read(['revisions'], (tx) => tx.get('revisions', `${id}:${revision}`));
  const current = await j.repo.get(id);
  if (!old || !current) throw new StorageError('not-found', `Revision ${revision} of entry "${id}" is not kept any more.`);
  let content: SealedContent = { title: old.title, fields: old.fields, tags: old.tags };
  if (old.sealed) {
    const cipher = j.cipher();
    if (!cipher) throw lockedError();
    content = flat(await cipher.open(id, old.sealed));
  }
  const { sealed: _sealed, ...rest } = current;
  return j.repo.save({ ...rest, ...content }, { force: true });
}

/** Adds a labelled revision beside the stored ones (see JournalRepository.keepCopy). */
export async function keepCopy(
  j: JournalInside,
  entryId: string,
  content: { title: string; fields: Record<string, FieldValue>; tags: readonly string[]; templateId?: string; weekId?: string; stepId?: string; prompt?: string },
  label: RevisionLabel,
  savedAt: number,
): Promise<EntryRevision> {
  if (!(REVISION_LABELS as readonly string[]).includes(label)) throw new StorageError('invalid-record', `A kept copy of entry "${entryId}" needs a label (${REVISION_LABELS.join(', ')}), not "${String(label)}".`);
  const cipher = j.cipher();
  const plain: SealedContent = { title: content.title, fields: { ...content.fields }, tags: normaliseTags(content.tags) };
  const sealed = cipher ? await cipher.seal(entryId, plain) : undefined;
  const stored = sealed ? { title: '', fields: {}, tags: [] as string[], sealed } : plain;
  const result = await j.db.write(['entries', 'revisions', 'settings'], async (tx) => {
    const [, entry, revisions] = await Promise.all([checkLock(tx, cipher), tx.get('entries', entryId), revisionNumbers(tx, entryId)]);
    const revision = nextRevision(entry, revisions);
    const copy: EntryRevision = clean({ key: `${entryId}:${revision}`, entryId, revision, savedAt, ...stored, label });
    const problem = recordProblem('revisions', copy);
    if (problem) throw new StorageError('invalid-record', `The copy of entry "${entryId}" cannot be kept: ${problem}.`);
    await tx.put('revisions', copy);
    let created: JournalEntry | undefined;
    if (!entry) {
      created = clean({
        id: entryId,
        templateId: content.templateId ?? 'free-reflection',
        weekId: content.weekId,
        stepId: content.stepId,
        prompt: content.prompt,
        ...stored,
        createdAt: savedAt,
        updatedAt: Math.max(savedAt, Date.now()),
        revision,
      });
      const bad = recordProblem('entries', created);
      if (bad) throw new StorageError('invalid-record', `Entry "${entryId}" cannot be recreated from its copy: ${bad}.`);
      await tx.put('entries', created);
    }
    return { copy, created };
  }, 'keeping a copy of your text');
  j.revisionKeys.delete(entryId);
  if (result.created) {
    const shown = sealed ? j.markOpened({ ...result.created, ...plain }) : result.created;
    j.changed(entryId, shown, undefined);
    j.saved({ entry: shown, created: true });
  }
  return sealed ? j.markOpened({ ...result.copy, ...plain }) : result.copy;
}

/** Changes an entry's bookkeeping (deleted or restored), keeping its opened text in the snapshot. */
export async function patch(j: JournalInside, id: string, change: Partial<JournalEntry>): Promise<void> {
  const { entry, stored } = await j.db.write(['entries'], async (tx) => {
    const stored = await tx.get('entries', id);
    if (!stored) throw new StorageError('not-found', `Entry "${id}" does not exist.`);
    const next = clean({ ...stored, ...change });
    await tx.put('entries', next);
    return { entry: next, stored };
  }, 'updating an entry');
  // Keep the opened text in the snapshot: storage holds only the sealed form.
  const { entries, deleted } = j.snapshot();
  let known = [...entries, ...deleted].find((e) => e.id === id);
  const cipher = j.cipher();
  if (entry.sealed && !(known && j.isOpened(known)) && cipher) known = (await j.openEntry(entry, cipher)).entry;
  const shown = entry.sealed && known && j.isOpened(known) ? j.markOpened({ ...entry, title: known.title, fields: known.fields, tags: known.tags }) : entry;
  j.changed(id, shown, stored);
}

/** Rewrites every store for the lock (see JournalRepository.relock), then re-reads the journal. */
export async function relock(j: JournalInside, change: { record: unknown; expectKeyId: string | null; seal?: EntryCipher; open?: EntryCipher }, onProgress?: (done: number, total: number) => void): Promise<void> {
  // Rewriting every store runs only when the lock is turned on, off or unlocked: a lazy chunk.
  const { rewriteForLock } = await import('./relock.js');
  const { repo } = j;
  const wrote = await rewriteForLock(j.db, repo.sealing, change, onProgress);
  // An unlock with everything already sealed changes nothing: the journal was just read with this key.
  const unchanged = !wrote && j.cipher() === change.seal;
  repo.sealing.use(change.seal, change.record === null ? null : lockKeyId(change.record) ?? null);
  if (unchanged && repo.snapshot.loaded) return;
  if (repo.snapshot.loaded) await repo.reload();
  else await repo.load();
}

/** Replaces the lock record (new passphrase or auto-lock time) if it still has key id `expectKeyId`. */
export async function replaceLockRecord(j: JournalInside, record: { keyId: string }, expectKeyId: string): Promise<void> {
  await j.db.write(['settings'], async (tx) => {
    const lock = await tx.get('settings', LOCK_SETTING_KEY);
    if (lockKeyId(lock?.value) !== expectKeyId || record.keyId !== expectKeyId) throw lockChangedError();
    await tx.put('settings', { key: LOCK_SETTING_KEY, value: record });
  }, 'saving the journal lock');
}

/** The revision number for the next version of an entry: above the entry's counter and every kept revision. */
export function nextRevision(entry: JournalEntry | undefined, revisions: readonly { revision: number }[]): number {
  return Math.max(entry?.revision ?? 0, ...revisions.map((r) => r.revision)) + 1;
}

/** An entry's kept revisions as numbers, from keys alone (`<entryId>:<revision>`), each marked when it is a labelled copy. */
async function revisionNumbers(tx: Tx, entryId: string): Promise<{ revision: number; labelled: boolean }[]> {
  const [keys, labelled] = await Promise.all([tx.getAllKeys('revisions', 'entryId', entryId), tx.getAllKeys('revisions', 'label')]);
  const copies = new Set(labelled.map(String));
  return keys.map((key) => ({ revision: Number(String(key).slice(entryId.length + 1)), labelled: copies.has(String(key)) }));
}

/**
 * The revision numbers to drop so that REVISIONS_KEPT ordinary ones remain. Labelled copies (a
 * conflict's or an import's other text) are never pruned: they go only with their entry.
 */
export function prunable(revisions: readonly { revision: number; labelled: boolean }[]): number[] {
  const ordinary = revisions.filter((r) => !r.labelled).map((r) => r.revision).sort((a, b) => a - b);
  return ordinary.slice(0, Math.max(0, ordinary.length - REVISIONS_KEPT));
}

/** Reads an entry for a merge; a sealed one must open, or the merge would write over it blind. */
async function getReadable(j: JournalInside, id: string, cipher: EntryCipher): Promise<JournalEntry | undefined> {
  const row = await j.db.read(['entries'], (tx) => tx.get('entries', id));
  if (!row) return undefined;
  if (!row.sealed) return row;
  return { ...row, ...flat(await cipher.open(id, row.sealed)) };
}

/** With the lock on, only a cipher for the stored key may write; with it off, only plaintext. */
async function checkLock(tx: Tx, cipher: EntryCipher | undefined): Promise<void> {
  const keyId = lockKeyId((await tx.get('settings', LOCK_SETTING_KEY))?.value);
  if (cipher ? keyId !== cipher.keyId : keyId !== undefined) throw cipher ? lockChangedError() : lockedError();
}

function revisionOf(entry: JournalEntry): EntryRevision {
  const r: EntryRevision = { key: `${entry.id}:${entry.revision}`, entryId: entry.id, revision: entry.revision, savedAt: entry.updatedAt, title: entry.title, fields: entry.fields, tags: entry.tags };
  if (entry.sealed) r.sealed = entry.sealed;
  return r;
}

function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/** Drops keys whose value is undefined, so records stay plain JSON. */
function clean<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
