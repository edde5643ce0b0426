/**
 * The search form's English words, and the list's while a search or filter is on (only the form
 * sets one): they download with the form, when the list first shows.
 */
export const EN_FILTER_STRINGS = {
  allMatching: 'All matching entries:',
  matchCount: (matching: number, total: number) => `${matching} of ${total} entries match`,
  noMatch: 'No entries match.',
  /** While a search reads the journal (its first query builds the search index). */
  searching: 'Searching…',
  clearFilters: 'Clear search and filters',
  findEntries: 'Find entries',
  template: 'Template',
  allTemplates: 'All templates',
  week: 'Week',
  allWeeks: 'All weeks',
  tag: 'Tag',
  allTags: 'All tags',
  groupBy: 'Group by',
  byWeek: 'Week',
  byDate: 'Date',
};
