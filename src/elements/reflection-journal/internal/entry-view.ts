import { EN_SUPPORT_CARD_STRINGS, renderSupportCard, type SupportCardStrings } from '../../shared/support-card.js';
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
import { EN_ENTRY_STRINGS } from './en-entry-strings.js';
import type { Formats } from './platform.js';

export { EntryEditor } from './entry-editor.js';
export { saveEvents } from './save-events.js';
export { renderRecovered } from './recovered.js';
export { describeStatus } from './save-status.js';
export { EN_ENTRY_STRINGS } from './en-entry-strings.js';
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
  readonly nav: Pick<JournalNavigator, 'history' | 'act' | 'closeHistory' | 'focusAfterRender'>;
  /** Loads History on first use. */
  readonly lazy: LazyViews;
  save(): void;
  exportBackup(): void;
  setTagText(text: string): void;
  setMoreOpen(open: boolean): void;
  /** Whether this entry's saved words offered the support card (docs/measures.md), and what it needs. */
  supportOffered(entryId: string): boolean;
  /** The card's words in the journal's language (the catalog's `measure` words hold them). */
  readonly supportCardWords: Partial<SupportCardStrings> | undefined;
  /** Opens the support dialog; undefined where the host shows it (an embedded journal). */
  readonly openSupport: (() => void) | undefined;
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
  const t = port.formats.t(EN_ENTRY_STRINGS);
  if (!editor || !d) return html`<p class="loading" role="status">${t.openingEntry}</p>`;
  const template = sdk.content.template(d.templateId);
  const status = editor.status;
  const week = d.weekId ? sdk.content.week(d.weekId) : undefined;
  const step = d.stepId ? sdk.content.step(d.stepId)?.step : undefined;
  const heading = inHost ? d.title.trim() || port.heading || template?.title || t.yourEntry : port.singleEntry ? d.title.trim() || t.yourEntry : d.title.trim() || template?.title || t.newEntryTitle;
  // The template's title once: not under a heading (or a one-entry journal's title) that already says it.
  const named = template && (heading === template.title || (port.singleEntry && (port.heading ?? template.title) === template.title));
  // In a host, the step around the entry already names its week and step.
  const context = inHost
    ? [d.title.trim() ? (template?.title ?? d.templateId) : undefined].filter(Boolean).join(' · ')
    : [named ? undefined : (template?.title ?? d.templateId), week ? t.weekGroup(week.number, week.title) : undefined, step?.title].filter(Boolean).join(' · ');
  const deleted = editor.deletedElsewhere ? t.inDeleted : '';
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
    <label for="entry-title">${t.titleOptional}</label>
    <input id="entry-title" part="input" type="text" dir="auto" autocomplete="off" .value=${live(d.title)} @input=${onTitle} />
  </div>`;
  const saveRow = html`<div class="save-row">
    <p class="save-state" part="save-state" role="status" data-state=${status.state}>${port.describe(status)}</p>
    ${status.state === 'full' || status.state === 'retrying' || locked ? html`<p class="help">${status.message ?? ''}</p>` : nothing}
  </div>`;
  const saveNow = html`<button type="button" class="button primary" aria-keyshortcuts=${ifDefined(touch ? undefined : 'Control+S Meta+S')} @click=${() => port.save()}>${t.saveNow}</button>`;
  const failing = status.state === 'full' || status.state === 'retrying';
  const backup = status.state === 'full' ? html`<button type="button" class="button" @click=${() => port.exportBackup()}>${t.saveBackup}</button>` : nothing;
  const actions = html`<button type="button" class="button" ?disabled=${!editor.stored} @click=${() => void port.nav.act((m, a) => m.openHistory(a, d.id))}>${t.history}</button>
    <button type="button" class="button danger" ?disabled=${!editor.stored} @click=${() => void deleteHere(port)}>${t.delete}</button>`;
  const hint = touch ? nothing : html`<p class="help shortcut-hint">${port.singleEntry ? t.hintStep : t.hintFull}</p>`;
  return html`<div class="entry${port.singleEntry ? ' step' : ''}">
    ${inHost ? html`<div class="entry-head">${title}${port.lockButton()}</div>` : title}
    ${context || deleted ? html`<p class="context meta">${[context, deleted].filter(Boolean).join(' · ')}</p>` : nothing}
    ${status.state === 'conflict' ? renderConflict(port, editor, status) : nothing}
    ${renderRecovered(port, d.id)}
    <form class="editor" part="editor" aria-label=${ifDefined(inHost ? undefined : t.entryLabel(heading))} @submit=${(e: Event) => e.preventDefault()} @keydown=${onKey}>
      ${d.prompt ? html`<blockquote class="prompt" part="prompt" dir="auto">${d.prompt}</blockquote>` : nothing}
      ${template?.guidance
        ? html`<details class="guidance" open>
            <summary>${t.howToWrite}</summary>
            ${renderMarkdown(template.guidance, { headingLevel: inHost ? 6 : 4, baseUrl: sdk.content.url })}
          </details>`
        : nothing}
      ${port.singleEntry ? nothing : titleField}
      ${template ? renderFields(template, d, editor, false, t.clearAnswer) : nothing}
      ${extraFields(template, d).map((f) => renderField(f, d.fields[f.id] ?? null, editor, false, t.clearAnswer))}
      ${port.singleEntry
        ? html`${saveRow}
            ${failing ? html`<div class="actions">${saveNow}${backup}</div>` : nothing}
            ${renderMore(port, html`${titleField}${renderTags(port, editor, d)}<div class="actions">${failing ? nothing : saveNow}${actions}</div>${hint}`)}`
        : html`${renderTags(port, editor, d)}${saveRow}<div class="actions">${saveNow}${backup}${actions}</div>${hint}`}
    </form>
    ${port.supportOffered(d.id) ? renderSupportCard(sdk.content.program.support?.resources ?? [], { ...EN_SUPPORT_CARD_STRINGS, ...port.supportCardWords }, port.openSupport) : nothing}
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
  const t = port.formats.t(EN_ENTRY_STRINGS);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    port.nav.focusAfterRender('#more-button');
    port.setMoreOpen(false);
  };
  return html`<div class="more">
    <button type="button" id="more-button" class="button quiet more-button" part="more-button" aria-expanded=${open ? 'true' : 'false'} aria-controls="entry-more" @click=${() => port.setMoreOpen(!open)}>
      <span class="more-icon" aria-hidden="true"></span>${t.more}<span class="visually-hidden">${t.moreHidden}</span>
    </button>
    <div id="entry-more" class="more-panel" part="more" ?hidden=${!open} @keydown=${onKey}>${content}</div>
  </div>`;
}

/** Deletes the open entry; in a step, focus then rests on "More", which stays where it was. */
async function deleteHere(port: EntryPort): Promise<void> {
  await port.nav.act((m, a) => m.deleteEntry(a));
  if (port.singleEntry) {
    port.nav.focusAfterRender('#more-button');
    port.requestUpdate();
  }
}

/** A single-entry journal whose `template` or `step-id` the program does not have. */
export function renderUnknown(template: string | null, stepId: string | null, formats: Formats): TemplateResult {
  const t = formats.t(EN_ENTRY_STRINGS);
  return html`<div class="error" role="alert">
    <p>
      <strong>${t.cannotShow}</strong>
      ${template ? t.unknownTemplate(template) : t.unknownStep(stepId ?? '')}
    </p>
  </div>`;
}

/** The entry's History, when it is open (loaded on first use). */
function renderHistory(port: EntryPort, editor: EntryEditor | undefined, entryId: string): Maybe {
  const { nav } = port;
  const history = nav.history;
  if (history?.entryId !== entryId) return nothing;
  return port.lazy.render('history', (m) =>
    m.renderHistory({ ...port, currentRevision: editor?.baseRevision, templateId: editor?.draft?.templateId, restore: (r) => void nav.act((m, a) => m.restoreRevision(a, r)), close: () => nav.closeHistory() }, history.revisions),
  );
}

function renderConflict(port: EntryPort, editor: EntryEditor, status: SaveStatus): TemplateResult {
  const theirs = status.theirs;
  const t = port.formats.t(EN_ENTRY_STRINGS);
  return html`<div class="error conflict" part="conflict" role="alert">
    <p>
      <strong>${t.conflictTitle}</strong> ${t.conflictBody}
      ${theirs ? t.conflictTheirs(port.formats.time.format(theirs.updatedAt)) : ''} ${t.conflictChoose}
    </p>
    <div class="actions">
      <button type="button" class="button" @click=${() => editor.useTheirs()}>${t.reloadTheirs}</button>
      <button type="button" class="button primary" @click=${() => editor.keepMine()}>${t.keepMine}</button>
    </div>
  </div>`;
}

/** Adds the tags typed (comma-separated) to the open entry. */
function addTag(port: EntryPort, editor: EntryEditor): void {
  const tags = port.tagText.split(',').map((t) => t.trim()).filter(Boolean);
  if (!tags.length) return;
  editor.edit((d) => (d.tags = [...new Set([...d.tags, ...tags])]));
  port.setTagText('');
  const t = port.formats.t(EN_ENTRY_STRINGS);
  port.announce(tags.length === 1 ? t.tagAdded(tags[0]) : t.tagsAdded(tags.length));
}

function removeTag(port: EntryPort, editor: EntryEditor, tag: string): void {
  editor.edit((d) => (d.tags = d.tags.filter((t) => t !== tag)));
  port.announce(port.formats.t(EN_ENTRY_STRINGS).tagRemoved(tag));
  port.nav.focusAfterRender('#tag-input');
}

function renderTags(port: EntryPort, editor: EntryEditor, d: Draft): TemplateResult {
  const suggestions = tagsIn(port.snapshot.entries).filter((tag) => !d.tags.includes(tag));
  const w = port.formats.t(EN_ENTRY_STRINGS);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      addTag(port, editor);
    }
  };
  return html`<div class="field tags-field">
    <label for="tag-input">${w.tags}</label>
    ${d.tags.length
      ? html`<ul class="tags editable" aria-label=${w.tagsOnEntry}>
          ${d.tags.map(
            (t) => html`<li class="tag" dir="auto">
              <span>${t}</span>
              <button type="button" class="tag-remove" aria-label=${w.removeTag(t)} @click=${() => removeTag(port, editor, t)}><span aria-hidden="true">×</span></button>
            </li>`,
          )}
        </ul>`
      : nothing}
    <div class="tag-add">
      <input id="tag-input" type="text" dir="auto" autocomplete="off" list="tag-suggestions" aria-describedby="tag-help" .value=${live(port.tagText)} @input=${(e: Event) => port.setTagText((e.target as HTMLInputElement).value)} @keydown=${onKey} />
      <button type="button" class="button" @click=${() => addTag(port, editor)}>${w.addTag}</button>
    </div>
    <datalist id="tag-suggestions">${suggestions.map((t) => html`<option value=${t}></option>`)}</datalist>
    <p class="help" id="tag-help">${w.tagHelp}</p>
  </div>`;
}

function renderDamaged(port: EntryPort, id: string): TemplateResult {
  const entry = port.snapshot.entries.find((e) => e.id === id) ?? port.snapshot.deleted.find((e) => e.id === id);
  const template = entry ? port.sdk.content.template(entry.templateId) : undefined;
  const t = port.formats.t(EN_ENTRY_STRINGS);
  const title = staticHtml`<${port.headingTag(3)} class="view-title" tabindex="-1">${template?.title ?? t.entryFallback}</${port.headingTag(3)}>`;
  return html`<div class="entry">
    ${port.inHost ? html`<div class="entry-head">${title}${port.lockButton()}</div>` : title}
    <div class="error" role="alert">
      <p><strong>${t.damagedTitle}</strong> ${t.damagedBody}</p>
      <p>${t.damagedHint}</p>
    </div>
    <div class="actions"><button type="button" class="button" @click=${() => void port.nav.act((m, a) => m.openHistory(a, id))}>${t.history}</button></div>
    ${renderHistory(port, port.editor, id)}
  </div>`;
}
