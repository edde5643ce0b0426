import type { SupportStrings } from '../shared/support-dialog.js';

export interface JournalStrings {
  support?: Partial<SupportStrings>;
}
