import { expect } from 'chai';
import { IndexedDbBackend, openIndexedDb, type Backend } from '../../../src/sdk/store/backend.js';
import { MemoryBackend } from '../../../src/sdk/store/memory-backend.js';
import type { JournalEntry } from '../../../src/sdk/index.js';
import { makeEntries } from '../../fixtures/journal-entries.js';

// The journal reads its pages by walking the updatedAt index (Tx.walk). In Chromium the walk reads
// in batches (getAllRecords); these checks hold it to the order and the records a cursor gives,
// including where a batch ends inside a run of entries saved at the same millisecond.

const opened: Backend[] = [];
afterEach(() => opened.splice(0).forEach((b) => b.close()));

async function backendWith(entries: readonly JournalEntry[]): Promise<Backend> {
  const name = `walk-${crypto.randomUUID()}`;
  const backend = new IndexedDbBackend(await openIndexedDb(name, { onBlocked() {}, onVersionChange() {}, onTerminated() {} }));
  opened.push(backend);
  await backend.write(['entries'], async (tx) => {
    for (const e of entries) await tx.put('entries', e);
  });
  return backend;
}

/** 130 entries: 10 older, 110 at one millisecond (more than the first two batches hold), 10 newer. */
function crowded(): JournalEntry[] {
  const at = Date.UTC(2025, 5, 1);
  return makeEntries(130).map((e, i) => {
    const updatedAt = i < 10 ? at - 1000 + i : i < 120 ? at : at + i;
    return { ...e, id: `e-${String(i).padStart(3, '0')}`, updatedAt, createdAt: updatedAt };
  });
}

/** The order a cursor over the updatedAt index gives: by time, then by id, both reversed for 'prev'. */
function cursorOrder(entries: readonly JournalEntry[], direction: 'next' | 'prev'): string[] {
  const sorted = [...entries].sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.id);
  return direction === 'prev' ? sorted.reverse() : sorted;
}

async function walked(backend: Backend, direction: 'next' | 'prev', from?: number, stopAfter = Infinity): Promise<{ ids: string[]; ran: boolean }> {
  const ids: string[] = [];
  const ran = await backend.read(['entries'], (tx) => tx.walk('entries', 'updatedAt', direction, from, (e) => (ids.push(e.id), ids.length < stopAfter)));
  return { ids, ran };
}

describe('walking an index (the journal pages)', () => {
  it('visits every entry once, in the index order, through a run of equal times longer than a batch', async () => {
    const entries = crowded();
    for (const backend of [await backendWith(entries), await seededMemory(entries)]) {
      for (const direction of ['prev', 'next'] as const) {
        const { ids, ran } = await walked(backend, direction);
        expect(ids, `${backend.mode} ${direction}`).to.deep.equal(cursorOrder(entries, direction));
        expect(ran).to.equal(true);
      }
    }
  });

  it('starts at a given time (inclusive) and stops where the visitor says, reporting that it did not run out', async () => {
    const entries = crowded();
    const backend = await backendWith(entries);
    const at = Date.UTC(2025, 5, 1);
    const fromRun = await walked(backend, 'prev', at);
    expect(fromRun.ids).to.deep.equal(cursorOrder(entries.filter((e) => e.updatedAt <= at), 'prev'));
    const stopped = await walked(backend, 'prev', undefined, 60);
    expect(stopped.ids).to.deep.equal(cursorOrder(entries, 'prev').slice(0, 60));
    expect(stopped.ran).to.equal(false);
  });
});

function seededMemory(entries: readonly JournalEntry[]): Promise<Backend> {
  const memory = new MemoryBackend();
  return memory.write(['entries'], async (tx) => {
    for (const e of entries) await tx.put('entries', e);
  }).then(() => memory);
}
