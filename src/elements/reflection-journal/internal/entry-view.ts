import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml } from 'lit/static-html.js';
import type { RecoveredDraft } from '../../../sdk/store/drafts.js';
import { renderMarkdown } from '../../shared/markdown.js';
import { tagsIn } from './entries.js';
import type { Draft, EntryEditor, SaveStatus } from './entry-editor.js';
import { extraFields, renderField, renderFields } from './fields.js';
import type { ViewPort } from './port.js';

type Maybe = TemplateResult | typeof nothing;

export interface EntryPort extends ViewPort {
  readonly editor: EntryEditor;
  readonly heading: string | null;
  readonly singleEntry: boolean;
  /** An entry whose stored text failed the integrity check. */
  readonly damagedId: string | undefined;
  /** Text recovered from a page that closed before saving. */
  readonly recovered: readonly RecoveredDraft[];
  readonly tagText: string;
  describe(status: SaveStatus): string;
  lockButton(): Maybe;
  /** The open entry's History, when it is shown. */
  history(entryId: string): Maybe;
  save(): void;
  exportBackup(): void;
  openHistory(entryId: string): void;
  deleteEntry(): void;
  dismissRecovered(list: readonly RecoveredDraft[]): void;
  setTagText(text: string): void;
  addTag(): void;
  removeTag(tag: string): void;
}

/** The editor (or the damaged-entry message) for the open entry. */
export function renderEntry(port: EntryPort): TemplateResult {
  if (port.damagedId) return renderDamaged(port, port.damagedId);
  const { sdk, editor, inHost } = port;
  const d = editor.draft;
  if (!d) return html`<p class="loading" role="status">Opening the entry…</p>`;
  const template = sdk.content.template(d.templateId);
  const status = editor.status;
  const week = d.weekId ? sdk.content.week(d.weekId) : undefined;
  const step = d.stepId ? sdk.content.step(d.stepId)?.step : undefined;
  // In a host, the step around the entry already names its week and step.
  const context = inHost
    ? [d.title.trim() ? (template?.title ?? d.templateId) : undefined].filter(Boolean).join(' · ')
    : [template?.title ?? d.templateId, week ? `Week ${week.number}: ${week.title}` : undefined, step?.title].filter(Boolean).join(' · ');
  const heading = inHost ? d.title.trim() || port.heading || template?.title || 'Your entry' : port.singleEntry ? d.title.trim() || 'Your entry' : d.title.trim() || template?.title || 'New entry';
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
  return html`<div class="entry">
    ${inHost ? html`<div class="entry-head">${title}${port.lockButton()}</div>` : title}
    ${context || deleted ? html`<p class="context meta">${[context, deleted].filter(Boolean).join(' · ')}</p>` : nothing}
    ${status.state === 'conflict' ? renderConflict(port, status) : nothing}
    ${renderRecovered(port, d.id)}
    <form class="editor" part="editor" aria-label=${ifDefined(inHost ? undefined : `Entry: ${heading}`)} @submit=${(e: Event) => e.preventDefault()} @keydown=${onKey}>
      ${d.prompt ? html`<blockquote class="prompt" part="prompt" dir="auto">${d.prompt}</blockquote>` : nothing}
      ${template?.guidance ? html`<div class="guidance">${renderMarkdown(template.guidance, { headingLevel: inHost ? 6 : 4, baseUrl: sdk.content.url })}</div>` : nothing}
      <div class="field">
        <label for="entry-title">Title (optional)</label>
        <input id="entry-title" part="input" type="text" dir="auto" autocomplete="off" .value=${live(d.title)} @input=${onTitle} />
      </div>
      ${template ? renderFields(template, d, editor, false) : nothing}
      ${extraFields(template, d).map((f) => renderField(f, d.fields[f.id] ?? null, editor, false))}
      ${renderTags(port, d)}
      <div class="save-row">
        <p class="save-state" part="save-state" role="status" data-state=${status.state}>${port.describe(status)}</p>
        ${status.state === 'full' || status.state === 'retrying' || locked ? html`<p class="help">${status.message ?? ''}</p>` : nothing}
      </div>
      <div class="actions">
        <button type="button" class="button primary" aria-keyshortcuts="Control+S Meta+S" @click=${() => port.save()}>Save now</button>
        ${status.state === 'full' ? html`<button type="button" class="button" @click=${() => port.exportBackup()}>Save a backup</button>` : nothing}
        <button type="button" class="button" ?disabled=${!editor.stored} @click=${() => port.openHistory(d.id)}>History</button>
        <button type="button" class="button danger" ?disabled=${!editor.stored} @click=${() => port.deleteEntry()}>Delete</button>
      </div>
      <p class="help">Your writing is saved as you type. Press Ctrl+S (⌘S on a Mac) to save at once.</p>
    </form>
    ${port.history(d.id)}
  </div>`;
}

/** One calm line per text recovered from a page that closed before saving; `entryId` limits it to one entry. */
export function renderRecovered(port: Pick<EntryPort, 'recovered' | 'snapshot' | 'formats' | 'dismissRecovered'>, entryId?: string): Maybe {
  const list = port.recovered.filter((r) => entryId === undefined || r.id === entryId);
  if (!list.length) return nothing;
  return html`<div class="recovered" part="recovered" role="status">
    ${list.map((r) => {
      const at = port.formats.time.format(r.writtenAt);
      const title = entryId === undefined ? port.snapshot.entries.find((e) => e.id === r.id)?.title.trim() : undefined;
      const where = title ? ` in “${title}”` : '';
      return html`<p>
        ${r.outcome === 'copy'
          ? `Recovered text you wrote at ${at}${where}. This entry had changed since, so your text is kept as a copy in its History.`
          : `Recovered text you wrote at ${at}${where}.`}
      </p>`;
    })}
    <button type="button" class="button quiet" @click=${() => port.dismissRecovered(list)}>OK</button>
  </div>`;
}

function renderConflict(port: EntryPort, status: SaveStatus): TemplateResult {
  const theirs = status.theirs;
  return html`<div class="error conflict" part="conflict" role="alert">
    <p>
      <strong>This entry was edited in another tab.</strong> Your changes here are not saved yet.
      ${theirs ? `The other version was saved at ${port.formats.time.format(theirs.updatedAt)}.` : ''} Choose which one to keep; the other stays in the entry’s history.
    </p>
    <div class="actions">
      <button type="button" class="button" @click=${() => port.editor.useTheirs()}>Reload the other version</button>
      <button type="button" class="button primary" @click=${() => port.editor.keepMine()}>Keep mine</button>
    </div>
  </div>`;
}

function renderTags(port: EntryPort, d: Draft): TemplateResult {
  const suggestions = tagsIn(port.snapshot.entries).filter((t) => !d.tags.includes(t));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      port.addTag();
    }
  };
  return html`<div class="field tags-field">
    <label for="tag-input">Tags</label>
    ${d.tags.length
      ? html`<ul class="tags editable" aria-label="Tags on this entry">
          ${d.tags.map(
            (t) => html`<li class="tag" dir="auto">
              <span>${t}</span>
              <button type="button" class="tag-remove" aria-label=${`Remove tag ${t}`} @click=${() => port.removeTag(t)}><span aria-hidden="true">×</span></button>
            </li>`,
          )}
        </ul>`
      : nothing}
    <div class="tag-add">
      <input id="tag-input" type="text" dir="auto" autocomplete="off" list="tag-suggestions" aria-describedby="tag-help" .value=${live(port.tagText)} @input=${(e: Event) => port.setTagText((e.target as HTMLInputElement).value)} @keydown=${onKey} />
      <button type="button" class="button" @click=${() => port.addTag()}>Add tag</button>
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
    <div class="actions"><button type="button" class="button" @click=${() => port.openHistory(id)}>History</button></div>
    ${port.history(id)}
  </div>`;
}
