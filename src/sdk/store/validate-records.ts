import { asLockRecord } from '../crypto/lock-record.js';
import { PRACTICE_MODES, REVISION_LABELS } from './records.js';
import type { StoreName } from './schema.js';
import { LOCK_SETTING_KEY } from './sealing.js';

type Check = (r: Record<string, unknown>) => string | null;

/** Times are epoch milliseconds between 1970 and 2200: anything else is not a date this program wrote. */
export const LATEST_TIME = Date.UTC(2200, 0, 1);

const isStr = (v: unknown) => typeof v === 'string';
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isTime = (v: unknown) => isNum(v) && (v as number) >= 0 && (v as number) <= LATEST_TIME;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strList = (v: unknown) => Array.isArray(v) && v.every(isStr);
const optional = (ok: (v: unknown) => boolean) => (v: unknown) => v === undefined || ok(v);
const need = (r: Record<string, unknown>, checks: [string, (v: unknown) => boolean, string][]) => {
  for (const [key, ok, what] of checks) if (!ok(r[key])) return `"${key}" must be ${what}`;
  return null;
};
const fieldsOk = (v: unknown) =>
  isObj(v) && Object.values(v).every((x) => x === null || isStr(x) || isNum(x) || strList(x));
const sealedOk = optional((v) => isObj(v) && isStr(v.iv) && isStr(v.data));
const TIME = 'a time (epoch milliseconds, 1970 to 2200)';
const OPTIONAL_TIME = `absent or ${TIME}`;

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

const CHECKS: Record<StoreName, Check> = {
  entries: (r) =>
    need(r, [
      ['id', isStr, 'text'],
      ['templateId', isStr, 'text'],
      ['title', isStr, 'text'],
      ['fields', fieldsOk, 'an object of field values'],
      ['tags', strList, 'a list of text'],
      ['weekId', optional(isStr), 'absent or text'],
      ['stepId', optional(isStr), 'absent or text'],
      ['prompt', optional(isStr), 'absent or text'],
      ['createdAt', isTime, TIME],
      ['updatedAt', isTime, TIME],
      ['revision', (v) => Number.isInteger(v) && (v as number) >= 1, 'a whole number ≥ 1'],
      ['deletedAt', optional(isTime), OPTIONAL_TIME],
      ['sealed', sealedOk, 'sealed text'],
    ]),
  revisions: (r) =>
    need(r, [
      ['key', isStr, 'text'],
      ['entryId', isStr, 'text'],
      ['revision', (v) => Number.isInteger(v) && (v as number) >= 1, 'a whole number ≥ 1'],
      ['key', (v) => v === `${String(r.entryId)}:${String(r.revision)}`, '"<entryId>:<revision>"'],
      ['savedAt', isTime, TIME],
      ['title', isStr, 'text'],
      ['fields', fieldsOk, 'an object of field values'],
      ['tags', strList, 'a list of text'],
      ['sealed', sealedOk, 'sealed text'],
      ['label', optional((v) => (REVISION_LABELS as readonly unknown[]).includes(v)), `absent or one of ${REVISION_LABELS.join(', ')}`],
    ]),
  progress: (r) =>
    need(r, [
      ['stepId', isStr, 'text'],
      ['weekId', isStr, 'text'],
      ['completedAt', isTime, TIME],
      ['note', optional(isStr), 'absent or text'],
      ['sealed', sealedOk, 'sealed text'],
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
      ['sealed', sealedOk, 'sealed text'],
    ]),
};

/** Why a record cannot be stored in `store`, or null when it is well formed. Messages name the field, never quote its value. */
export function recordProblem(store: StoreName, record: unknown): string | null {
  if (!isObj(record)) return 'is not an object';
  return CHECKS[store](record);
}
