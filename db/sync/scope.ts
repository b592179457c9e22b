/**
 * Which rows travel to which laptop. Every table in db/migrations has an entry (a unit test checks
 * it): 'shared' directories go to every device; 'local' tables never travel (bookkeeping, derived
 * indexes, secrets); 'person' tables belong to one supervisee, whose officer_id decides which
 * laptop may hold them. A supervisee's officer is set on the supervisee, so all of that person's
 * cases move together.
 */
export type TableScope =
  | { kind: 'shared' }
  | { kind: 'local' }
  /** from: SQL joining the table (alias x) up to its supervisee; person: the supervisee id expression. */
  | { kind: 'person'; from: string; person: string };

const shared = { kind: 'shared' } as const;
const local = { kind: 'local' } as const;
const viaCase = (table: string): TableScope => ({
  kind: 'person',
  from: `${table} x JOIN cases c ON c.id = x.case_id`,
  person: 'c.supervisee_id',
});

/**
 * In parent-first order: a row's parents come before it (purges walk it backwards, children first).
 */
export const TABLE_SCOPES: ReadonlyArray<readonly [string, TableScope]> = [
  // Local bookkeeping.
  ['meta', local],
  ['audit_log', local],
  ['change_log', local],
  ['change_log_bases', local],
  ['field_clock', local],
  ['sync_conflicts', local],
  ['sync_holdings', local],
  ['sync_clock_flags', local],
  ['sync_pending', local],
  ['sync_identity', local],
  ['sync_devices', local],
  ['sync_bundles', local],
  ['sync_acks', local],
  // Derived by triggers from synced rows on each device.
  ['search_terms', local],
  ['search_fts', local],
  ['search_fts_data', local],
  ['search_fts_idx', local],
  ['search_fts_docsize', local],
  ['search_fts_config', local],
  // Shared directories.
  ['users', shared],
  ['settings', shared],
  ['vpos', shared],
  ['contact_standards', shared],
  ['programs', shared],
  ['program_sessions', shared],
  ['employers', shared],
  ['seminars', shared],
  ['facilities', shared],
  ['support_orgs', shared],
  // One supervisee's records.
  ['supervisees', { kind: 'person', from: 'supervisees x', person: 'x.id' }],
  ['family_members', { kind: 'person', from: 'family_members x', person: 'x.supervisee_id' }],
  ['cases', { kind: 'person', from: 'cases x', person: 'x.supervisee_id' }],
  ['case_phases', viaCase('case_phases')],
  ['supervision_suspensions', viaCase('supervision_suspensions')],
  ['conditions', viaCase('conditions')],
  ['assessments', viaCase('assessments')],
  ['contacts', viaCase('contacts')],
  ['appointments', viaCase('appointments')],
  ['drug_tests', viaCase('drug_tests')],
  ['measures', viaCase('measures')],
  ['enrolments', viaCase('enrolments')],
  [
    'enrolment_schedule',
    { kind: 'person', from: 'enrolment_schedule x JOIN enrolments e ON e.id = x.enrolment_id JOIN cases c ON c.id = e.case_id', person: 'c.supervisee_id' },
  ],
  ['session_participants', viaCase('session_participants')],
  ['employment_supports', viaCase('employment_supports')],
  ['jobs', viaCase('jobs')],
  ['employment_status', viaCase('employment_status')],
  ['placements', viaCase('placements')],
  ['support_links', viaCase('support_links')],
  [
    'seminar_invitations',
    { kind: 'person', from: 'seminar_invitations x JOIN family_members f ON f.id = x.family_member_id', person: 'f.supervisee_id' },
  ],
];

const BY_TABLE = new Map(TABLE_SCOPES);

export function scopeOf(table: string): TableScope | undefined {
  return BY_TABLE.get(table);
}

/** Tables whose rows travel between devices. */
export function isSynced(table: string): boolean {
  const s = BY_TABLE.get(table);
  return s !== undefined && s.kind !== 'local';
}

/** Tables that belong to one supervisee, parent-first. */
export const PERSON_TABLES: ReadonlyArray<readonly [string, Extract<TableScope, { kind: 'person' }>]> = TABLE_SCOPES.filter(
  (e): e is [string, Extract<TableScope, { kind: 'person' }>] => e[1].kind === 'person',
);

