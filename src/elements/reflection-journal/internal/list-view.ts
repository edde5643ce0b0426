import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { JournalFilter, JournalSnapshot } from '../../../sdk/store/journal.js';
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

/** A filtered page from the journal (JournalRepository.query), and what it was asked for. */
interface Results {
  filter: ListFilter;
  limit: number;
  snapshot: JournalSnapshot;
  entries: JournalEntry[];
  total: number;
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
  /** The last filtered page received, and the one asked for (when it differs, a query is running). */
  private results: Results | undefined;
  private asked: Omit<Results, 'entries' | 'total'> | undefined;
  private tags: { snapshot: JournalSnapshot; list: readonly string[] } | undefined;
  /** A page of the journal is being read for the list. */
  private reading = false;
  /** The tags for the current snapshot have arrived. */
  private tagsRead = false;

  constructor(private readonly port: ListPort) {}

  render(): TemplateResult {
    const { sdk, snapshot } = this.port;
    const all = snapshot.entries;
    const templates = sdk.content.program.templates;
    const t = this.port.formats.t(EN_JOURNAL_STRINGS);
    if (!all.length && !snapshot.total) {
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
    const pageSize = this.port.pageSize;
    const page = this.shown || pageSize;
    const f = this.filter;
    // Only the search form sets a filter, and it brings the words of a filtered list.
    const filtersCode = this.port.lazy.get('filters');
    const ft = filtersCode && this.port.formats.t(filtersCode.EN_FILTER_STRINGS);
    const active = ft ? [f.query.trim(), f.templateId, f.weekId, f.tag].filter(Boolean).length : 0;
    const found = active ? this.found(page) : undefined;
    const searching = active && found?.filter !== f;
    // Unfiltered, the list is the journal's pages: read more of them when fewer are here than shown.
    if (!active && all.length < page && snapshot.hasMore) void this.more(page - all.length);
    const list = found ? found.entries : all;
    const total = found ? found.total : snapshot.total;
    const visible = list.slice(0, page);
    const groups = groupEntries(visible, this.port.groupBy, sdk.content, this.port.formats);
    const chosen = [...this.selected].filter((id) => list.some((e) => e.id === id));
    const target = chosen.length ? list.filter((e) => this.selected.has(e.id)) : list;
    const whole = chosen.length > 0 || target.length >= total;
    const setNew = (open: boolean) => this.set({ newOpen: open });
    const setFind = (open: boolean) => {
      // Opening Search builds the search index while the participant types.
      if (open) sdk.journal.prepareSearch();
      this.set({ findOpen: open });
    };
    // What to do with entries: above the list while some are ticked, else after it, so the first entry comes first.
    const selection = html`<div class="selection actions">
      <span class="help">${chosen.length ? t.selectedCount(chosen.length) : active ? ft!.allMatching : t.allEntries}</span>
      <button type="button" class="button" ?disabled=${!target.length} @click=${() => void this.everything(whole, target).then((list) => this.port.exportMarkdown(list))}>${t.saveAsMarkdown}</button>
      <button type="button" class="button" ?disabled=${!target.length} @click=${() => void this.everything(whole, target).then((list) => this.print(list))}>${t.print}</button>
      ${chosen.length ? html`<button type="button" class="button quiet" @click=${() => this.set({ selected: new Set() })}>${t.clearSelection}</button>` : nothing}
    </div>`;
    const filters = this.findOpen || !!filtersCode;
    const tags = filters ? this.tagList(snapshot) : [];
    return html`<h3 class="list-title view-title" tabindex="-1">${t.entriesHeading}</h3>
      <div class="toolbar">
        ${disclosureButton('new-button', 'new-menu', this.newOpen, setNew, t.newEntry, 'button primary')}
        ${disclosureButton('find-button', 'find', this.findOpen, setFind, html`${t.search}<span class="visually-hidden">${t.searchAndFilters}</span>${active ? ` (${active})` : ''}`)}
      </div>
      <ul id="new-menu" class="menu" aria-label=${t.templatesMenu} ?hidden=${!this.newOpen} @keydown=${closeOnEscape('new-button', setNew)}>
        ${templates.map((tp) => html`<li><button type="button" class="menu-item" @click=${() => (setNew(false), this.port.newEntry(tp.id))}>${tp.title}</button></li>`)}
      </ul>
      <div id="find" ?hidden=${!this.findOpen} aria-busy=${filters && this.tags?.snapshot === snapshot && !this.tagsRead ? 'true' : 'false'} @keydown=${closeOnEscape('find-button', setFind)}>
        ${filters ? this.port.lazy.render('filters', (m) => m.renderFilters({ sdk, formats: this.port.formats, groupBy: this.port.groupBy, filter: f, tags, setFilter: (patch) => this.setFilter(patch), setGroupBy: (g) => this.port.setGroupBy(g) })) : nothing}
      </div>
      <p class="result-count" role="status" aria-busy=${snapshot.counted ? 'false' : 'true'}>
        ${searching && !found
          ? ft!.searching
          : !snapshot.counted
            ? t.counting
            : html`${active ? ft!.matchCount(total, snapshot.total) : t.entryCount(total)}${total > visible.length ? t.showingCount(visible.length) : ''}`}
      </p>
      ${chosen.length ? selection : nothing}
      ${list.length || searching || total
        ? html`<div class="groups" part="entry-list" aria-busy=${searching || this.reading ? 'true' : 'false'}>
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
            <p>${ft?.noMatch}</p>
            <button type="button" class="button" @click=${() => this.setFilter(EMPTY_FILTER)}>${ft?.clearFilters}</button>
          </div>`}
      ${total > visible.length || (!found && snapshot.hasMore)
        ? html`<div class="actions"><button type="button" class="button" @click=${() => this.set({ shown: page + pageSize })}>${t.showMore(snapshot.counted || found ? Math.min(pageSize, total - visible.length) : pageSize)}</button></div>`
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

  /**
   * The filtered page for `limit` entries: the one received, while a query for the current filter,
   * size and snapshot runs (started here when none runs). Undefined before the first arrives.
   */
  private found(limit: number): Results | undefined {
    const { sdk, snapshot } = this.port;
    const f = this.filter;
    const a = this.asked;
    if (!a || a.filter !== f || a.limit !== limit || a.snapshot !== snapshot) {
      const asked = { filter: f, limit, snapshot };
      this.asked = asked;
      sdk.journal.query(toFilter(f), limit).then(
        ({ entries, total }) => {
          if (this.asked !== asked) return;
          this.results = { ...asked, entries, total };
          this.port.requestUpdate();
        },
        () => {
          // Locked with a tag filter (tags are sealed): nothing can match until it is unlocked.
          if (this.asked !== asked) return;
          this.results = { ...asked, entries: [], total: 0 };
          this.port.requestUpdate();
        },
      );
    }
    const r = this.results;
    // A page for an older filter is shown while the new one is read; none from before the filters were cleared.
    return r && this.asked ? r : undefined;
  }

  /** Reads `count` more of the journal's pages (once at a time). */
  private async more(count: number): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      await this.port.sdk.journal.loadMore(count);
    } catch {
      // The list stays as it is; "Show more" tries again.
    } finally {
      this.reading = false;
      this.port.requestUpdate();
    }
  }

  /** The tags for the filter: read from the journal when the snapshot changed (shown meanwhile: the last ones). */
  private tagList(snapshot: JournalSnapshot): readonly string[] {
    if (this.tags?.snapshot !== snapshot) {
      const last = this.tags?.list ?? [];
      const asked = { snapshot, list: last };
      this.tags = asked;
      this.tagsRead = false;
      const done = (list: readonly string[]) => {
        if (this.tags !== asked) return;
        this.tags = { snapshot, list };
        this.tagsRead = true;
        this.port.requestUpdate();
      };
      this.port.sdk.journal.tags().then(done, () => done(last));
    }
    return this.tags.list;
  }

  /** The entries an action on "all" means: those listed when they are all here, else every match, read now. */
  private async everything(whole: boolean, listed: readonly JournalEntry[]): Promise<readonly JournalEntry[]> {
    if (whole) return listed;
    return (await this.port.sdk.journal.query(toFilter(this.filter), Infinity)).entries;
  }

  private print(entries: readonly JournalEntry[]): void {
    // The print view reads the entries from the snapshot: keep those read for it there.
    this.port.sdk.journal.hold(entries);
    this.port.openPrint(entries.map((e) => e.id));
  }

  private setFilter(patch: Partial<ListFilter>): void {
    const filter = { ...this.filter, ...patch };
    const active = [filter.query.trim(), filter.templateId, filter.weekId, filter.tag].some(Boolean);
    if (!active) {
      this.asked = undefined;
      this.results = undefined;
    }
    this.set({ filter, shown: 0 });
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

function toFilter(f: ListFilter): JournalFilter {
  return {
    ...(f.templateId ? { templateId: f.templateId } : {}),
    ...(f.weekId ? { weekId: f.weekId } : {}),
    ...(f.tag ? { tag: f.tag } : {}),
    ...(f.query.trim() ? { query: f.query } : {}),
  };
}
