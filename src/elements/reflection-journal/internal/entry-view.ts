import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml } from 'lit/static-html.js';
import { renderMarkdown } from '../../shared/markdown.js';
import { tagsIn } from './entries.js';
import type { Draft, EntryEditor, SaveStatus } from './entry-editor.js';
import { extraFields, renderField, renderFields } from './fields.js';
import type { LazyViews } from './lazy-views.js';
import type { JournalNavigator } from './navigator.js';
import type { ViewPort } from './port.js';
import { renderRecovered, type RecoveredPort } from './recovered.js';

export { EntryEditor } from './entry-editor.js';
export { saveEvents } from './save-events.js';
export { renderRecovered } from './recovered.js';
export { describeStatus } from './save-status.js';
export { showStepEntry } from './step-entry.js';
export { styles } from './entry-view.styles.js';

type Maybe = TemplateResult | typeof nothing;

export interface EntryPort extends ViewPort, RecoveredPort {
  /** The editor, once its code has arrived and an entry was opened in it. */
  readonly editor: EntryEditor | undefined;
  readonly heading: string | null;
  readonly singleEntry: boolean;
  /** An entry whose stored text failed the integrity check. */
  readonly damagedId: string | undefined;
  readonly tagText: string;
  /** One entry (a course step, a template): whether its "More" panel (title, tags, History, Delete) is open. */
  readonly moreOpen: boolean;
  describe(status: SaveStatus): string;
  lockButton(): Maybe;
  /** The open entry's actions (History, delete) and which entry's History is open. */
  readonly nav: Pick<JournalNavigator, 'history' | 'openHistory' | 'restoreRevision' | 'closeHistory' | 'deleteEntry' | 'focusAfterRender'>;
  /** Loads History on first use. */
  readonly lazy: LazyViews;
  save(): void;
  exportBackup(): void;
  setTagText(text: string): void;
  setMoreOpen(open: boolean): void;
  announce(text: string): void;
  requestUpdate(): void;
}

// Touch screens have no keyboard shortcuts to hint at (read at each render: a hybrid device may switch).
// Only the primary pointer counts: `(hover: none)` also matches a desktop browser with no mouse attached.
let touchQuery: MediaQueryList | undefined;
function onTouchScreen(): boolean {
  touchQuery ??= matchMedia('(pointer: coarse)');
  return touchQuery.matches;
}

/** The editor (or the damaged-entry message) for the open entry. */
export function renderEntry(port: EntryPort): TemplateResult {
  if (port.damagedId) return renderDamaged(port, port.damagedId);
  const { sdk, editor, inHost } = port;
  const d = editor?.draft;
  if (!editor || !d) return html`<p class="loading" role="status">Opening the entry…</p>`;
  const template = sdk.content.template(d.templateId);
  const status = editor.status;
  const week = d.weekId ? sdk.content.week(d.weekId) : undefined;
  const step = d.stepId ? sdk.content.step(d.stepId)?.step : undefined;
  const heading = inHost ? d.title.trim() || port.heading || template?.title || 'Your entry' : port.singleEntry ? d.title.trim() || 'Your entry' : d.title.trim() || template?.title || 'New entry';
  // The template's title once: not under a heading (or a one-entry journal's title) that already says it.
  const named = template && (heading === template.title || (port.singleEntry && (port.heading ?? template.title) === template.title));
  // In a host, the step around the entry already names its week and step.
  const context = inHost
    ? [d.title.trim() ? (template?.title ?? d.templateId) : undefined].filter(Boolean).join(' · ')
    : [named ? undefined : (template?.title ?? d.templateId), week ? `Week ${week.number}: ${week.title}` : undefined, step?.title].filter(Boolean).join(' · ');
  const deleted = editor.deletedElsewhere ? 'in Recently deleted' : '';
  const locked = status.state === 'locked';
  const title = staticHtml`<${port.headingTag(3)} class="view-title" tabindex="-1" dir="auto">${heading}</${port.headingTag(3)}>`;
  const onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      port.save();
    }
  };
  const onTitle = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    editor.edit((draft) => (draft.title = value));
  };
  const touch = onTouchScreen();
  const titleField = html`<div class="field">
    <label for="entry-title">Title (optional)</label>
    <input id="entry-title" part="input" type="text" dir="auto" autocomplete="off" .value=${live(d.title)} @input=${onTitle} />
  </div>`;
  const saveRow = html`<div class="save-row">
    <p class="save-state" part="save-state" role="status" data-state=${status.state}>${port.describe(status)}</p>
    ${status.state === 'full' || status.state === 'retrying' || locked ? html`<p class="help">${status.message ?? ''}</p>` : nothing}
  </div>`;
  const saveNow = html`<button type="button" class="button primary" aria-keyshortcuts=${ifDefined(touch ? undefined : 'Control+S Meta+S')} @click=${() => port.save()}>Save now</button>`;
  const failing = status.state === 'full' || status.state === 'retrying';
  const backup = status.state === 'full' ? html`<button type="button" class="button" @click=${() => port.exportBackup()}>Save a backup</button>` : nothing;
  const actions = html`<button type="button" class="button" ?disabled=${!editor.stored} @click=${() => void port.nav.openHistory(d.id)}>History</button>
    <button type="button" class="button danger" ?disabled=${!editor.stored} @click=${() => void deleteHere(port)}>Delete</button>`;
  const hint = touch ? nothing : html`<p class="help shortcut-hint">${port.singleEntry ? 'Press Ctrl+S (⌘S on a Mac) to save at once.' : 'Your writing is saved as you type. Press Ctrl+S (⌘S on a Mac) to save at once.'}</p>`;
  return html`<div class="entry${port.singleEntry ? ' step' : ''}">
    ${inHost ? html`<div class="entry-head">${title}${port.lockButton()}</div>` : title}
    ${context || deleted ? html`<p class="context meta">${[context, deleted].filter(Boolean).join(' · ')}</p>` : nothing}
    ${status.state === 'conflict' ? renderConflict(port, editor, status) : nothing}
    ${renderRecovered(port, d.id)}
    <form class="editor" part="editor" aria-label=${ifDefined(inHost ? undefined : `Entry: ${heading}`)} @submit=${(e: Event) => e.preventDefault()} @keydown=${onKey}>
      ${d.prompt ? html`<blockquote class="prompt" part="prompt" dir="auto">${d.prompt}</blockquote>` : nothing}
      ${template?.guidance
        ? html`<details class="guidance" open>
            <summary>How to write it</summary>
            ${renderMarkdown(template.guidance, { headingLevel: inHost ? 6 : 4, baseUrl: sdk.content.url })}
          </details>`
        : nothing}
      ${port.singleEntry ? nothing : titleField}
      ${template ? renderFields(template, d, editor, false) : nothing}
      ${extraFields(template, d).map((f) => renderField(f, d.fields[f.id] ?? null, editor, false))}
      ${port.singleEntry
        ? html`${saveRow}
            ${failing ? html`<div class="actions">${saveNow}${backup}</div>` : nothing}
            ${renderMore(port, html`${titleField}${renderTags(port, editor, d)}<div class="actions">${failing ? nothing : saveNow}${actions}</div>${hint}`)}`
        : html`${renderTags(port, editor, d)}${saveRow}<div class="actions">${saveNow}${backup}${actions}</div>${hint}`}
    </form>
    ${renderHistory(port, editor, d.id)}
  </div>`;
}

/**
 * One entry's "More" disclosure: a button (aria-expanded) that shows or hides the title, tags,
 * Save now, History and Delete, so a course step reads as a question and its answer. Escape
 * inside the panel closes it and returns focus to the button.
 */
function renderMore(port: EntryPort, content: TemplateResult): TemplateResult {
  const open = port.moreOpen;
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    port.nav.focusAfterRender('#more-button');
    port.setMoreOpen(false);
  };
  return html`<div class="more">
    <button type="button" id="more-button" class="button quiet more-button" part="more-button" aria-expanded=${open ? 'true' : 'false'} aria-controls="entry-more" @click=${() => port.setMoreOpen(!open)}>
      <span class="more-icon" aria-hidden="true"></span>More<span class="visually-hidden"> for this entry: title, tags, history, delete</span>
    </button>
    <div id="entry-more" class="more-panel" part="more" ?hidden=${!open} @keydown=${onKey}>${content}</div>
  </div>`;
}

/** Deletes the open entry; in a step, focus then rests on "More", which stays where it was. */
async function deleteHere(port: EntryPort): Promise<void> {
  await port.nav.deleteEntry();
  if (port.singleEntry) {
    port.nav.focusAfterRender('#more-button');
    port.requestUpdate();
  }
}

/** A single-entry journal whose `template` or `step-id` the program does not have. */
export function renderUnknown(template: string | null, stepId: string | null): TemplateResult {
  return html`<div class="error" role="alert">
    <p>
      <strong>This journal cannot be shown.</strong>
      ${template ? `The program has no journal template “${template}”.` : `The program has no reflection step “${stepId}”; give a template attribute too.`}
    </p>
  </div>`;
}

/** The entry's History, when it is open (loaded on first use). */
function renderHistory(port: EntryPort, editor: EntryEditor | undefined, entryId: string): Maybe {
  const { nav } = port;
  const history = nav.history;
  if (history?.entryId !== entryId) return nothing;
  return port.lazy.render('history', (m) =>
    m.renderHistory({ ...port, currentRevision: editor?.baseRevision, templateId: editor?.draft?.templateId, restore: (r) => void nav.restoreRevision(r), close: () => nav.closeHistory() }, history.revisions),
  );
}

function renderConflict(port: EntryPort, editor: EntryEditor, status: SaveStatus): TemplateResult {
  const theirs = status.theirs;
  return html`<div class="error conflict" part="conflict" role="alert">
    <p>
      <strong>This entry was edited in another tab.</strong> Your changes here are not saved yet.
      ${theirs ? `The other version was saved at ${port.formats.time.format(theirs.updatedAt)}.` : ''} Choose which one to keep; the other stays in the entry’s history.
    </p>
    <div class="actions">
      <button type="button" class="button" @click=${() => editor.useTheirs()}>Reload the other version</button>
      <button type="button" class="button primary" @click=${() => editor.keepMine()}>Keep mine</button>
    </div>
  </div>`;
}

/** Adds the tags typed (comma-separated) to the open entry. */
function addTag(port: EntryPort, editor: EntryEditor): void {
  const tags = port.tagText.split(',').map((t) => t.trim()).filter(Boolean);
  if (!tags.length) return;
  editor.edit((d) => (d.tags = [...new Set([...d.tags, ...tags])]));
  port.setTagText('');
  port.announce(tags.length === 1 ? `Tag “${tags[0]}” added.` : `${tags.length} tags added.`);
}

function removeTag(port: EntryPort, editor: EntryEditor, tag: string): void {
  editor.edit((d) => (d.tags = d.tags.filter((t) => t !== tag)));
  port.announce(`Tag “${tag}” removed.`);
  port.nav.focusAfterRender('#tag-input');
}

function renderTags(port: EntryPort, editor: EntryEditor, d: Draft): TemplateResult {
  const suggestions = tagsIn(port.snapshot.entries).filter((t) => !d.tags.includes(t));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      addTag(port, editor);
    }
  };
  return html`<div class="field tags-field">
    <label for="tag-input">Tags</label>
    ${d.tags.length
      ? html`<ul class="tags editable" aria-label="Tags on this entry">
          ${d.tags.map(
            (t) => html`<li class="tag" dir="auto">
              <span>${t}</span>
              <button type="button" class="tag-remove" aria-label=${`Remove tag ${t}`} @click=${() => removeTag(port, editor, t)}><span aria-hidden="true">×</span></button>
            </li>`,
          )}
        </ul>`
      : nothing}
    <div class="tag-add">
      <input id="tag-input" type="text" dir="auto" autocomplete="off" list="tag-suggestions" aria-describedby="tag-help" .value=${live(port.tagText)} @input=${(e: Event) => port.setTagText((e.target as HTMLInputElement).value)} @keydown=${onKey} />
      <button type="button" class="button" @click=${() => addTag(port, editor)}>Add tag</button>
    </div>
    <datalist id="tag-suggestions">${suggestions.map((t) => html`<option value=${t}></option>`)}</datalist>
    <p class="help" id="tag-help">Press Enter to add a tag, for example “sleep” or “work”.</p>
  </div>`;
}

function renderDamaged(port: EntryPort, id: string): TemplateResult {
  const entry = port.snapshot.entries.find((e) => e.id === id) ?? port.snapshot.deleted.find((e) => e.id === id);
  const template = entry ? port.sdk.content.template(entry.templateId) : undefined;
  const title = staticHtml`<${port.headingTag(3)} class="view-title" tabindex="-1">${template?.title ?? 'Entry'}</${port.headingTag(3)}>`;
  return html`<div class="entry">
    ${port.inHost ? html`<div class="entry-head">${title}${port.lockButton()}</div>` : title}
    <div class="error" role="alert">
      <p><strong>This entry could not be opened.</strong> Its stored text failed the integrity check: it was damaged or changed on this device. Your other entries are not affected.</p>
      <p>An earlier version may still open: look in its history. A backup made before the damage will also restore it.</p>
    </div>
    <div class="actions"><button type="button" class="button" @click=${() => void port.nav.openHistory(id)}>History</button></div>
    ${renderHistory(port, port.editor, id)}
  </div>`;
}
