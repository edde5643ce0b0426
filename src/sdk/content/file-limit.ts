/** Bytes of a program file as it arrives (PROGRAM_LIMITS.fileBytes): kept apart so the loader can read it without the validator's limits. */
export const PROGRAM_FILE_BYTES = 2 * 1024 * 1024;
