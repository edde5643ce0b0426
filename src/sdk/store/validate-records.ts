import { asLockRecord } from '../crypto/lock-record.js';
import { PRACTICE_MODES } from './records.js';
import type { StoreName } from './schema.js';
import { LOCK_SETTING_KEY } from './sealing.js';
import { JOURNAL_CHECKS, OPTIONAL_TIME, SEALED, TIME, isNum, isObj, isStr, isTime, need, optional, type Check } from './validate-entries.js';

// Every store's checks, for an import (import-planner.ts). The journal's own reads and saves use
// only the entry and revision checks (validate-entries.ts), so this module loads with the backup code.

/** Settings this version reads, each with the shape its value must have. Other keys are not imported (see backup.ts). */
export const KNOWN_SETTINGS: Record<string, (value: unknown) => string | null> = {
  [LOCK_SETTING_KEY]: (value) => {
    try {
      asLockRecord(value);
      return null;
    } catch {
      return `"value" of "${LOCK_SETTING_KEY}" is not a journal lock record this version can open (damaged, weakened, or from a newer version)`;
    }
  },
  'progress.lastStep': (value) => (isStr(value) ? null : '"value" of "progress.lastStep" must be a step id (text)'),
};

/** A measure step's answers: item id → a finite number, or null for a skipped item. */
function isAnswers(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((a) => a === null || (typeof a === 'number' && Number.isFinite(a)));
}

const CHECKS: Record<StoreName, Check> = {
  ...JOURNAL_CHECKS,
  progress: (r) =>
    need(r, [
      ['stepId', isStr, 'text'],
      ['weekId', isStr, 'text'],
      ['completedAt', isTime, TIME],
      ['note', optional(isStr), 'absent or text'],
      ['answers', optional(isAnswers), 'absent or an object of item ids to numbers or null'],
      SEALED,
    ]),
  practice: (r) =>
    need(r, [
      ['id', isStr, 'text'],
      ['mode', (v) => (PRACTICE_MODES as readonly unknown[]).includes(v), PRACTICE_MODES.join(', ')],
      ['meditationId', optional(isStr), 'absent or text'],
      ['startedAt', isTime, TIME],
      ['endedAt', isTime, TIME],
      ['seconds', (v) => isNum(v) && (v as number) >= 0, 'seconds ≥ 0'],
    ]),
  playback: (r) =>
    need(r, [
      ['meditationId', isStr, 'text'],
      ['position', (v) => isNum(v) && (v as number) >= 0, 'seconds ≥ 0'],
      ['duration', (v) => isNum(v) && (v as number) >= 0, 'seconds ≥ 0'],
      ['updatedAt', isTime, TIME],
    ]),
  settings: (r) => need(r, [['key', isStr, 'text']]) ?? KNOWN_SETTINGS[r.key as string]?.(r.value) ?? null,
  quarantine: (r) =>
    need(r, [
      ['id', isStr, 'text'],
      ['store', isStr, 'text'],
      ['reason', isStr, 'text'],
      ['quarantinedAt', optional(isTime), OPTIONAL_TIME],
      SEALED,
    ]),
};

/** Why a record cannot be stored in `store`, or null when it is well formed. Messages name the field, never quote its value. */
export function recordProblem(store: StoreName, record: unknown): string | null {
  if (!isObj(record)) return 'is not an object';
  return CHECKS[store](record);
}
