import { PRACTICE_MODES, REVISION_LABELS } from './records.js';
import type { StoreName } from './schema.js';

type Check = (r: Record<string, unknown>) => string | null;

const isStr = (v: unknown) => typeof v === 'string';
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strList = (v: unknown) => Array.isArray(v) && v.every(isStr);
const need = (r: Record<string, unknown>, checks: [string, (v: unknown) => boolean, string][]) => {
  for (const [key, ok, what] of checks) if (!ok(r[key])) return `"${key}" must be ${what}`;
  return null;
};
const fieldsOk = (v: unknown) =>
  isObj(v) && Object.values(v).every((x) => x === null || isStr(x) || isNum(x) || strList(x));
const sealedOk = (v: unknown) => v === undefined || (isObj(v) && isStr(v.iv) && isStr(v.data));

const CHECKS: Record<StoreName, Check> = {
  entries: (r) =>
    need(r, [
      ['id', isStr, 'text'],
      ['templateId', isStr, 'text'],
      ['title', isStr, 'text'],
      ['fields', fieldsOk, 'an object of field values'],
      ['tags', strList, 'a list of text'],
      ['createdAt', isNum, 'a time'],
      ['updatedAt', isNum, 'a time'],
      ['revision', (v) => Number.isInteger(v) && (v as number) >= 1, 'a whole number ≥ 1'],
      ['sealed', sealedOk, 'sealed text'],
    ]),
  revisions: (r) =>
    need(r, [
      ['key', isStr, 'text'],
      ['entryId', isStr, 'text'],
      ['revision', Number.isInteger, 'a whole number'],
      ['savedAt', isNum, 'a time'],
      ['title', isStr, 'text'],
      ['fields', fieldsOk, 'an object of field values'],
      ['tags', strList, 'a list of text'],
      ['sealed', sealedOk, 'sealed text'],
      ['label', (v) => v === undefined || (REVISION_LABELS as readonly unknown[]).includes(v), `absent or one of ${REVISION_LABELS.join(', ')}`],
    ]),
  progress: (r) => need(r, [['stepId', isStr, 'text'], ['weekId', isStr, 'text'], ['completedAt', isNum, 'a time']]),
  practice: (r) =>
    need(r, [
      ['id', isStr, 'text'],
      ['mode', (v) => (PRACTICE_MODES as readonly unknown[]).includes(v), PRACTICE_MODES.join(', ')],
      ['startedAt', isNum, 'a time'],
      ['endedAt', isNum, 'a time'],
      ['seconds', (v) => isNum(v) && (v as number) >= 0, 'seconds ≥ 0'],
    ]),
  playback: (r) => need(r, [['meditationId', isStr, 'text'], ['position', isNum, 'seconds'], ['duration', isNum, 'seconds'], ['updatedAt', isNum, 'a time']]),
  settings: (r) => need(r, [['key', isStr, 'text']]),
  quarantine: (r) => need(r, [['id', isStr, 'text'], ['store', isStr, 'text'], ['reason', isStr, 'text']]),
};

/** Why a record cannot be stored in `store`, or null when it is well formed. */
export function recordProblem(store: StoreName, record: unknown): string | null {
  if (!isObj(record)) return 'is not an object';
  return CHECKS[store](record);
}
