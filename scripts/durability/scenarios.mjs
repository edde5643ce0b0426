// The durability scenarios. Each trial gets its own persistent profile (deleted afterwards) and
// returns what was typed, how much of it was found afterwards, and notes.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { close, kill, launch, newProfile, removeProfile } from './browser.mjs';
import {
  click,
  enableLock,
  exportBackupText,
  goAway,
  journalState,
  openFirstEntry,
  openJournal,
  saveNow,
  scanOrigin,
  settleAndMeasure,
  sleep,
  startEntry,
  focusTextInBackground,
  type,
  unlock,
  unlockedTexts,
  until,
  waitSaved,
} from './journal.mjs';

const WORDS = (
  'kind steady breath warm voice notice today hard tired hope gentle critic soothe safe friend slowly ' +
  'listen worry morning evening honest small brave enough wish calm heavy light patient rest courage'
).split(' ');

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const token = () => `q${Math.random().toString(36).slice(2, 9).padEnd(7, 'x')}`;

/** A sentence a person might type, starting with a unique marker word. */
export function sentence(words = 10) {
  const marker = token();
  return { marker, text: `${marker} ${Array.from({ length: words }, () => pick(WORDS)).join(' ')}.` };
}

/** `n` delays spread evenly over [lo, hi] ms. */
export function spread(n, lo, hi) {
  if (n <= 1) return [Math.round((lo + hi) / 2)];
  return Array.from({ length: n }, (_, i) => Math.round(lo + ((hi - lo) * i) / (n - 1)));
}

async function firstPage(browser) {
  const pages = await browser.pages();
  return pages[0] ?? browser.newPage();
}

/** Runs one trial with a fresh profile and a time limit; every browser it started is killed, its profile deleted. */
export async function runTrial(fn, timeoutMs) {
  const profile = await newProfile();
  const browsers = [];
  let finished = false;
  const ctx = {
    profile,
    async launch() {
      const b = await launch(profile);
      if (finished) {
        // The trial timed out while this browser started: it must not outlive the trial.
        await kill(b);
        throw new Error('trial already over');
      }
      browsers.push(b);
      return b;
    },
  };
  let timer;
  try {
    return await Promise.race([
      fn(ctx),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`trial timed out after ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    return { error: error.message.split('\n')[0] };
  } finally {
    finished = true;
    clearTimeout(timer);
    for (const b of browsers) await kill(b);
    await removeProfile(profile);
  }
}

/** Writes a new entry, or saves one and then reopens it to append; returns the full text expected afterwards. */
async function write(page, origin, kind) {
  if (kind === 'new') {
    const { marker, text } = sentence(12);
    await startEntry(page);
    await type(page, text);
    return { marker, expected: text };
  }
  const first = sentence(8);
  const more = sentence(10);
  await startEntry(page);
  await type(page, first.text);
  await waitSaved(page);
  // Come back to it later, as a person would: a fresh load of the page, open it from the list, type more.
  await openJournal(page, origin);
  await openFirstEntry(page);
  const appended = ` ${more.text}`;
  await type(page, appended);
  return { marker: more.marker, expected: first.text + appended };
}

async function measureIn(browser, origin, expected, { fresh = false } = {}) {
  // After a relaunch the browser's own first tab is used; otherwise a new tab, as a person opens one.
  const page = fresh ? await firstPage(browser) : await browser.newPage();
  await openJournal(page, origin);
  return settleAndMeasure(page, expected);
}

/** Intact: nothing lost and, unless the words are part of a longer text (`within`), some field is exactly the text. */
function result(expected, m, { within = false, ...extra } = {}) {
  const intact = m.lost === 0 && (within || m.exact);
  const note = m.lost === 0 && !intact ? 'no field is exactly the typed text' : undefined;
  return { typed: expected.length, kept: m.kept, lost: m.lost, intact, recovered: m.recovered, ...extra, note: [extra.note, note].filter(Boolean).join('; ') || undefined };
}

// 1. Kill after "Saved"
export function killAfterSaved(origin) {
  return async (ctx) => {
    const b = await ctx.launch();
    const page = await firstPage(b);
    await openJournal(page, origin);
    const { text } = sentence(12);
    await startEntry(page);
    await type(page, text);
    await waitSaved(page);
    await kill(b);
    const again = await ctx.launch();
    const m = await measureIn(again, origin, text, { fresh: true });
    await close(again);
    return result(text, m);
  };
}

// 2. Close the tab, 3. navigate away: `delay` ms after the last keystroke
export function leaveTab(origin, how, kind, delay, away) {
  return async (ctx) => {
    const b = await ctx.launch();
    const page = await firstPage(b);
    await openJournal(page, origin);
    const { expected } = await write(page, origin, kind);
    await sleep(delay);
    if (how === 'close') await page.close();
    else await goAway(page, origin, away);
    const m = await measureIn(b, origin, expected);
    await close(b);
    return result(expected, m, { note: how === 'navigate' ? `to ${away === 'blank' ? 'about:blank' : 'same site'}` : undefined });
  };
}

// 4. Kill the browser `delay` ms after the last keystroke
export function killAfterTyping(origin, kind, delay) {
  return async (ctx) => {
    const b = await ctx.launch();
    const page = await firstPage(b);
    await openJournal(page, origin);
    const { expected } = await write(page, origin, kind);
    await sleep(delay);
    await kill(b);
    const again = await ctx.launch();
    const m = await measureIn(again, origin, expected, { fresh: true });
    await close(again);
    return result(expected, m);
  };
}

// 5. An unresolved two-tab conflict, then the conflicted tab is closed
export function conflict(origin, delay) {
  return async (ctx) => {
    const b = await ctx.launch();
    const a = await firstPage(b);
    await openJournal(a, origin);
    const base = sentence(6);
    await startEntry(a);
    await type(a, base.text);
    await waitSaved(a);
    // Tab B opens the same entry (B is now the tab in front; A is in the background).
    const tabB = await b.newPage();
    await openJournal(tabB, origin);
    await openFirstEntry(tabB);
    await until(async () => (await journalState(tabB)).value === base.text, 'tab B to show the entry');
    // B types words only it has, steadily (its autosave keeps waiting), while A saves a different edit.
    const mine = sentence(12);
    const theirs = sentence(3);
    const typedB = ` ${mine.text}`;
    await focusTextInBackground(a);
    await Promise.all([
      type(tabB, typedB, 40),
      (async () => {
        await sleep(150);
        await type(a, ` ${theirs.text}`, 5);
        await saveNow(a);
        await waitSaved(a);
      })(),
    ]);
    const shown = await until(async () => {
      const s = await journalState(tabB);
      return s.conflict ? s : undefined;
    }, 'tab B to show the conflict notice', 5000).catch(() => undefined);
    // Under heavy load B's autosave can win the race, and then A has the conflict: set up again.
    if (!shown) return { error: 'setup: tab B never showed the conflict notice', retry: true };
    if (!shown.value?.endsWith(typedB)) return { error: 'setup: tab B does not hold its typed words', retry: true };
    // Left unresolved; B is closed.
    await sleep(delay);
    await tabB.close();
    const m = await measureIn(b, origin, mine.text);
    await close(b);
    return result(mine.text, m, { within: true });
  };
}

// 6. Lock on: no plaintext anywhere, and the loss window
const PASSPHRASE = 'correct horse battery staple durability';

/** Bytes of `needles` (ASCII) as UTF-8 and UTF-16LE, to look for in the profile's files. */
async function scanDisk(dir, needles) {
  const patterns = needles.flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')]);
  const hits = new Set();
  const walk = async (d) => {
    for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const { size } = await stat(path).catch(() => ({ size: Infinity }));
        if (size > 64 * 1024 * 1024) continue;
        const bytes = await readFile(path).catch(() => undefined);
        if (bytes && patterns.some((p) => bytes.includes(p))) hits.add(relative(dir, path));
      }
    }
  };
  await walk(dir);
  return [...hits];
}

async function backupHits(page, needles) {
  const text = await exportBackupText(page);
  return needles.filter((n) => text.includes(n)).map((n) => `backup file: ${n}`);
}

export function lockOn(origin, how, kind, delay) {
  return async (ctx) => {
    const b = await ctx.launch();
    const page = await firstPage(b);
    await openJournal(page, origin);
    await enableLock(page, PASSPHRASE);
    // A saved entry, written with the lock on.
    const saved = sentence(10);
    const markers = [saved.marker];
    await startEntry(page);
    await type(page, saved.text);
    await waitSaved(page);
    await click(page, 'Back to all entries');
    await until(async () => (await journalState(page)).view === 'list', 'the list');
    // Then text still pending when the page goes: a new entry, or more text in the saved one.
    const pending = sentence(12);
    markers.push(pending.marker);
    let expected;
    if (kind === 'new') {
      await startEntry(page);
      await type(page, pending.text);
      expected = pending.text;
    } else {
      await openFirstEntry(page);
      await type(page, ` ${pending.text}`);
      expected = `${saved.text} ${pending.text}`;
    }
    await sleep(delay);
    let view = page;
    let browser = b;
    if (how === 'kill') {
      await kill(b);
      browser = await ctx.launch();
      view = await firstPage(browser);
    } else if (how === 'close') {
      await page.close();
      view = await browser.newPage();
    } else {
      await goAway(page, origin, 'blank');
    }
    // First from a page of the same site without the journal: any copy left behind is still there,
    // not yet recovered. (After navigating, the same tab: its sessionStorage is scanned too.)
    await goAway(view, origin, 'same-site');
    const hits = (await scanOrigin(view, markers)).hits.map((h) => `before the journal opens: ${h}`);
    // Then the journal, still locked, and its backup file.
    await openJournal(view, origin, { want: ['locked'] });
    await sleep(1000);
    hits.push(...(await scanOrigin(view, markers)).hits.map((h) => `locked: ${h}`), ...(await backupHits(view, markers)).map((h) => `locked: ${h}`));
    // Unlocked, once any copy is recovered: everything again.
    await unlock(view, PASSPHRASE);
    const m = await settleAndMeasure(view, expected, { read: unlockedTexts });
    const savedKept = (await unlockedTexts(view)).texts.some((t) => t.includes(saved.text));
    const after = await scanOrigin(view, markers);
    hits.push(...after.hits.map((h) => `unlocked: ${h}`), ...(await backupHits(view, markers)).map((h) => `unlocked: ${h}`));
    await close(browser);
    const disk = await scanDisk(ctx.profile, markers);
    return result(expected, m, { hits, places: after.counted, disk, savedKept, how, note: `${how}, ${kind}` });
  };
}

/**
 * The scanners' control: the same scans with the lock off must find the markers (in IndexedDB, in
 * the backup file and in the profile's files), or a zero from the lock-on scan proves nothing.
 */
export function scanControl(origin) {
  return async (ctx) => {
    const b = await ctx.launch();
    const page = await firstPage(b);
    await openJournal(page, origin);
    const { marker, text } = sentence(8);
    await startEntry(page);
    await type(page, text);
    await waitSaved(page);
    await goAway(page, origin, 'same-site');
    const found = (await scanOrigin(page, [marker])).hits;
    const inDb = found.some((h) => h.includes('/entries'));
    await openJournal(page, origin);
    const inBackup = (await backupHits(page, [marker])).length > 0;
    await close(b);
    const onDisk = (await scanDisk(ctx.profile, [marker])).length > 0;
    const missed = [!inDb && 'IndexedDB', !inBackup && 'backup file', !onDisk && 'profile files'].filter(Boolean);
    return { control: true, ok: missed.length === 0, note: missed.length ? `not found in ${missed.join(', ')}` : 'found in IndexedDB, the backup file and the profile files' };
  };
}
