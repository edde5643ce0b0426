/**
 * The compassion-kit SDK: plain TypeScript, no rendering. Usable from any framework or none.
 */
export * from './content/types.js';
export { scoreMeasure, scoresByWeek, scoresSummary, type ScoresSummary, itemsAtThreshold, reachesThreshold, itemValue, scaleRange, scoreRange, type MeasureAnswers, type MeasureScore, type PartScore, type WeekScore } from './measures/score.js';
export { RiskWords, riskWordsFor, foldWords, DEFAULT_RISK_PHRASES_EN, DEFAULT_RISK_EXCEPTIONS_EN, type RiskCheckSettings } from './safety/risk-words.js';
export { validateProgram, suggest, type ValidationResult } from './content/validate.js';
export { loadProgram, type LoadProgramOptions, type LoadedProgram } from './content/load.js';
export { parseProgram } from './content/parse.js';
export { programJsonSchema } from './content/schema.js';
export { PROGRAM_LIMITS, type ProgramLimit } from './content/limits.js';
export { parseMarkdown, parseInline, markdownText, type Block, type Inline } from './content/markdown.js';
export { urlProblem, isSafeUrl, resolveContentUrl, ALLOWED_SCHEMES } from './content/urls.js';
export { DEFAULT_SUPPORT } from './content/defaults.js';
export { ProgramContent, type StepLocation } from './content/content.js';
export { weekStatuses, weekOpensAt, localMidnight, WEEK_STATES, type WeekState, type WeekStatus, type AvailabilityOptions } from './content/unlock.js';
export * from './errors.js';
export * from './events.js';
export * from './support-offered.js';
export * from './store/records.js';
export { STORAGE_MODES, type StorageMode } from './store/backend.js';
export type { StorageStatus } from './store/database.js';
export { DB_VERSION, databaseName, STORE_NAMES, type StoreName } from './store/schema.js';
// The SDK entry carries the journal's code, so `program.journal` and `program.drafts` are always there for it.
import './store/journal-parts.js';
export { PAGE_SIZE, REVISIONS_KEPT, fold, type JournalSnapshot, type JournalFilter, type JournalPage, type SaveOptions, JournalRepository, LOCK_SETTING_KEY, LOCK_STATES, lockKeyId, type LockState, type EntryCipher, type SealedContent } from './store/journal.js';
export { ProgressRepository, type ProgressSnapshot, type CompleteResult } from './store/progress.js';
export { PracticeRepository, PlaybackRepository, SettingsRepository, type PracticeSnapshot, type PracticeStats, type PracticeInput } from './store/practice.js';
export { CHECK_IN_TEMPLATE_ID, checkInEntryId } from './store/check-in.js';
export { BackupApi, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, CORRUPT_POLICIES, IMPORT_LOCK_PLANS, type BackupDocument, type ImportOptions, type ImportPreview, type ImportReport, type CorruptPolicy, type QuarantineNote, type ImportLockPlan, type EntryImportCounts, type RevisionImportCounts, type StepImportCounts } from './store/backup.js';
export { PLAIN_FIELDS, type TextSealer, type SealState } from './store/sealing.js';
export { Observable } from './observable.js';
export { openProgram, sharedProgram, CompassionProgram, StorageApi, type OpenProgramOptions } from './program.js';
export * from './audio/index.js';
export * from './crypto/index.js';
export * from './export/index.js';
export { KeptRecordings, OfflineError, OFFLINE_ERROR_CODES, cacheStorageAvailable, type OfflineErrorCode, type KeptStatus, type KeepProgress, type KeepOptions, type KeptUsage } from './offline/kept-recordings.js';
