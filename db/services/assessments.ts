/** CFP assessments: risk and strengths in 8 domains, an overall rating and the intensity level. */
import { randomUUID } from 'node:crypto';
import { assertNotFuture } from '../casework/dates';
import type { Assessment, OverallRisk, ParsedInputOf } from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { assertCaseOpen, assertIntensityLevel, loadCaseRow, requireCaseworker, today } from './casework-shared';

interface AssessmentRow {
  id: string;
  case_id: string;
  assessed_on: string;
  overall_risk: OverallRisk;
  intensity_level: string;
  domains: string;
  notes: string;
  assessed_by: string | null;
  assessed_by_name: string | null;
  created_at: string;
}

const SELECT = `SELECT a.*, u.display_name AS assessed_by_name
  FROM assessments a LEFT JOIN users u ON u.id = a.assessed_by`;
/** Newest first; assessments entered on the same day keep the order they were recorded in. */
const NEWEST_FIRST = 'ORDER BY a.assessed_on DESC, a.created_at DESC, a.rowid DESC';

function toAssessment(r: AssessmentRow): Assessment {
  return {
    id: r.id,
    caseId: r.case_id,
    assessedOn: r.assessed_on,
    overallRisk: r.overall_risk,
    intensityLevel: r.intensity_level,
    domains: JSON.parse(r.domains) as Assessment['domains'],
    notes: r.notes,
    assessedBy: r.assessed_by,
    assessedByName: r.assessed_by_name,
    createdAt: r.created_at,
  };
}

export function latestAssessment(ctx: ServiceContext, caseId: string): { latest: Assessment | null; count: number } {
  const row = stmt(ctx.db, `${SELECT} WHERE a.case_id = ? ${NEWEST_FIRST} LIMIT 1`).get(caseId) as AssessmentRow | undefined;
  const { n } = stmt(ctx.db, 'SELECT count(*) AS n FROM assessments WHERE case_id = ?').get(caseId) as { n: number };
  return { latest: row ? toAssessment(row) : null, count: n };
}

export function listAssessments(ctx: ServiceContext, input: ParsedInputOf<'assessments.list'>): Assessment[] {
  requireCaseworker(ctx);
  loadCaseRow(ctx, input.caseId);
  const rows = stmt(ctx.db, `${SELECT} WHERE a.case_id = ? ${NEWEST_FIRST}`).all(input.caseId) as AssessmentRow[];
  return rows.map(toAssessment);
}

/**
 * Records a (re)assessment. The case takes the assessment's intensity level in the same
 * transaction, unless a later-dated assessment already exists (one keyed in late does not
 * override the current level).
 */
export function recordAssessment(ctx: ServiceContext, input: ParsedInputOf<'assessments.record'>): Assessment {
  requireCaseworker(ctx);
  const kase = loadCaseRow(ctx, input.caseId);
  assertCaseOpen(kase);
  assertNotFuture(input.assessedOn, today(ctx), 'assessedOn');
  assertIntensityLevel(ctx, input.intensityLevel, 'intensityLevel');
  const later = stmt(ctx.db, 'SELECT 1 FROM assessments WHERE case_id = ? AND assessed_on > ?').get(kase.id, input.assessedOn);
  const id = randomUUID();
  mutate(ctx, 'assessments.record', (tx) => {
    tx.insert('assessments', {
      id,
      case_id: kase.id,
      assessed_on: input.assessedOn,
      overall_risk: input.overallRisk,
      intensity_level: input.intensityLevel,
      domains: JSON.stringify(input.domains),
      notes: input.notes,
      assessed_by: ctx.actor.userId,
      created_at: tx.at,
      updated_at: tx.at,
    });
    if (!later) tx.update('cases', kase.id, { intensity_level: input.intensityLevel, updated_at: tx.at });
  });
  const row = stmt(ctx.db, `${SELECT} WHERE a.id = ?`).get(id) as AssessmentRow | undefined;
  if (!row) throw new AppError('INTERNAL', 'assessment not stored');
  return toAssessment(row);
}
