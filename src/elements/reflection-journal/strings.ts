import type { SupportStrings } from '../shared/support-dialog.js';
import type { EN_ENTRY_STRINGS } from './internal/en-entry-strings.js';
import type { EN_FILTER_STRINGS } from './internal/en-filter-strings.js';
import type { EN_JOURNAL_STRINGS } from './internal/en-journal-strings.js';
import type { EN_PANEL_STRINGS } from './internal/en-panel-strings.js';
import type { EN_UNLOCK_STRINGS } from './internal/en-unlock-strings.js';

type Words<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Every word `<reflection-journal>` writes itself (template titles, fields and prompts come from
 * the program). A clinic working in another language passes its own through the `strings`
 * property, or registers a catalog (docs/translating.md); anything left out falls back to English.
 * The English words are in files beside the code that shows them, so the journal's first
 * screen does not carry the words of panels few participants open:
 * `internal/en-journal-strings.ts` (the frame, the list, the storage banners),
 * `internal/en-filter-strings.ts` (search and filters), `internal/en-entry-strings.ts` (an open entry, History, Recently deleted, print),
 * `internal/en-panel-strings.ts` (backup and import, the lock's settings, sharing, rare banners) and
 * `internal/en-unlock-strings.ts` (a locked journal's passphrase form).
 * Keys the files share (`tags`, `backToList`…) mean the same words wherever they show.
 */
export type JournalStrings = Words<typeof EN_JOURNAL_STRINGS & typeof EN_FILTER_STRINGS & typeof EN_ENTRY_STRINGS & typeof EN_PANEL_STRINGS & typeof EN_UNLOCK_STRINGS> & {
  /** The "Need support now?" button and dialog, when the journal stands alone. */
  support?: Partial<SupportStrings>;
};
