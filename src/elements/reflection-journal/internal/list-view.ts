import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { JournalSnapshot } from '../../../sdk/store/journal.js';
import type { JournalEntry } from '../../../sdk/store/records.js';
import { closeOnEscape, disclosureButton } from './disclosure.js';
import { EMPTY_FILTER, cardText, entryHeading, groupEntries, type ListFilter } from './entries.js';
import type { LazyViews } from './lazy-views.js';
import type { Grouping } from './platform.js';
import type { ViewPort } from './port.js';
import { EN_JOURNAL_STRINGS } from './en-journal-strings.js';

export interface ListPort extends ViewPort {
  readonly groupBy: Grouping;
  /** Loads the search field and filters when they are first shown. */
  readonly lazy: LazyViews;
  readonly pageSize: number;
  requestUpdate(): void;
  setGroupBy(grouping: Grouping): void;
  newEntry(templateId: string): void;
  openEntry(id: string): void;
  exportMarkdown(entries: readonly JournalEntry[]): void;
  openPrint(ids: readonly string[]): void;
}

/**
 * The list of entries, newest first, under one "New entry" menu of templates and one "Search and
 * filters" disclosure; groups of cards (heading, prompt, first words), selection, "Show more".
 */
export class EntryList {
  /** Entries ticked in the list (Share opens with them ticked). */
  selected: ReadonlySet<string> = new Set();
  private filter: ListFilter = EMPTY_FILTER;
  private shown = 0;
  private newOpen = false;
  private findOpen = false;
  private cache: { snapshot: JournalSnapshot; filter: ListFilter; list: JournalEntry[] } | undefined;

  constructor(private readonly port: ListPort) {}

  render(): TemplateResult {
    const { sdk, snapshot } = this.port;
    const all = snapshot.entries;
    const templates = sdk.content.program.templates;
    const t = this.port.formats.t(EN_JOURNAL_STRINGS);
    if (!all.length) {
      return html`<h3 class="list-title view-title" tabindex="-1">${t.entriesHeading}</h3>
        <div class="empty" part="empty">
          <p>${t.emptyJournal}</p>
          <p>${t.startWith}</p>
          <ul class="starts">
            ${templates.map((tp) => html`<li><button type="button" class="button" @click=${() => this.port.newEntry(tp.id)}>${tp.title}</button></li>`)}
          </ul>
        </div>
        ${snapshot.corrupt ? html`<p class="notice">${t.corrupt(snapshot.corrupt)}</p>` : nothing}`;
    }
    const list = this.filtered();
    const pageSize = this.port.pageSize;
    const page = this.shown || pageSize;
    const visible = list.slice(0, page);
    const groups = groupEntries(visible, this.port.groupBy, sdk.content, this.port.formats);
    const f = this.filter;
    const active = [f.query.trim(), f.templateId, f.weekId, f.tag].filter(Boolean).length;
    const chosen = [...this.selected].filter((id) => list.some((e) => e.id === id));
    const target = chosen.length ? list.filter((e) => this.selected.has(e.id)) : list;
    const setNew = (open: boolean) => this.set({ newOpen: open });
    const setFind = (open: boolean) => this.set({ findOpen: open });
    // What to do with entries: above the list while some are ticked, else after it, so the first entry comes first.
    const selection = html`<div class="selection actions">
      <span class="help">${chosen.length ? t.selectedCount(chosen.length) : active ? t.allMatching : t.allEntries}</span>
      <button type="button" class="button" ?disabled=${!target.length} @click=${() => this.port.exportMarkdown(target)}>${t.saveAsMarkdown}</button>
      <button type="button" class="button" ?disabled=${!target.length} @click=${() => this.port.openPrint(target.map((e) => e.id))}>${t.print}</button>
      ${chosen.length ? html`<button type="button" class="button quiet" @click=${() => this.set({ selected: new Set() })}>${t.clearSelection}</button>` : nothing}
    </div>`;
    return html`<h3 class="list-title view-title" tabindex="-1">${t.entriesHeading}</h3>
      <div class="toolbar">
        ${disclosureButton('new-button', 'new-menu', this.newOpen, setNew, t.newEntry, 'button primary')}
        ${disclosureButton('find-button', 'find', this.findOpen, setFind, html`${t.search}<span class="visually-hidden">${t.searchAndFilters}</span>${active ? ` (${active})` : ''}`)}
      </div>
      <ul id="new-menu" class="menu" aria-label=${t.templatesMenu} ?hidden=${!this.newOpen} @keydown=${closeOnEscape('new-button', setNew)}>
        ${templates.map((tp) => html`<li><button type="button" class="menu-item" @click=${() => (setNew(false), this.port.newEntry(tp.id))}>${tp.title}</button></li>`)}
      </ul>
      <div id="find" ?hidden=${!this.findOpen} @keydown=${closeOnEscape('find-button', setFind)}>
        ${this.findOpen || this.port.lazy.get('filters') ? this.port.lazy.render('filters', (m) => m.renderFilters({ sdk, formats: this.port.formats, groupBy: this.port.groupBy, filter: f, all, setFilter: (patch) => this.setFilter(patch), setGroupBy: (g) => this.port.setGroupBy(g) })) : nothing}
      </div>
      <p class="result-count" role="status">
        ${active ? t.matchCount(list.length, all.length) : t.entryCount(all.length)}${list.length > visible.length ? t.showingCount(visible.length) : ''}
      </p>
      ${chosen.length ? selection : nothing}
      ${list.length
        ? html`<div class="groups" part="entry-list">
            ${groups.map(
              (g) => html`<section class="group" aria-labelledby=${`group-${g.key}`}>
                <h4 class="group-title" id=${`group-${g.key}`}>${g.label}</h4>
                <ul class="cards">
                  ${g.entries.map((e) => this.renderCard(e))}
                </ul>
              </section>`,
            )}
          </div>`
        : html`<div class="empty" part="empty">
            <p>${t.noMatch}</p>
            <button type="button" class="button" @click=${() => this.setFilter(EMPTY_FILTER)}>${t.clearFilters}</button>
          </div>`}
      ${list.length > visible.length
        ? html`<div class="actions"><button type="button" class="button" @click=${() => this.set({ shown: page + pageSize })}>${t.showMore(Math.min(pageSize, list.length - visible.length))}</button></div>`
        : nothing}
      ${chosen.length ? nothing : selection}`;
  }

  private renderCard(e: JournalEntry): TemplateResult {
    const { sdk, formats } = this.port;
    const template = sdk.content.template(e.templateId);
    const readable = sdk.journal.canRead(e);
    const t = formats.t(EN_JOURNAL_STRINGS);
    const heading = readable ? entryHeading(e, template, t.untitled) : t.unreadable(template?.title ?? t.entryFallback);
    const week = e.weekId ? sdk.content.week(e.weekId) : undefined;
    const meta = [template && heading !== template.title ? template.title : undefined, formats.dateTime.format(e.createdAt), week ? t.weekShort(week.number) : undefined].filter(Boolean).join(' · ');
    const text = readable ? cardText(e, template, heading) : '';
    return html`<li class="card" part="entry-card">
      <input type="checkbox" id=${`select-${e.id}`} .checked=${live(this.selected.has(e.id))} @change=${(ev: Event) => this.toggle(e.id, (ev.target as HTMLInputElement).checked)} />
      <label class="visually-hidden" for=${`select-${e.id}`}>${t.selectEntry(heading)}</label>
      <div class="card-body">
        <h5 class="card-title"><button type="button" class="link" dir="auto" @click=${() => this.port.openEntry(e.id)}>${heading}</button></h5>
        ${readable && e.prompt ? html`<p class="card-prompt" dir="auto">${e.prompt}</p>` : nothing}
        <p class="meta">${meta}</p>
        ${text ? html`<p class="excerpt" dir="auto">${text}</p>` : nothing}
        ${e.tags.length ? html`<ul class="tags" aria-label=${t.tags}>${e.tags.map((tag) => html`<li class="tag" dir="auto">${tag}</li>`)}</ul>` : nothing}
      </div>
    </li>`;
  }

  private filtered(): JournalEntry[] {
    const { sdk, snapshot } = this.port;
    const c = this.cache;
    if (c && c.snapshot === snapshot && c.filter === this.filter) return c.list;
    const f = this.filter;
    const list = sdk.journal.list({
      ...(f.templateId ? { templateId: f.templateId } : {}),
      ...(f.weekId ? { weekId: f.weekId } : {}),
      ...(f.tag ? { tag: f.tag } : {}),
      ...(f.query.trim() ? { query: f.query } : {}),
    });
    this.cache = { snapshot, filter: f, list };
    return list;
  }

  private setFilter(patch: Partial<ListFilter>): void {
    this.set({ filter: { ...this.filter, ...patch }, shown: 0 });
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.set({ selected: next });
  }

  private set(patch: Partial<Pick<EntryList, 'selected'>> & { filter?: ListFilter; shown?: number; newOpen?: boolean; findOpen?: boolean }): void {
    Object.assign(this, patch);
    this.port.requestUpdate();
  }
}
