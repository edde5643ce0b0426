import { REVISION_LABELS } from './records.js';

// The checks the journal needs to read and save (entries and their revisions), apart from the
// other stores' and the settings' checks (validate-records.ts), which only an import needs: a page
// that opens the journal loads these few lines, not the lock record's format or the practice log's.

/** Times are epoch milliseconds between 1970 and 2200: anything else is not a date this program wrote. */
export const LATEST_TIME = Date.UTC(2200, 0, 1);

export type Check = (r: Record<string, unknown>) => string | null;
export type Rule = [key: string, ok: (v: unknown) => boolean, what: string];

export const isStr = (v: unknown) => typeof v === 'string';
export const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
export const isTime = (v: unknown) => isNum(v) && (v as number) >= 0 && (v as number) <= LATEST_TIME;
export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strList = (v: unknown) => Array.isArray(v) && v.every(isStr);
export const optional = (ok: (v: unknown) => boolean) => (v: unknown) => v === undefined || ok(v);
export const need = (r: Record<string, unknown>, checks: Rule[]) => {
  for (const [key, ok, what] of checks) if (!ok(r[key])) return `"${key}" must be ${what}`;
  return null;
};
const fieldsOk = (v: unknown) => isObj(v) && Object.values(v).every((x) => x === null || isStr(x) || isNum(x) || strList(x));
const revisionOk = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
export const TIME = 'a time (epoch milliseconds, 1970 to 2200)';
export const OPTIONAL_TIME = `absent or ${TIME}`;
export const SEALED: Rule = ['sealed', optional((v) => isObj(v) && isStr(v.iv) && isStr(v.data)), 'sealed text'];
/** What an entry and a revision both hold: the text the participant wrote (sealed, it is in `sealed`). */
const TEXT_RULES: Rule[] = [
  ['title', isStr, 'text'],
  ['fields', fieldsOk, 'an object of field values'],
  ['tags', strList, 'a list of text'],
];

export const JOURNAL_CHECKS: Record<'entries' | 'revisions', Check> = {
  entries: (r) =>
    need(r, [
      ['id', isStr, 'text'],
      ['templateId', isStr, 'text'],
      ...TEXT_RULES,
      ['weekId', optional(isStr), 'absent or text'],
      ['stepId', optional(isStr), 'absent or text'],
      ['prompt', optional(isStr), 'absent or text'],
      ['createdAt', isTime, TIME],
      ['updatedAt', isTime, TIME],
      ['revision', revisionOk, 'a whole number ≥ 1'],
      ['deletedAt', optional(isTime), OPTIONAL_TIME],
      SEALED,
    ]),
  revisions: (r) =>
    need(r, [
      ['key', isStr, 'text'],
      ['entryId', isStr, 'text'],
      ['revision', revisionOk, 'a whole number ≥ 1'],
      ['key', (v) => v === `${String(r.entryId)}:${String(r.revision)}`, '"<entryId>:<revision>"'],
      ['savedAt', isTime, TIME],
      ...TEXT_RULES,
      SEALED,
      ['label', optional((v) => (REVISION_LABELS as readonly unknown[]).includes(v)), `absent or one of ${REVISION_LABELS.join(', ')}`],
    ]),
};

/** Why a record cannot be stored as an entry or a revision, or null when it is well formed. Messages name the field, never quote its value. */
export function journalRecordProblem(store: 'entries' | 'revisions', record: unknown): string | null {
  return isObj(record) ? JOURNAL_CHECKS[store](record) : 'is not an object';
}
