// Driving <reflection-journal> the way a person does (clicks and key presses into its shadow DOM)
// and reading what really is stored (raw IndexedDB, Web Storage) from inside the page.
import { AWAY, PAGE } from './server.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` (a function returning a truthy value when done) until it is, or throws after `ms`. */
export async function until(check, what, ms = 10_000, every = 50) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await check();
    } catch (error) {
      last = undefined;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${error.message}`);
    }
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(every);
  }
}

/** What the journal shows now (evaluated in the page). */
export function journalState(page) {
  return page.evaluate(() => {
    const root = document.querySelector('reflection-journal')?.shadowRoot;
    if (!root) return { view: 'none' };
    const text = root.textContent ?? '';
    const area = root.querySelector('.editor textarea');
    const view = root.querySelector('#unlock-passphrase')
      ? 'locked'
      : root.querySelector('.editor')
        ? 'entry'
        : root.querySelector('.list-title')
          ? 'list'
          : root.querySelector('#lock-title')
            ? 'lock'
            : 'loading';
    return {
      view,
      text: text.replace(/\s+/g, ' ').trim().slice(0, 300),
      saveState: root.querySelector('[part="save-state"]')?.textContent?.trim() ?? '',
      conflict: !!root.querySelector('[part="conflict"]'),
      recovered: /Recovered text you wrote at/.test(text),
      value: area ? area.value : undefined,
      lockTitle: root.querySelector('#lock-title')?.textContent?.trim(),
    };
  });
}

/** Opens the journal page in `page` and waits until it has read its entries (or shows the unlock form). */
export async function openJournal(page, origin, { want = ['list', 'locked'] } = {}) {
  const errors = [];
  const onError = (error) => errors.push(error.message);
  page.on('pageerror', onError);
  try {
    await page.goto(origin + PAGE, { waitUntil: 'load', timeout: 15_000 });
    let last;
    return await until(async () => {
      last = await journalState(page);
      return want.includes(last.view) ? last : undefined;
    }, `the journal to load (${want.join(' or ')})`, 15_000).catch((error) => {
      const thrown = errors.length ? `; the page threw: ${errors[0]}` : '';
      throw new Error(`${error.message}${thrown}; it shows: ${last?.text ?? last?.view}`);
    });
  } finally {
    page.off('pageerror', onError);
  }
}

export async function goAway(page, origin, where) {
  await page.goto(where === 'blank' ? 'about:blank' : origin + AWAY, { waitUntil: 'load', timeout: 15_000 });
}

/** An element inside the journal's shadow root. */
async function inJournal(page, selector, what = selector) {
  const handle = await until(
    async () => {
      const h = await page.evaluateHandle((sel) => document.querySelector('reflection-journal')?.shadowRoot?.querySelector(sel) ?? null, selector);
      const el = h.asElement();
      if (!el) await h.dispose();
      return el;
    },
    what,
    10_000,
  );
  return handle;
}

/** A button in the journal whose visible text starts with `label`. */
async function button(page, label, scope = '') {
  return until(
    async () => {
      const h = await page.evaluateHandle(
        (text, scopeSel) => {
          const root = document.querySelector('reflection-journal')?.shadowRoot;
          const within = scopeSel ? root?.querySelector(scopeSel) : root;
          return [...(within?.querySelectorAll('button') ?? [])].find((b) => !b.disabled && b.textContent.trim().startsWith(text)) ?? null;
        },
        label,
        scope,
      );
      const el = h.asElement();
      if (!el) await h.dispose();
      return el;
    },
    `the “${label}” button`,
    10_000,
  );
}

export async function click(page, label, scope) {
  const b = await button(page, label, scope);
  await b.click();
  await b.dispose();
}

/** Opens a section of the journal ("Entries", "Privacy lock", …) from its "Sections" menu. */
export async function openSection(page, label) {
  await click(page, 'Sections', 'nav');
  await click(page, label, '#journal-sections');
}

/** Starts a new free reflection (the first template) and puts the caret in its text area. */
export async function startEntry(page) {
  // An empty journal offers each template; otherwise "New entry" has a template chooser (first: free reflection).
  const empty = await page.evaluate(() => !!document.querySelector('reflection-journal')?.shadowRoot?.querySelector('.starts'));
  if (empty) await click(page, 'Free reflection', '.starts');
  else {
    await click(page, 'New entry');
    await click(page, 'Free reflection', '#new-menu');
  }
  await focusText(page);
}

/** Clicks into the entry's long-text field and moves the caret to its end. */
export async function focusText(page) {
  const area = await inJournal(page, '.editor textarea', 'the entry’s text area');
  await area.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  await area.dispose();
}

/**
 * Puts the caret at the end of the entry's text without a click: for a tab in the background, where
 * no frames are drawn and a click would wait for one forever.
 */
export async function focusTextInBackground(page) {
  await page.evaluate(() => {
    const area = document.querySelector('reflection-journal')?.shadowRoot?.querySelector('.editor textarea');
    if (!area) throw new Error('no text area');
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  });
}

/** Opens the newest entry from the list. */
export async function openFirstEntry(page) {
  await click(page, '', '.card-title');
  await until(async () => (await journalState(page)).view === 'entry', 'the entry to open');
  await focusText(page);
}

/** Types like a person (a key press per character). */
export async function type(page, text, delay = 15) {
  await page.keyboard.type(text, { delay });
}

export async function waitSaved(page, ms = 10_000) {
  return until(async () => /^Saved at/.test((await journalState(page)).saveState), '“Saved at …”', ms);
}

/** Ctrl+S: save at once. */
export async function saveNow(page) {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyS');
  await page.keyboard.up('Control');
}

/**
 * Every text stored for the origin's compassion-kit databases, read with plain IndexedDB: the
 * title and field values of each entry and each revision (plain records only; sealed ones are
 * opaque here).
 */
export function storedTexts(page) {
  return page.evaluate(async () => {
    const req = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out = [];
    let sealed = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('compassion-kit:')) continue;
      const db = await req(indexedDB.open(name));
      try {
        for (const store of ['entries', 'revisions']) {
          if (!db.objectStoreNames.contains(store)) continue;
          for (const r of await req(db.transaction(store).objectStore(store).getAll())) {
            if (r.sealed) sealed++;
            if (typeof r.title === 'string' && r.title) out.push(r.title);
            for (const v of Object.values(r.fields ?? {})) {
              if (typeof v === 'string') out.push(v);
              else if (Array.isArray(v)) out.push(v.join(' '));
            }
          }
        }
      } finally {
        db.close();
      }
    }
    return { texts: out, sealed };
  });
}

/** With the journal unlocked: the opened text of every entry and revision, through the SDK the journal renders from. */
export function unlockedTexts(page) {
  return page.evaluate(async () => {
    const journal = document.querySelector('reflection-journal')?.sdk?.journal;
    if (!journal) return { texts: [], sealed: 0 };
    const out = [];
    const add = (r) => {
      if (r.title) out.push(r.title);
      for (const v of Object.values(r.fields ?? {})) {
        if (typeof v === 'string') out.push(v);
        else if (Array.isArray(v)) out.push(v.join(' '));
      }
    };
    const snap = journal.snapshot;
    for (const e of [...snap.entries, ...snap.deleted]) {
      add(e);
      for (const r of await journal.revisions(e.id)) add(r);
    }
    return { texts: out, sealed: 0 };
  });
}

/**
 * Length of the longest prefix of `typed` found inside any of `texts`. Under 8 characters (the
 * unique marker every typed text starts with) a match proves nothing, so it counts as 0.
 */
export function longestPrefix(typed, texts) {
  let lo = 0;
  let hi = typed.length;
  // Containment of prefixes is monotone: if a prefix is found, every shorter one is too.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const p = typed.slice(0, mid);
    if (texts.some((t) => t.includes(p))) lo = mid;
    else hi = mid - 1;
  }
  return lo < Math.min(8, typed.length) ? 0 : lo;
}

/**
 * Waits until the stored text holds all of `typed`, or until nothing has changed for `quietMs` after
 * the journal loaded (at most `maxMs`): the time a recovery on open gets. Returns characters kept.
 */
export async function settleAndMeasure(page, typed, { read = storedTexts, quietMs = 3000, maxMs = 10_000 } = {}) {
  const start = Date.now();
  let lastKey;
  let lastChange = Date.now();
  let kept = 0;
  let recovered = false;
  let polls = 0;
  let exact = false;
  for (;;) {
    const { texts } = await read(page);
    polls++;
    kept = longestPrefix(typed, texts);
    exact = texts.includes(typed);
    recovered ||= !!(await journalState(page).catch(() => ({}))).recovered;
    if (kept === typed.length) break;
    const key = JSON.stringify(texts);
    if (key !== lastKey) {
      lastKey = key;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange > quietMs || Date.now() - start > maxMs) break;
    await sleep(200);
  }
  // Text that arrived while we watched came from a recovery: give its line a moment to render.
  const end = Date.now() + 1000;
  while (polls > 1 && kept > 0 && !recovered && Date.now() < end) {
    await sleep(100);
    recovered = !!(await journalState(page).catch(() => ({}))).recovered;
  }
  return { kept, lost: typed.length - kept, exact, recovered };
}

// ---- Passphrase lock ----

export async function fill(page, selector, text) {
  const el = await inJournal(page, selector);
  await el.click({ count: 3 });
  await page.keyboard.type(text);
  await el.dispose();
}

/** Turns the passphrase lock on through the journal's "Privacy lock" panel (auto-lock: never). */
export async function enableLock(page, passphrase) {
  await openSection(page, 'Privacy lock');
  await fill(page, '#enable-passphrase', passphrase);
  await fill(page, '#enable-confirm', passphrase);
  const select = await inJournal(page, '#enable-autolock');
  await select.select('never');
  await select.dispose();
  const ack = await inJournal(page, '#enable-ack');
  await ack.click();
  await ack.dispose();
  await click(page, 'Turn on the lock');
  await until(async () => /lock is on/.test((await journalState(page)).lockTitle ?? ''), 'the lock to be on', 20_000);
  await openSection(page, 'Entries');
  await until(async () => (await journalState(page)).view === 'list', 'the entry list');
}

/** Unlocks through the unlock form. */
export async function unlock(page, passphrase) {
  await fill(page, '#unlock-passphrase', passphrase);
  await page.keyboard.press('Enter');
  await until(async () => (await journalState(page)).view === 'list', 'the journal to unlock', 20_000);
}

/**
 * Looks for `needles` in everything the origin can store: every record (values and keys) of every
 * object store of every IndexedDB database, every localStorage and sessionStorage key and value,
 * Cache Storage, the origin private file system and cookies. Returns the places where one was found.
 */
export function scanOrigin(page, needles) {
  return page.evaluate(async (needles) => {
    const req = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const hits = [];
    const counted = { databases: 0, stores: 0, records: 0, localStorage: 0, sessionStorage: 0 };
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const check = (where, s) => {
      for (const n of needles) if (s.includes(n)) hits.push(`${where}: ${n}`);
    };
    const walk = async (where, v, depth = 0) => {
      if (depth > 50 || v === null || v === undefined) return;
      if (typeof v === 'string') return check(where, v);
      if (typeof v !== 'object') return;
      if (v instanceof ArrayBuffer) return check(where, decoder.decode(v));
      if (ArrayBuffer.isView(v)) return check(where, decoder.decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
      if (v instanceof Blob) return check(where, await v.text());
      if (v instanceof Map) {
        for (const [k, x] of v) {
          await walk(where, k, depth + 1);
          await walk(where, x, depth + 1);
        }
        return;
      }
      for (const k of Object.keys(v)) {
        check(where, k);
        await walk(where, v[k], depth + 1);
      }
    };
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      counted.databases++;
      check(`indexedDB name`, name);
      const db = await req(indexedDB.open(name));
      try {
        for (const store of db.objectStoreNames) {
          counted.stores++;
          const os = db.transaction(store).objectStore(store);
          const [keys, values] = await Promise.all([req(os.getAllKeys()), req(os.getAll())]);
          counted.records += values.length;
          await walk(`${name}/${store} key`, keys);
          await walk(`${name}/${store}`, values);
        }
      } finally {
        db.close();
      }
    }
    for (const [label, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        counted[label]++;
        check(`${label} key`, key);
        check(`${label}[${key}]`, storage.getItem(key) ?? '');
      }
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        check(`cache ${cacheName} url`, request.url);
        const response = await cache.match(request);
        if (response) check(`cache ${cacheName} ${request.url}`, await response.text());
      }
    }
    const opfs = async (dir, path) => {
      for await (const [name, handle] of dir.entries()) {
        check(`opfs ${path}${name} name`, name);
        if (handle.kind === 'file') check(`opfs ${path}${name}`, await (await handle.getFile()).text());
        else await opfs(handle, `${path}${name}/`);
      }
    };
    try {
      await opfs(await navigator.storage.getDirectory(), '/');
    } catch {
      /* no OPFS */
    }
    check('cookies', document.cookie);
    return { hits, counted };
  }, needles);
}

/** The backup file, as the backup panel's "Save a backup file" makes it (the same SDK call). */
export function exportBackupText(page) {
  return page.evaluate(async () => {
    const sdk = document.querySelector('reflection-journal')?.sdk;
    if (!sdk) throw new Error('no SDK on the journal');
    return sdk.backup.exportText();
  });
}
