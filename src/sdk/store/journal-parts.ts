import { BackupApi } from './backup.js';
import { DraftStore } from './drafts.js';
import { JournalRepository } from './journal.js';
import { provideJournalParts } from './journal-slot.js';

// Importing this module makes `program.journal`, `program.drafts` and `program.backup` available (journal-slot.ts).
provideJournalParts({ JournalRepository, DraftStore, BackupApi });

export { BackupApi, DraftStore, JournalRepository };
