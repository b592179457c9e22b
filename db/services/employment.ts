/**
 * Vocational support per case: Hello Work referrals, job counselling, work-experience courses and
 * trial employment; jobs; the employment status history.
 */
import { randomUUID } from 'node:crypto';
import {
  WORK_STATUS_AS_EMPLOYMENT,
  type EmploymentAt,
  type EmploymentForCase,
  type EmploymentStatus,
  type EmploymentSupport,
  type Job,
  type JobKind,
  type JobRow,
  type ParsedInputOf,
  type SubsidyStatus,
  type SupportKind,
  type SupportOutcome,
  type SupportRow,
  type WorkStatus,
  type WorkStatusEntry,
} from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext, type Tx } from '../write';
import { requireCaseworker } from './casework-shared';
import type { CaseInfo } from './contacts';
import {
  assertNotBefore,
  assertNotFuture,
  assertOpen,
  assertWithinCase,
  CASE_REF_COLUMNS,
  pathwayCase,
  toCaseRef,
  todayOf,
  Where,
  type CaseRefRow,
} from './pathways-shared';

// --- rows -------------------------------------------------------------------------------------

interface SupportDbRow {
  id: string;
  case_id: string;
  kind: SupportKind;
  started_on: string;
  ended_on: string | null;
  office: string;
  employer_id: string | null;
  employer_name: string | null;
  months: number | null;
  subsidy_status: SubsidyStatus | null;
  outcome: SupportOutcome;
  notes: string;
  created_at: string;
  updated_at: string;
}

const SUPPORT_SELECT = 'SELECT es.*, e.name AS employer_name FROM employment_supports es LEFT JOIN employers e ON e.id = es.employer_id';

function toSupport(r: SupportDbRow): EmploymentSupport {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    office: r.office,
    employerId: r.employer_id,
    employerName: r.employer_name,
    months: r.months,
    subsidyStatus: r.subsidy_status,
    outcome: r.outcome,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

interface JobDbRow {
  id: string;
  case_id: string;
  employer_id: string | null;
  display_name: string;
  kind: JobKind;
  started_on: string;
  ended_on: string | null;
  leaving_reason: string | null;
  support_id: string | null;
  created_at: string;
  updated_at: string;
}

const JOB_SELECT = `SELECT j.*, COALESCE(e.name, j.employer_name) AS display_name FROM jobs j LEFT JOIN employers e ON e.id = j.employer_id`;

function toJob(r: JobDbRow): Job {
  return {
    id: r.id,
    caseId: r.case_id,
    employerId: r.employer_id,
    employerName: r.display_name,
    kind: r.kind,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    leavingReason: r.leaving_reason,
    supportId: r.support_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function getSupport(ctx: ServiceContext, id: string): EmploymentSupport | null {
  const r = stmt(ctx.db, `${SUPPORT_SELECT} WHERE es.id = ?`).get(id) as SupportDbRow | undefined;
  return r ? toSupport(r) : null;
}

function getJob(ctx: ServiceContext, id: string): Job | null {
  const r = stmt(ctx.db, `${JOB_SELECT} WHERE j.id = ?`).get(id) as JobDbRow | undefined;
  return r ? toJob(r) : null;
}

function assertEmployer(ctx: ServiceContext, id: string | null, field: string): void {
  if (id !== null && !stmt(ctx.db, 'SELECT 1 FROM employers WHERE id = ?').get(id)) {
    throw new AppError('VALIDATION', 'no such employer', { field });
  }
}

// --- supports ---------------------------------------------------------------------------------

interface SupportDraft {
  kind: SupportKind;
  startedOn: string;
  endedOn: string | null;
  office: string;
  employerId: string | null;
  months: number | null;
  subsidyStatus: SubsidyStatus | null;
}

/** The rules a support must keep, checked on the record as it would be saved. */
function checkSupport(ctx: ServiceContext, c: CaseInfo, d: SupportDraft): void {
  assertNotFuture(ctx, d.startedOn, 'startedOn');
  assertWithinCase(c, d.startedOn, 'startedOn');
  if (d.endedOn !== null) {
    assertNotBefore(d.startedOn, d.endedOn, 'endedOn');
    assertNotFuture(ctx, d.endedOn, 'endedOn');
  }
  const trial = d.kind === 'trial_employment';
  if (d.kind === 'hello_work_referral' && d.office === '') {
    throw new AppError('VALIDATION', 'a Hello Work referral names the office', { field: 'office' });
  }
  if (trial && d.employerId === null) throw new AppError('VALIDATION', 'trial employment is with an employer', { field: 'employerId' });
  if (!trial && d.months !== null) throw new AppError('VALIDATION', 'months are for trial employment', { field: 'months' });
  if (!trial && d.subsidyStatus !== null) {
    throw new AppError('VALIDATION', 'the subsidy is for trial employment', { field: 'subsidyStatus' });
  }
  assertEmployer(ctx, d.employerId, 'employerId');
}

export function recordSupport(ctx: ServiceContext, input: ParsedInputOf<'employment.recordSupport'>): EmploymentSupport {
  const c = pathwayCase(ctx, input.caseId);
  assertOpen(c);
  const d: SupportDraft = {
    kind: input.kind,
    startedOn: input.startedOn,
    endedOn: input.endedOn ?? null,
    office: input.office ?? '',
    employerId: input.employerId ?? null,
    months: input.months ?? null,
    subsidyStatus: input.subsidyStatus ?? null,
  };
  checkSupport(ctx, c, d);
  const id = randomUUID();
  mutate(ctx, 'employment.recordSupport', (tx) =>
    tx.insert('employment_supports', {
      id,
      case_id: c.id,
      kind: d.kind,
      started_on: d.startedOn,
      ended_on: d.endedOn,
      office: d.office,
      employer_id: d.employerId,
      months: d.months,
      subsidy_status: d.subsidyStatus,
      outcome: input.outcome,
      notes: input.notes ?? '',
      created_at: tx.at,
      updated_at: tx.at,
    }),
  );
  return getSupport(ctx, id)!;
}

/** Changes the given fields (also on a terminated case, to close the record). */
export function updateSupport(ctx: ServiceContext, input: ParsedInputOf<'employment.updateSupport'>): EmploymentSupport {
  requireCaseworker(ctx);
  const s = getSupport(ctx, input.id);
  if (!s) throw new AppError('NOT_FOUND', 'no such support', { field: 'id' });
  const c = pathwayCase(ctx, s.caseId);
  const pick = <K extends keyof typeof input, T>(key: K, current: T): T =>
    input[key] === undefined ? current : (input[key] as T);
  const d: SupportDraft = {
    kind: s.kind,
    startedOn: pick('startedOn', s.startedOn),
    endedOn: pick('endedOn', s.endedOn),
    office: pick('office', s.office),
    employerId: pick('employerId', s.employerId),
    months: pick('months', s.months),
    subsidyStatus: pick('subsidyStatus', s.subsidyStatus),
  };
  // A record made before the case was terminated may keep dates after the termination.
  checkSupport(ctx, { ...c, terminationDate: null }, d);
  mutate(ctx, 'employment.updateSupport', (tx) =>
    tx.update('employment_supports', s.id, {
      started_on: d.startedOn,
      ended_on: d.endedOn,
      office: d.office,
      employer_id: d.employerId,
      months: d.months,
      subsidy_status: d.subsidyStatus,
      outcome: pick('outcome', s.outcome),
      notes: pick('notes', s.notes),
      updated_at: tx.at,
    }),
  );
  return getSupport(ctx, s.id)!;
}

// --- jobs -------------------------------------------------------------------------------------

export function recordJob(ctx: ServiceContext, input: ParsedInputOf<'employment.recordJob'>): Job {
  const c = pathwayCase(ctx, input.caseId);
  assertOpen(c);
  const employerId = input.employerId ?? null;
  const employerName = input.employerName ?? '';
  if (employerId === null && employerName === '') {
    throw new AppError('VALIDATION', 'a job names its employer', { field: 'employerName' });
  }
  if (employerId !== null && employerName !== '') {
    throw new AppError('VALIDATION', 'give a registered employer or a name, not both', { field: 'employerName' });
  }
  assertEmployer(ctx, employerId, 'employerId');
  // A job held when supervision began may have started before the case.
  assertNotFuture(ctx, input.startedOn, 'startedOn');
  const endedOn = input.endedOn ?? null;
  if (endedOn !== null) {
    assertNotBefore(input.startedOn, endedOn, 'endedOn');
    assertNotFuture(ctx, endedOn, 'endedOn');
  }
  const leavingReason = input.leavingReason ?? null;
  if (leavingReason && endedOn === null) {
    throw new AppError('VALIDATION', 'a reason for leaving needs the end date', { field: 'leavingReason' });
  }
  let pendingSupport = false;
  if (input.supportId !== undefined) {
    const s = getSupport(ctx, input.supportId);
    if (!s || s.caseId !== c.id) throw new AppError('VALIDATION', 'no such support on this case', { field: 'supportId' });
    pendingSupport = s.outcome === 'pending';
  }
  if (input.status !== undefined) checkStatus(ctx, c.id, input.status, input.startedOn, 'status');
  const id = randomUUID();
  mutate(ctx, 'employment.recordJob', (tx) => {
    tx.insert('jobs', {
      id,
      case_id: c.id,
      employer_id: employerId,
      employer_name: employerName,
      kind: input.kind,
      started_on: input.startedOn,
      ended_on: endedOn,
      leaving_reason: endedOn === null ? null : leavingReason ?? '',
      support_id: input.supportId ?? null,
      created_at: tx.at,
      updated_at: tx.at,
    });
    if (pendingSupport) tx.update('employment_supports', input.supportId!, { outcome: 'job_found', updated_at: tx.at });
    if (input.status !== undefined) insertStatus(tx, c.id, input.status, input.startedOn);
  });
  return getJob(ctx, id)!;
}

export function endJob(ctx: ServiceContext, input: ParsedInputOf<'employment.endJob'>): Job {
  requireCaseworker(ctx);
  const j = getJob(ctx, input.id);
  if (!j) throw new AppError('NOT_FOUND', 'no such job', { field: 'id' });
  if (j.endedOn !== null) throw new AppError('INVALID_STATE', 'the job has already ended', { field: 'id' });
  assertNotBefore(j.startedOn, input.endedOn, 'endedOn');
  assertNotFuture(ctx, input.endedOn, 'endedOn');
  mutate(ctx, 'employment.endJob', (tx) =>
    tx.update('jobs', j.id, { ended_on: input.endedOn, leaving_reason: input.leavingReason, updated_at: tx.at }),
  );
  return getJob(ctx, j.id)!;
}

// --- status history ---------------------------------------------------------------------------

interface StatusDbRow {
  id: string;
  case_id: string;
  status: WorkStatus;
  since: string;
  created_at: string;
}

function toStatus(r: StatusDbRow): WorkStatusEntry {
  return { id: r.id, caseId: r.case_id, status: r.status, since: r.since, createdAt: r.created_at };
}

function statusOn(history: readonly WorkStatusEntry[], date: string): WorkStatus | null {
  // history is newest first
  return history.find((h) => h.since <= date)?.status ?? null;
}

/**
 * A status may be recorded from a day with no other entry, and only as a change from the status
 * in force that day. `sinceField` names the input the day came from (a job's start is `status`'s).
 */
function checkStatus(ctx: ServiceContext, caseId: string, status: WorkStatus, since: string, sinceField: string): void {
  assertNotFuture(ctx, since, sinceField);
  const history = statusHistory(ctx, caseId);
  if (history.some((h) => h.since === since)) {
    throw new AppError('DUPLICATE', 'a status is already recorded from that day', { field: sinceField });
  }
  if (statusOn(history, since) === status) {
    throw new AppError('VALIDATION', 'that is already the status in force on that day', { field: 'status' });
  }
}

function insertStatus(tx: Tx, caseId: string, status: WorkStatus, since: string): string {
  const id = randomUUID();
  tx.insert('employment_status', { id, case_id: caseId, status, since, created_at: tx.at, updated_at: tx.at });
  return id;
}

export function setStatus(ctx: ServiceContext, input: ParsedInputOf<'employment.setStatus'>): WorkStatusEntry {
  const c = pathwayCase(ctx, input.caseId);
  assertOpen(c);
  checkStatus(ctx, c.id, input.status, input.since, 'since');
  let id = '';
  mutate(ctx, 'employment.setStatus', (tx) => {
    id = insertStatus(tx, c.id, input.status, input.since);
  });
  return toStatus(stmt(ctx.db, 'SELECT * FROM employment_status WHERE id = ?').get(id) as StatusDbRow);
}

function statusHistory(ctx: ServiceContext, caseId: string): WorkStatusEntry[] {
  return (
    stmt(ctx.db, 'SELECT * FROM employment_status WHERE case_id = ? ORDER BY since DESC, created_at DESC').all(caseId) as StatusDbRow[]
  ).map(toStatus);
}

function employmentAt(date: string, recorded: EmploymentStatus | null, history: readonly WorkStatusEntry[]): EmploymentAt {
  const fromHistory = statusOn(history, date);
  return { date, recorded, fromHistory, status: recorded ?? (fromHistory === null ? null : WORK_STATUS_AS_EMPLOYMENT[fromHistory]) };
}

export function employmentForCase(ctx: ServiceContext, input: ParsedInputOf<'employment.forCase'>): EmploymentForCase {
  const c = pathwayCase(ctx, input.caseId);
  const employment = stmt(ctx.db, 'SELECT employment_at_start, employment_at_termination FROM cases WHERE id = ?').get(c.id) as {
    employment_at_start: EmploymentStatus | null;
    employment_at_termination: EmploymentStatus | null;
  };
  const history = statusHistory(ctx, c.id);
  return {
    caseId: c.id,
    supports: (
      stmt(ctx.db, `${SUPPORT_SELECT} WHERE es.case_id = ? ORDER BY es.started_on DESC, es.created_at DESC`).all(c.id) as SupportDbRow[]
    ).map(toSupport),
    jobs: (stmt(ctx.db, `${JOB_SELECT} WHERE j.case_id = ? ORDER BY j.started_on DESC, j.created_at DESC`).all(c.id) as JobDbRow[]).map(toJob),
    statusHistory: history,
    currentStatus: statusOn(history, todayOf(ctx)),
    atStart: employmentAt(c.startDate, employment.employment_at_start, history),
    atTermination:
      c.terminationDate === null ? null : employmentAt(c.terminationDate, employment.employment_at_termination, history),
  };
}

// --- office-wide lists ------------------------------------------------------------------------

export function listSupports(ctx: ServiceContext, input: ParsedInputOf<'employment.supports'>): SupportRow[] {
  requireCaseworker(ctx);
  const where = new Where();
  if (input.kind) where.add('es.kind = @kind', { kind: input.kind });
  if (input.outcome) where.add('es.outcome = @outcome', { outcome: input.outcome });
  if (input.employerId) where.add('es.employer_id = @employer', { employer: input.employerId });
  if (input.openOnly) where.add('es.ended_on IS NULL');
  if (input.from) where.add('es.started_on >= @from', { from: input.from });
  if (input.to) where.add('es.started_on <= @to', { to: input.to });
  const rows = stmt(
    ctx.db,
    `SELECT es.*, e.name AS employer_name, ${CASE_REF_COLUMNS}
       FROM employment_supports es JOIN cases c ON c.id = es.case_id JOIN supervisees s ON s.id = c.supervisee_id
       LEFT JOIN employers e ON e.id = es.employer_id
      ${where} ORDER BY es.started_on DESC, es.created_at DESC, es.id LIMIT @limit OFFSET @offset`,
  ).all({ ...where.params, limit: input.limit, offset: input.offset }) as (SupportDbRow & CaseRefRow)[];
  return rows.map((r) => ({ ...toSupport(r), ...toCaseRef(r) }));
}

export function listJobs(ctx: ServiceContext, input: ParsedInputOf<'employment.jobs'>): JobRow[] {
  requireCaseworker(ctx);
  const where = new Where();
  if (input.kind) where.add('j.kind = @kind', { kind: input.kind });
  if (input.employerId) where.add('j.employer_id = @employer', { employer: input.employerId });
  if (input.openOnly) where.add('j.ended_on IS NULL');
  if (input.from) where.add('(j.ended_on IS NULL OR j.ended_on >= @from)', { from: input.from });
  if (input.to) where.add('j.started_on <= @to', { to: input.to });
  const rows = stmt(
    ctx.db,
    `SELECT j.*, COALESCE(e.name, j.employer_name) AS display_name, ${CASE_REF_COLUMNS}
       FROM jobs j JOIN cases c ON c.id = j.case_id JOIN supervisees s ON s.id = c.supervisee_id
       LEFT JOIN employers e ON e.id = j.employer_id
      ${where} ORDER BY j.started_on DESC, j.created_at DESC, j.id LIMIT @limit OFFSET @offset`,
  ).all({ ...where.params, limit: input.limit, offset: input.offset }) as (JobDbRow & CaseRefRow)[];
  return rows.map((r) => ({ ...toJob(r), ...toCaseRef(r) }));
}
