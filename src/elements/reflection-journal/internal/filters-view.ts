import { css, html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ListFilter } from './entries.js';
import type { Formats, Grouping } from './platform.js';
import { EN_JOURNAL_STRINGS } from './en-journal-strings.js';
import { EN_FILTER_STRINGS } from './en-filter-strings.js';

// The list's words while a search or filter is on.
export { EN_FILTER_STRINGS };
import type { CompassionProgram } from '../../../sdk/program.js';

/** What the search form needs from the list. */
export interface FiltersPort {
  readonly sdk: CompassionProgram;
  /** The journal's language (its words). */
  readonly formats: Formats;
  readonly groupBy: Grouping;
  readonly filter: ListFilter;
  /** The tags in use, sorted. */
  readonly tags: readonly string[];
  setFilter(patch: Partial<ListFilter>): void;
  setGroupBy(grouping: Grouping): void;
}

/** The search field, the template, week and tag filters and the grouping: loaded when "Search" is first pressed. */
export function renderFilters(port: FiltersPort): TemplateResult {
  const { sdk, groupBy, filter: f, tags } = port;
  const t = { ...port.formats.t(EN_JOURNAL_STRINGS), ...port.formats.t(EN_FILTER_STRINGS) };
  const select = (key: 'templateId' | 'weekId' | 'tag') => (e: Event) => port.setFilter({ [key]: (e.target as HTMLSelectElement).value });
  return html`<form class="filters" role="search" aria-label=${t.findEntries} @submit=${(e: Event) => e.preventDefault()}>
    <div class="field search">
      <label for="search">${t.search}</label>
      <input id="search" type="search" dir="auto" .value=${live(f.query)} @input=${(e: Event) => port.setFilter({ query: (e.target as HTMLInputElement).value })} />
    </div>
    <div class="field">
      <label for="filter-template">${t.template}</label>
      <select id="filter-template" @change=${select('templateId')}>
        <option value="" ?selected=${!f.templateId}>${t.allTemplates}</option>
        ${sdk.content.program.templates.map((tp) => html`<option value=${tp.id} ?selected=${tp.id === f.templateId}>${tp.title}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="filter-week">${t.week}</label>
      <select id="filter-week" @change=${select('weekId')}>
        <option value="" ?selected=${!f.weekId}>${t.allWeeks}</option>
        ${sdk.content.program.weeks.map((w) => html`<option value=${w.id} ?selected=${w.id === f.weekId}>${t.weekShort(w.number)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="filter-tag">${t.tag}</label>
      <select id="filter-tag" @change=${select('tag')}>
        <option value="" ?selected=${!f.tag}>${t.allTags}</option>
        ${tags.map((tag) => html`<option value=${tag} ?selected=${tag === f.tag}>${tag}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="group-by">${t.groupBy}</label>
      <select id="group-by" @change=${(e: Event) => port.setGroupBy((e.target as HTMLSelectElement).value as Grouping)}>
        <option value="week" ?selected=${groupBy === 'week'}>${t.byWeek}</option>
        <option value="date" ?selected=${groupBy === 'date'}>${t.byDate}</option>
      </select>
    </div>
  </form>`;
}

/** Styles that arrive with the filters. */
export const styles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 144px), 1fr));
    gap: 0 var(--_space-3);
  }
  .filters .search {
    grid-column: 1 / -1;
  }
`;
