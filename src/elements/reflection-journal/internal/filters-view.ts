import { css, html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ListFilter } from './entries.js';
import type { Grouping } from './platform.js';
import type { CompassionProgram } from '../../../sdk/program.js';

/** What the search form needs from the list. */
export interface FiltersPort {
  readonly sdk: CompassionProgram;
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
  const select = (key: 'templateId' | 'weekId' | 'tag') => (e: Event) => port.setFilter({ [key]: (e.target as HTMLSelectElement).value });
  return html`<form class="filters" role="search" aria-label="Find entries" @submit=${(e: Event) => e.preventDefault()}>
    <div class="field search">
      <label for="search">Search</label>
      <input id="search" type="search" dir="auto" .value=${live(f.query)} @input=${(e: Event) => port.setFilter({ query: (e.target as HTMLInputElement).value })} />
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
        ${tags.map((t) => html`<option value=${t} ?selected=${t === f.tag}>${t}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="group-by">Group by</label>
      <select id="group-by" @change=${(e: Event) => port.setGroupBy((e.target as HTMLSelectElement).value as Grouping)}>
        <option value="week" ?selected=${groupBy === 'week'}>Week</option>
        <option value="date" ?selected=${groupBy === 'date'}>Date</option>
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
