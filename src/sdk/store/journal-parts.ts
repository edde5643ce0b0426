import { DraftStore } from './drafts.js';
import { JournalRepository } from './journal.js';
import { provideJournalParts } from './journal-slot.js';

// Importing this module makes `program.journal` and `program.drafts` available (journal-slot.ts).
provideJournalParts({ JournalRepository, DraftStore });

export { DraftStore, JournalRepository };
