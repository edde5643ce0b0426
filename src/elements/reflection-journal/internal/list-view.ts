import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { JournalSnapshot } from '../../../sdk/store/journal.js';
import type { JournalEntry } from '../../../sdk/store/records.js';
import { EMPTY_FILTER, entryHeading, excerpt, groupEntries, tagsIn, type ListFilter } from './entries.js';
import type { Grouping } from './platform.js';
import type { ViewPort } from './port.js';

export interface ListPort extends ViewPort {
  readonly groupBy: Grouping;
  readonly pageSize: number;
  requestUpdate(): void;
  setGroupBy(grouping: Grouping): void;
  newEntry(templateId: string): void;
  openEntry(id: string): void;
  exportMarkdown(entries: readonly JournalEntry[]): void;
  openPrint(ids: readonly string[]): void;
  share(): void;
}

/** The list of entries: new entry, search and filters, selection, groups of cards, "Show more". */
export class EntryList {
  /** Entries ticked in the list (Share opens with them ticked). */
  selected: ReadonlySet<string> = new Set();
  private filter: ListFilter = EMPTY_FILTER;
  private shown = 0;
  private newTemplateId = '';
  private cache: { snapshot: JournalSnapshot; filter: ListFilter; list: JournalEntry[] } | undefined;

  constructor(private readonly port: ListPort) {}

  render(): TemplateResult {
    const { sdk, snapshot } = this.port;
    const all = snapshot.entries;
    const templates = sdk.content.program.templates;
    const newId = this.newTemplateId || templates[0]?.id || '';
    const newEntry = html`<div class="new-entry">
      <label for="new-template">New entry</label>
      <select id="new-template" @change=${(e: Event) => this.set({ newTemplateId: (e.target as HTMLSelectElement).value })}>
        ${templates.map((t) => html`<option value=${t.id} ?selected=${t.id === newId}>${t.title}</option>`)}
      </select>
      <button type="button" class="button primary" @click=${() => this.port.newEntry(newId)}>Start writing</button>
    </div>`;
    if (!all.length) {
      return html`<h3 class="list-title view-title" tabindex="-1">Entries</h3>
        <div class="empty" part="empty">
          <p>Your journal is empty. What you write here stays private on this device.</p>
          <p>Start with one of these:</p>
          <ul class="starts">
            ${templates.map((t) => html`<li><button type="button" class="button" @click=${() => this.port.newEntry(t.id)}>${t.title}</button></li>`)}
          </ul>
        </div>
        ${snapshot.corrupt ? html`<p class="notice">${snapshot.corrupt} stored ${snapshot.corrupt === 1 ? 'record' : 'records'} could not be read and ${snapshot.corrupt === 1 ? 'is' : 'are'} kept aside.</p>` : nothing}`;
    }
    const list = this.filtered();
    const pageSize = this.port.pageSize;
    const page = this.shown || pageSize;
    const visible = list.slice(0, page);
    const groups = groupEntries(visible, this.port.groupBy, sdk.content, this.port.formats);
    const f = this.filter;
    const filtering = !!(f.query.trim() || f.templateId || f.weekId || f.tag);
    const chosen = [...this.selected].filter((id) => list.some((e) => e.id === id));
    const target = chosen.length ? list.filter((e) => this.selected.has(e.id)) : list;
    return html`<h3 class="list-title view-title" tabindex="-1">Entries</h3>
      ${newEntry} ${this.renderFilters(all)}
      <p class="result-count" role="status">
        ${filtering ? `${list.length} of ${all.length} entries match` : `${all.length} ${all.length === 1 ? 'entry' : 'entries'}`}${list.length > visible.length ? `, showing ${visible.length}` : ''}
      </p>
      <div class="selection actions">
        <span class="help">${chosen.length ? `${chosen.length} selected:` : filtering ? 'All matching entries:' : 'All entries:'}</span>
        <button type="button" class="button" ?disabled=${!target.length} @click=${() => this.port.exportMarkdown(target)}>Save as Markdown</button>
        <button type="button" class="button" ?disabled=${!target.length} @click=${() => this.port.openPrint(target.map((e) => e.id))}>Print</button>
        <button type="button" class="button" @click=${() => this.port.share()}>Share with my clinician</button>
        ${chosen.length ? html`<button type="button" class="button quiet" @click=${() => this.set({ selected: new Set() })}>Clear selection</button>` : nothing}
      </div>
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
            <p>No entries match.</p>
            <button type="button" class="button" @click=${() => this.setFilter(EMPTY_FILTER)}>Clear search and filters</button>
          </div>`}
      ${list.length > visible.length
        ? html`<div class="actions"><button type="button" class="button" @click=${() => this.set({ shown: page + pageSize })}>Show ${Math.min(pageSize, list.length - visible.length)} more</button></div>`
        : nothing}`;
  }

  private renderFilters(all: readonly JournalEntry[]): TemplateResult {
    const { sdk, groupBy } = this.port;
    const f = this.filter;
    const select = (key: 'templateId' | 'weekId' | 'tag') => (e: Event) => this.setFilter({ [key]: (e.target as HTMLSelectElement).value });
    return html`<form class="filters" role="search" aria-label="Find entries" @submit=${(e: Event) => e.preventDefault()}>
      <div class="field search">
        <label for="search">Search</label>
        <input id="search" type="search" dir="auto" .value=${live(f.query)} @input=${(e: Event) => this.setFilter({ query: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="field">
        <label for="filter-template">Template</label>
        <select id="filter-template" @change=${select('templateId')}>
          <option value="" ?selected=${!f.templateId}>All templates</option>
          ${sdk.content.program.templates.map((t) => html`<option value=${t.id} ?selected=${t.id === f.templateId}>${t.title}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-week">Week</label>
        <select id="filter-week" @change=${select('weekId')}>
          <option value="" ?selected=${!f.weekId}>All weeks</option>
          ${sdk.content.program.weeks.map((w) => html`<option value=${w.id} ?selected=${w.id === f.weekId}>Week ${w.number}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-tag">Tag</label>
        <select id="filter-tag" @change=${select('tag')}>
          <option value="" ?selected=${!f.tag}>All tags</option>
          ${tagsIn(all).map((t) => html`<option value=${t} ?selected=${t === f.tag}>${t}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="group-by">Group by</label>
        <select id="group-by" @change=${(e: Event) => this.port.setGroupBy((e.target as HTMLSelectElement).value as Grouping)}>
          <option value="week" ?selected=${groupBy === 'week'}>Week</option>
          <option value="date" ?selected=${groupBy === 'date'}>Date</option>
        </select>
      </div>
    </form>`;
  }

  private renderCard(e: JournalEntry): TemplateResult {
    const { sdk, formats } = this.port;
    const template = sdk.content.template(e.templateId);
    const readable = sdk.journal.canRead(e);
    const heading = readable ? entryHeading(e, template) : `${template?.title ?? 'Entry'} (could not be opened)`;
    const week = e.weekId ? sdk.content.week(e.weekId) : undefined;
    const meta = [template && e.title.trim() ? template.title : undefined, formats.dateTime.format(e.createdAt), week ? `Week ${week.number}` : undefined].filter(Boolean).join(' · ');
    const text = readable ? excerpt(e, template) : '';
    return html`<li class="card" part="entry-card">
      <input type="checkbox" id=${`select-${e.id}`} .checked=${live(this.selected.has(e.id))} @change=${(ev: Event) => this.toggle(e.id, (ev.target as HTMLInputElement).checked)} />
      <label class="visually-hidden" for=${`select-${e.id}`}>Select ${heading}</label>
      <div class="card-body">
        <h5 class="card-title"><button type="button" class="link" dir="auto" @click=${() => this.port.openEntry(e.id)}>${heading}</button></h5>
        <p class="meta">${meta}</p>
        ${text ? html`<p class="excerpt" dir="auto">${text}</p>` : nothing}
        ${e.tags.length ? html`<ul class="tags" aria-label="Tags">${e.tags.map((t) => html`<li class="tag" dir="auto">${t}</li>`)}</ul>` : nothing}
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

  private set(patch: Partial<Pick<EntryList, 'selected'>> & { filter?: ListFilter; shown?: number; newTemplateId?: string }): void {
    Object.assign(this, patch);
    this.port.requestUpdate();
  }
}
