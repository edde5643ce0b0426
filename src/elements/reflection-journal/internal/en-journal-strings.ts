/**
 * The English words of the journal's first screens (the frame, its sections, the list, the
 * storage banners): they arrive with the element. The open entry's words are in
 * en-entry-strings.ts, the panels' in en-panel-strings.ts and the unlock form's in
 * en-unlock-strings.ts, each loaded with the code that shows them. Translations: src/locales/, or the journal's `strings` property.
 */
export const EN_JOURNAL_STRINGS = {
  title: 'My journal',
  opening: 'Opening your journal…',
  loadErrorTitle: 'Your journal cannot be shown right now.',
  /** The stored journal could not be read; `message` is the storage's own (for the site's developer). */
  readFailed: (message: string) => `Your journal could not be read: ${message}`,
  lock: 'Lock',
  backToList: 'Back to all entries',
  // Sections
  sections: 'Sections',
  sectionsLabel: 'Journal sections',
  navEntries: 'Entries',
  navDeleted: (count: number) => `Recently deleted (${count})`,
  navShare: 'Share with my clinician',
  navBackup: 'Backup and import',
  navLock: 'Privacy lock',
  entryGone: 'That entry is not in this journal any more.',
  partFailedTitle: 'This part of the journal could not be opened.',
  partFailedBody: 'Check the connection, then try again. Your entries are not affected.',
  retry: 'Try again',
  openingPart: 'Opening…',
  // The list
  entriesHeading: 'Entries',
  emptyJournal: 'Your journal is empty. What you write here stays private on this device.',
  startWith: 'Start with one of these:',
  corrupt: (count: number) => (count === 1 ? '1 stored record could not be read and is kept aside.' : `${count} stored records could not be read and are kept aside.`),
  selectedCount: (count: number) => `${count} selected:`,
  allEntries: 'All entries:',
  saveAsMarkdown: 'Save as Markdown',
  print: 'Print',
  clearSelection: 'Clear selection',
  newEntry: 'New entry',
  search: 'Search',
  searchAndFilters: ' and filters',
  templatesMenu: 'Templates',
  entryCount: (count: number) => (count === 1 ? '1 entry' : `${count} entries`),
  showingCount: (shown: number) => `, showing ${shown}`,
  /** While the journal counts its entries, just after the first page shows. */
  counting: 'Counting entries…',
  showMore: (count: number) => `Show ${count} more`,
  unreadable: (title: string) => `${title} (could not be opened)`,
  entryFallback: 'Entry',
  untitled: 'Untitled entry',
  weekShort: (week: number) => `Week ${week}`,
  weekGroup: (week: number, title: string) => `Week ${week}: ${title}`,
  noWeek: 'Not linked to a week',
  selectEntry: (title: string) => `Select ${title}`,
  tags: 'Tags',
  // Storage
  storedHere: 'Stored privately in this browser on this device.',
  storedKept: 'Stored privately in this browser on this device; your browser has agreed to keep it.',
  storedMayClear: 'Stored privately in this browser on this device; your browser may clear it if space runs low.',
};
