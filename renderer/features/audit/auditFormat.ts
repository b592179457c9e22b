/** Turns an audit entry's before/after into readable lines. Pure, so it is unit-testable. */
import type { AuditEntry } from '../../../db/contract';

export interface ChangeLine {
  field: string;
  before: unknown;
  after: unknown;
  /** 'set' when there was no before (a new record or an event's details). */
  kind: 'set' | 'change' | 'removed';
}

// Row timestamps repeat the entry's own time; the id is shown in the record column.
const HIDDEN_FIELDS = new Set(['id', 'created_at', 'updated_at']);
const FIELD_ORDER = ['login', 'display_name', 'role', 'active', 'reason', 'value'];

function fieldRank(field: string): number {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
}

export function changeLines(entry: Pick<AuditEntry, 'before' | 'after'>): ChangeLine[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((f) => !HIDDEN_FIELDS.has(f))
    .sort((a, b) => fieldRank(a) - fieldRank(b) || a.localeCompare(b));
  return fields.map((field) => {
    const hasBefore = entry.before !== null && field in before;
    const hasAfter = entry.after !== null && field in after;
    const kind: ChangeLine['kind'] = !hasBefore ? 'set' : hasAfter ? 'change' : 'removed';
    return { field, before: before[field], after: after[field], kind };
  });
}

/** The i18n key of an action ("users.add" → "auditActions.users_add"). */
export function actionKey(action: string): string {
  return `auditActions.${action.replace(/\./g, '_')}`;
}

export function shortId(id: string | null): string {
  return id ? id.slice(0, 8) : '';
}

/** Dates of the filter form: YYYY-MM-DD or absent. */
export function cleanFilter(f: { action: string; actorLogin: string; from: string; to: string }) {
  const out: { action?: string; actorLogin?: string; from?: string; to?: string } = {};
  if (f.action.trim()) out.action = f.action.trim();
  if (f.actorLogin.trim()) out.actorLogin = f.actorLogin.trim().toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/u.test(f.from)) out.from = f.from;
  if (/^\d{4}-\d{2}-\d{2}$/u.test(f.to)) out.to = f.to;
  return out;
}
