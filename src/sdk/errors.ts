/**
 * Errors are values a person can act on: each has a stable `code` to branch on and a message
 * that names the field, file or step that went wrong.
 */
export class CompassionKitError extends Error {
  override name = 'CompassionKitError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const PROGRAM_ERROR_CODES = [
  'invalid-program',
  'invalid-json',
  'http-status',
  'wrong-content-type',
  /** The file, the document, a list or a text is over a limit of the format (PROGRAM_LIMITS). */
  'too-large',
  /** Objects and lists nest deeper than the format allows: a generated or damaged file. */
  'program-too-deep',
  'timeout',
  'network',
] as const;
export type ProgramErrorCode = (typeof PROGRAM_ERROR_CODES)[number];

export interface ProgramIssue {
  /** JSON path of the offending value, e.g. `weeks[3].steps[1].meditation`; `''` for the whole document. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** A program could not be loaded or is not valid. `issues` lists every problem found, not just the first. */
export class ProgramError extends CompassionKitError {
  override name = 'ProgramError';
  declare readonly code: ProgramErrorCode;
  constructor(
    code: ProgramErrorCode,
    message: string,
    readonly issues: readonly ProgramIssue[] = [],
    options?: { cause?: unknown; url?: string },
  ) {
    super(code, message, options);
    this.url = options?.url;
  }
  readonly url: string | undefined;
}

export const STORAGE_ERROR_CODES = [
  'quota-exceeded',
  'conflict',
  'not-found',
  'closed',
  'blocked',
  'version-too-new',
  'invalid-record',
  'invalid-backup',
  'unavailable',
  'locked',
  'wrong-passphrase',
  'decrypt-failed',
  'write-failed',
] as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

/** A storage operation failed. For `quota-exceeded` and `write-failed` nothing was written; retry later. */
export class StorageError extends CompassionKitError {
  override name = 'StorageError';
  declare readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** A save was refused because the stored entry is newer than the one being saved (another tab edited it). */
export class ConflictError extends StorageError {
  override name = 'ConflictError';
  constructor(
    readonly entryId: string,
    readonly expectedRevision: number,
    readonly storedRevision: number,
  ) {
    super(
      'conflict',
      `Entry "${entryId}" was changed elsewhere (revision ${storedRevision}, this copy is based on ${expectedRevision}); reload it or keep this version explicitly.`,
    );
  }
}

/** Turns anything thrown by IndexedDB into a StorageError with a code a UI can act on. */
export function toStorageError(error: unknown, doing: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: string } | null)?.name;
  const detail = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'QuotaExceededError') {
    return new StorageError('quota-exceeded', `Storage is full while ${doing}: nothing was saved. Free some space or export your entries.`, { cause: error });
  }
  if (name === 'InvalidStateError' || name === 'TransactionInactiveError') {
    return new StorageError('closed', `The database connection closed while ${doing}; it will be reopened.`, { cause: error });
  }
  if (name === 'VersionError') {
    return new StorageError('version-too-new', `A newer version of compassion-kit has upgraded this storage; reload the page.`, { cause: error });
  }
  return new StorageError('write-failed', `Storage failed while ${doing}: ${detail}`, { cause: error });
}
