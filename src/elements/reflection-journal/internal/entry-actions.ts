import { html, type TemplateResult } from 'lit';
import type { EntryRevision } from '../../../sdk/store/records.js';
import type { EditorSlot } from './editor-slot.js';
import type { JournalNavigator, NavigatorPort } from './navigator.js';

/** What the rarely used actions read and change: the navigator's state, the editor, the journal. */
export interface ActionsPort {
  readonly nav: JournalNavigator;
  readonly editor: EditorSlot;
  readonly port: NavigatorPort;
  requestUpdate(): void;
}

/*
 * The navigator's rarely used actions (delete and undo, restore and purge from Recently deleted,
 * History and restoring an earlier version), loaded the first time one runs.
 */

export async function deleteEntry({ nav, editor, port, requestUpdate }: ActionsPort): Promise<void> {
  const d = editor.draft;
  const journal = port.sdk?.journal;
  if (!d || !journal || !editor.stored) return;
  await editor.flush();
  try {
    await journal.delete(d.id);
  } catch (error) {
    return nav.fail(`The entry could not be deleted: ${(error as Error).message}`);
  }
  nav.undoId = d.id;
  port.announce('Entry moved to Recently deleted.');
  editor.discard(true);
  nav.history = undefined;
  if (port.single.active) port.single.sync(port.snapshot);
  else nav.go('list', '.list-title');
  requestUpdate();
}

export async function undoDelete(actions: ActionsPort): Promise<void> {
  const { nav, port } = actions;
  const id = nav.undoId;
  nav.undoId = undefined;
  if (!id) return;
  await restoreDeleted(actions, id);
  if (!port.single.active) await nav.openEntry(id);
}

export async function restoreDeleted({ nav, port }: ActionsPort, id: string): Promise<void> {
  try {
    await port.sdk?.journal.restore(id);
    port.announce('Entry restored.');
  } catch (error) {
    nav.fail(`The entry could not be restored: ${(error as Error).message}`);
  }
}

/** The first press asks to confirm; the second deletes for good. */
export async function purge({ nav, port, requestUpdate }: ActionsPort, id: string): Promise<void> {
  if (nav.confirmPurge !== id) {
    nav.confirmPurge = id;
    requestUpdate();
    return;
  }
  nav.confirmPurge = undefined;
  try {
    await port.sdk?.journal.purge(id);
    port.announce('Entry deleted for good.');
    nav.focusAfterRender('.view-title');
  } catch (error) {
    nav.fail(`The entry could not be deleted: ${(error as Error).message}`);
  }
  requestUpdate();
}

export async function openHistory({ nav, editor, port, requestUpdate }: ActionsPort, entryId: string): Promise<void> {
  await editor.flush();
  try {
    const revisions = (await port.sdk?.journal.revisions(entryId)) ?? [];
    nav.history = { entryId, revisions };
    nav.focusAfterRender('#history-title');
  } catch (error) {
    nav.fail(`Earlier versions could not be read: ${(error as Error).message}`);
  }
  requestUpdate();
}

export async function restoreRevision({ nav, editor, port, requestUpdate }: ActionsPort, r: EntryRevision): Promise<void> {
  const journal = port.sdk?.journal;
  if (!journal) return;
  await editor.flush();
  if (editor.unsaved) return nav.fail('Your latest text is not saved yet; restore an earlier version once it is.');
  try {
    const restored = await journal.restoreRevision(r.entryId, r.revision);
    nav.damagedId = undefined;
    await editor.open(restored);
    nav.history = { entryId: r.entryId, revisions: await journal.revisions(r.entryId) };
    port.announce(`Restored the version from ${port.formats.dateTime.format(r.savedAt)}.`);
    nav.focusAfterRender('.view-title');
  } catch (error) {
    nav.fail(`That version could not be restored: ${(error as Error).message}`);
  }
  requestUpdate();
}

/** "Undo delete", shown after an entry was deleted (this module is here by then: it deleted it). */
export function renderUndo(nav: Pick<JournalNavigator, 'undoDelete'>): TemplateResult {
  return html`<div class="undo"><button type="button" class="button" @click=${() => nav.undoDelete()}>Undo delete</button></div>`;
}
