import { html, type TemplateResult } from 'lit';
import type { EntryRevision } from '../../../sdk/store/records.js';
import type { EditorSlot } from './editor-slot.js';
import type { JournalNavigator, NavigatorPort } from './navigator.js';
import { EN_ENTRY_STRINGS } from './en-entry-strings.js';

export { EN_ENTRY_STRINGS };

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
    return nav.fail(port.formats.t(EN_ENTRY_STRINGS).deleteFailed((error as Error).message));
  }
  nav.undoId = d.id;
  port.announce(port.formats.t(EN_ENTRY_STRINGS).movedToDeleted);
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
    port.announce(port.formats.t(EN_ENTRY_STRINGS).restored);
  } catch (error) {
    nav.fail(port.formats.t(EN_ENTRY_STRINGS).restoreFailed((error as Error).message));
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
    port.announce(port.formats.t(EN_ENTRY_STRINGS).purged);
    nav.focusAfterRender('.view-title');
  } catch (error) {
    nav.fail(port.formats.t(EN_ENTRY_STRINGS).deleteFailed((error as Error).message));
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
    nav.fail(port.formats.t(EN_ENTRY_STRINGS).historyFailed((error as Error).message));
  }
  requestUpdate();
}

export async function restoreRevision({ nav, editor, port, requestUpdate }: ActionsPort, r: EntryRevision): Promise<void> {
  const journal = port.sdk?.journal;
  if (!journal) return;
  await editor.flush();
  if (editor.unsaved) return nav.fail(port.formats.t(EN_ENTRY_STRINGS).restoreWhenSaved);
  try {
    const restored = await journal.restoreRevision(r.entryId, r.revision);
    nav.damagedId = undefined;
    await editor.open(restored);
    nav.history = { entryId: r.entryId, revisions: await journal.revisions(r.entryId) };
    port.announce(port.formats.t(EN_ENTRY_STRINGS).versionRestored(port.formats.dateTime.format(r.savedAt)));
    nav.focusAfterRender('.view-title');
  } catch (error) {
    nav.fail(port.formats.t(EN_ENTRY_STRINGS).versionRestoreFailed((error as Error).message));
  }
  requestUpdate();
}

/** "Undo delete", shown after an entry was deleted (this module is here by then: it deleted it). */
export function renderUndo(nav: Pick<JournalNavigator, 'act'>, t: Pick<typeof EN_ENTRY_STRINGS, 'undoDelete'> = EN_ENTRY_STRINGS): TemplateResult {
  return html`<div class="undo"><button type="button" class="button" @click=${() => void nav.act((_, a) => undoDelete(a))}>${t.undoDelete}</button></div>`;
}
