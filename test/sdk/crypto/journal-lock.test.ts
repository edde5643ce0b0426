import { expect } from 'chai';
import {
  AesGcmEntryCipher,
  JournalLock,
  MIN_PBKDF2_ITERATIONS,
  journalLock,
  passphraseStrength,
  type LockRecord,
  type LockStatus,
} from '../../../src/sdk/crypto/index.js';
import { StorageError, type JournalEntry, type Sealed } from '../../../src/sdk/index.js';
import { LOCK_SETTING_KEY } from '../../../src/sdk/store/journal.js';
import { waitFor } from '../../helpers/fixture.js';
import { closeJournals, containsText, flipByte, openJournal, rawDatabase, rawUpdate, twinOf } from '../../fixtures/journal-helpers.js';

const PASS = 'quiet river morning lantern';
const SECRETS = ['Ich schäme mich 😔', 'أشعر بالخجل الشديد', 'zero\u200bwidth\u200djoiner', 'the critic says I am useless'];

async function seed(sdk: Awaited<ReturnType<typeof openJournal>>): Promise<JournalEntry[]> {
  const a = await sdk.journal.save({ templateId: 'free-reflection', title: SECRETS[0], fields: { reflection: SECRETS[1] }, tags: ['private-tag'] });
  const a2 = await sdk.journal.save({ ...a, fields: { reflection: `${SECRETS[1]} (edited)` } });
  const b = await sdk.journal.save({ templateId: 'self-criticism-log', title: 'log', fields: { 'critic-words': SECRETS[3], tone: 'harsh', feelings: ['ashamed', 'small'] }, tags: [SECRETS[2]] });
  return [a2, b];
}

async function expectError(promise: Promise<unknown>, code: string): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).code).to.equal(code);
    return error as StorageError;
  }
  throw new Error(`expected a StorageError "${code}"`);
}

afterEach(closeJournals);

describe('journal passphrase lock', () => {
  it('leaves no entry text, title or tag in any raw IndexedDB record once enabled, revisions included', async () => {
    const sdk = await openJournal();
    await seed(sdk);
    const before = await rawDatabase(sdk.id);
    expect(containsText(before, SECRETS[3]!)).to.equal(true);
    await journalLock(sdk).enable(PASS);
    const raw = await rawDatabase(sdk.id);
    for (const secret of [...SECRETS, 'private-tag', 'harsh', 'ashamed']) expect(containsText(raw, secret), secret).to.equal(false);
    for (const e of raw.entries as JournalEntry[]) {
      expect(e.title).to.equal('');
      expect(e.fields).to.deep.equal({});
      expect(e.tags).to.deep.equal([]);
      expect(e.sealed).to.have.keys('iv', 'data');
    }
    expect((raw.revisions as { sealed?: Sealed }[]).every((r) => r.sealed)).to.equal(true);
    // The opened text is still there for the participant.
    expect(sdk.journal.list({ query: 'useless' })).to.have.length(1);
  });

  it('stores a PBKDF2-SHA-256 wrapped key with at least 600,000 rounds, a random salt, and never the passphrase', async () => {
    const one = await openJournal();
    const two = await openJournal();
    await journalLock(one).enable(PASS);
    await journalLock(two).enable(PASS);
    const rec = (raw: Record<string, unknown[]>) => (raw.settings as { key: string; value: LockRecord }[]).find((s) => s.key === LOCK_SETTING_KEY)!.value;
    const r1 = rec(await rawDatabase(one.id));
    const r2 = rec(await rawDatabase(two.id));
    expect(r1.kdf).to.include({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(r1.kdf.iterations).to.be.at.least(600_000);
    expect(r1.kdf.salt).to.not.equal(r2.kdf.salt);
    expect(r1.wrapped.data).to.not.equal(r2.wrapped.data);
    expect(containsText(await rawDatabase(one.id), PASS)).to.equal(false);
    expect(containsText(await rawDatabase(one.id), 'quiet river')).to.equal(false);
  });

  it('uses a fresh 96-bit IV for every write and binds the entry id as additional data', async () => {
    const sdk = await openJournal();
    await journalLock(sdk).enable(PASS);
    const e = await sdk.journal.save({ templateId: 'free-reflection', title: 'same', fields: { reflection: 'same text' } });
    await sdk.journal.save({ ...e, fields: { reflection: 'same text' } });
    const revs = (await rawDatabase(sdk.id)).revisions as { sealed: Sealed }[];
    expect(revs).to.have.length(2);
    expect(revs[0]!.sealed.iv).to.not.equal(revs[1]!.sealed.iv);
    expect(atob(revs[0]!.sealed.iv)).to.have.length(12);
    expect(revs[0]!.sealed.data).to.not.equal(revs[1]!.sealed.data);
  });

  it('refuses a wrong passphrase with a clear error and changes nothing on disk', async () => {
    const sdk = await openJournal();
    await seed(sdk);
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await lock.lock();
    const before = await rawDatabase(sdk.id);
    const error = await expectError(lock.unlock('quiet river morning lanterns'), 'wrong-passphrase');
    expect(error.message).to.match(/does not open this journal.*Nothing was changed/);
    expect(lock.state).to.equal('locked');
    await expectError(lock.changePassphrase('not it at all', 'another long phrase'), 'wrong-passphrase');
    await expectError(lock.disable('not it at all'), 'wrong-passphrase');
    expect(await rawDatabase(sdk.id)).to.deep.equal(before);
    await lock.unlock(PASS);
    expect(sdk.journal.list({ query: 'useless' })).to.have.length(1);
  });

  it('drops the opened text from the snapshot when locked and refuses plaintext saves', async () => {
    const sdk = await openJournal();
    const [a] = await seed(sdk);
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await lock.lock();
    expect(sdk.journal.snapshot.lock).to.equal('locked');
    expect(containsText(sdk.journal.snapshot.entries, SECRETS[0]!)).to.equal(false);
    expect(sdk.journal.canRead(sdk.journal.snapshot.entries[0]!)).to.equal(false);
    await expectError(sdk.journal.save({ ...a!, fields: { reflection: 'plain' } }), 'locked');
    expect(containsText(await rawDatabase(sdk.id), 'plain')).to.equal(false);
  });

  it('opens every other entry when one stored ciphertext has a flipped byte, and names the damaged one', async () => {
    const sdk = await openJournal();
    const [a, b] = await seed(sdk);
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await lock.lock();
    await rawUpdate(sdk.id, 'entries', b!.id, (r) => ({ ...r, sealed: { ...(r.sealed as Sealed), data: flipByte((r.sealed as Sealed).data) } }));
    await lock.unlock(PASS);
    const snap = sdk.journal.snapshot;
    expect(snap.unreadable).to.deep.equal([b!.id]);
    const opened = snap.entries.find((e) => e.id === a!.id)!;
    expect(opened.title).to.equal(SECRETS[0]);
    const damaged = snap.entries.find((e) => e.id === b!.id)!;
    expect(sdk.journal.canRead(damaged)).to.equal(false);
    expect(damaged.fields).to.deep.equal({});
    // The integrity failure is reported clearly when asked directly.
    const cipher = new AesGcmEntryCipher(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']), 'x');
    const error = await expectError(cipher.open(b!.id, damaged.sealed!), 'decrypt-failed');
    expect(error.message).to.match(/could not be opened.*integrity check.*other entries are not affected/);
    // An older revision of the damaged entry still opens and can be restored.
    const revisions = await sdk.journal.revisions(b!.id);
    expect(sdk.journal.canRead(revisions[0]!)).to.equal(true);
    const restored = await sdk.journal.restoreRevision(b!.id, revisions[0]!.revision);
    expect(restored.fields['critic-words']).to.equal(SECRETS[3]);
    expect(sdk.journal.snapshot.unreadable).to.deep.equal([]);
  });

  it('fails closed when two entries swap ciphertexts', async () => {
    const sdk = await openJournal();
    const [a, b] = await seed(sdk);
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await lock.lock();
    const raw = (await rawDatabase(sdk.id)).entries as JournalEntry[];
    const sealedOf = (id: string) => raw.find((e) => e.id === id)!.sealed!;
    const [sa, sb] = [sealedOf(a!.id), sealedOf(b!.id)];
    await rawUpdate(sdk.id, 'entries', a!.id, (r) => ({ ...r, sealed: sb }));
    await rawUpdate(sdk.id, 'entries', b!.id, (r) => ({ ...r, sealed: sa }));
    await lock.unlock(PASS);
    expect([...sdk.journal.snapshot.unreadable!].sort()).to.deep.equal([a!.id, b!.id].sort());
  });

  it('changes the passphrase by re-wrapping the data key only: entries are untouched, the old passphrase stops working', async () => {
    const sdk = await openJournal();
    await seed(sdk);
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    const before = await rawDatabase(sdk.id);
    await lock.changePassphrase(PASS, 'a completely new phrase');
    const after = await rawDatabase(sdk.id);
    expect(after.entries).to.deep.equal(before.entries);
    expect(after.revisions).to.deep.equal(before.revisions);
    expect(after.settings).to.not.deep.equal(before.settings);
    await lock.lock();
    await expectError(lock.unlock(PASS), 'wrong-passphrase');
    await lock.unlock('a completely new phrase');
    expect(sdk.journal.list({ query: 'useless' })).to.have.length(1);
  });

  it('turns off again, storing every entry and revision as plain text, byte-exact', async () => {
    const sdk = await openJournal();
    await seed(sdk);
    const plain = await rawDatabase(sdk.id);
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    await lock.disable(PASS);
    expect(lock.state).to.equal('off');
    const raw = await rawDatabase(sdk.id);
    expect(raw.entries).to.deep.equal(plain.entries);
    expect(raw.revisions).to.deep.equal(plain.revisions);
    expect(raw.settings).to.deep.equal(plain.settings);
  });

  it('reports how far turning the lock on and off has come, record by record, and clears it when done', async () => {
    const sdk = await openJournal();
    await seed(sdk);
    // The records the rewrite goes through: every record of every store.
    const raw = await rawDatabase(sdk.id);
    const records = Object.values(raw).reduce((n, list) => n + (list as unknown[]).length, 0);
    const lock = journalLock(sdk);
    const seen: NonNullable<LockStatus['work']>[] = [];
    const stop = lock.subscribe((s) => s.work && seen.push(s.work));
    await lock.enable(PASS);
    expect(lock.snapshot.work, 'no progress left once on').to.equal(undefined);
    const on = seen.filter((w) => w.what === 'encrypting');
    expect(on[0]).to.include({ done: 0 });
    expect(on.at(-1)).to.include({ done: on.at(-1)!.total });
    expect(on.at(-1)!.total).to.be.at.least(records);
    expect(on.map((w) => w.done)).to.deep.equal([...on.map((w) => w.done)].sort((a, b) => a - b));
    seen.length = 0;
    await lock.disable(PASS);
    stop();
    const off = seen.filter((w) => w.what === 'opening');
    expect(off.length).to.be.greaterThan(1);
    expect(off.at(-1)).to.include({ done: off.at(-1)!.total });
    expect(lock.snapshot.work).to.equal(undefined);
  });

  it('makes an encrypted export that restores on a fresh device with the passphrase', async () => {
    const sdk = await openJournal();
    await seed(sdk);
    await journalLock(sdk).enable(PASS);
    await journalLock(sdk).lock();
    const text = await sdk.backup.exportText();
    for (const secret of SECRETS) expect(containsText(text, secret)).to.equal(false);
    await sdk.backup.erase();
    expect(sdk.journal.snapshot.entries).to.have.length(0);
    await sdk.backup.import(text);
    const lock = journalLock(sdk);
    await waitFor(() => lock.state === 'locked', 'the imported lock to be seen');
    await lock.unlock(PASS);
    expect(sdk.journal.list({ query: 'schäme' })).to.have.length(1);
  });

  it('seals entries saved while unlocked and entries that arrive unsealed, on unlock', async () => {
    const sdk = await openJournal();
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    const e = await sdk.journal.save({ templateId: 'free-reflection', title: 'Sealed on save', fields: { reflection: 'written while unlocked' } });
    expect(e.fields.reflection).to.equal('written while unlocked');
    expect(containsText(await rawDatabase(sdk.id), 'written while unlocked')).to.equal(false);
    await lock.lock();
    // A plaintext record slipped in (e.g. by an older version): unlocking seals it.
    await rawUpdate(sdk.id, 'entries', e.id, (r) => ({ ...r, id: 'stray', title: 'stray title', fields: { reflection: 'stray text' }, tags: [], sealed: undefined }));
    await lock.unlock(PASS);
    expect(containsText(await rawDatabase(sdk.id), 'stray text')).to.equal(false);
    expect(sdk.journal.list({ query: 'stray' })).to.have.length(1);
  });

  it('locks itself after the chosen idle time, saving registered drafts first', async () => {
    const sdk = await openJournal();
    const lock = journalLock(sdk);
    await lock.enable(PASS, { autoLockMinutes: null });
    let flushed = 0;
    lock.onBeforeLock(async () => {
      flushed++;
    });
    await lock.setAutoLock(0.005);
    await waitFor(() => lock.state === 'locked', 'the idle lock', 8000);
    expect(flushed).to.equal(1);
  });

  it('stays unlocked when a draft cannot be saved before locking', async () => {
    const sdk = await openJournal();
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    const stop = lock.onBeforeLock(() => Promise.reject(new StorageError('quota-exceeded', 'full')));
    await expectError(lock.lock(), 'quota-exceeded');
    expect(lock.state).to.equal('unlocked');
    stop();
    await lock.lock();
    expect(lock.state).to.equal('locked');
  });

  it('tells another tab that the lock was turned on, and that tab cannot write plaintext', async () => {
    const sdk = await openJournal();
    const [a] = await seed(sdk);
    const other = await twinOf(sdk);
    await journalLock(sdk).enable(PASS);
    await waitFor(() => other.journal.snapshot.lock === 'locked', 'the other tab to see the lock');
    await expectError(other.journal.save({ ...a!, fields: { reflection: 'from the other tab' } }), 'locked');
    expect(containsText(await rawDatabase(sdk.id), 'from the other tab')).to.equal(false);
  });

  it('refuses a lock record that asks for fewer key-derivation rounds', async () => {
    const sdk = await openJournal();
    const lock = new JournalLock(sdk.journal);
    await lock.enable(PASS);
    await lock.lock();
    await rawUpdate(sdk.id, 'settings', LOCK_SETTING_KEY, (r) => ({ ...r, value: { ...(r.value as LockRecord), kdf: { ...(r.value as LockRecord).kdf, iterations: 1000 } } }));
    const error = await expectError(lock.unlock(PASS), 'decrypt-failed');
    expect(error.message).to.contain(String(MIN_PBKDF2_ITERATIONS));
  });
});

describe('passphraseStrength', () => {
  it('grades passphrases from too short to strong with plain advice', () => {
    expect(passphraseStrength('abc').level).to.equal('too-short');
    expect(passphraseStrength('password123').level).to.equal('weak');
    expect(passphraseStrength('aaaaaaaaaaaa').level).to.equal('weak');
    expect(passphraseStrength('sunlit harbour').level).to.equal('fair');
    expect(passphraseStrength('quiet river morning lantern').level).to.equal('strong');
    expect(passphraseStrength('Gärten-Öl 7 Wolken!').level).to.equal('strong');
    for (const p of ['x', 'password123', 'sunlit harbour', 'quiet river morning lantern']) expect(passphraseStrength(p).advice).to.be.a('string').and.not.empty;
  });
});
