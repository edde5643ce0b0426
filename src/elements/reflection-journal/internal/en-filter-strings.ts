/** The search form's English words: they download with the form, when "Search" is first pressed. */
export const EN_FILTER_STRINGS = {
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
