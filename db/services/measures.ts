import { randomUUID } from 'node:crypto';
import { MEASURES_NEEDING_SIGNOFF, type Measure, type MeasureKind, type ParsedInputOf } from '../contract';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { assertPastDateInCase, loadCase } from './contacts';

interface MeasureRow {
  id: string;
  case_id: string;
  kind: MeasureKind;
  decided_on: string;
  decision: string;
  notes: string;
  needs_signoff: number;
  signed_off_by: string | null;
  signed_off_by_name: string | null;
  signed_off_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

const MEASURE_SELECT =
  'SELECT m.*, u.display_name AS signed_off_by_name FROM measures m LEFT JOIN users u ON u.id = m.signed_off_by';

function toMeasure(r: MeasureRow): Measure {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    decidedOn: r.decided_on,
    decision: r.decision,
    notes: r.notes,
    needsSignoff: r.needs_signoff === 1,
    signedOffBy: r.signed_off_by,
    signedOffByName: r.signed_off_by_name,
    signedOffAt: r.signed_off_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function getMeasure(ctx: ServiceContext, id: string): Measure | null {
  const r = stmt(ctx.db, `${MEASURE_SELECT} WHERE m.id = ?`).get(id) as MeasureRow | undefined;
  return r ? toMeasure(r) : null;
}

export function recordMeasure(ctx: ServiceContext, input: ParsedInputOf<'measures.record'>): Measure {
  const c = loadCase(ctx, input.caseId);
  assertPastDateInCase(ctx, c, input.decidedOn, 'decidedOn');
  const id = randomUUID();
  mutate(ctx, 'measures.record', (tx) =>
    tx.insert('measures', {
      id,
      case_id: c.id,
      kind: input.kind,
      decided_on: input.decidedOn,
      decision: input.decision,
      notes: input.notes,
      needs_signoff: MEASURES_NEEDING_SIGNOFF.includes(input.kind) ? 1 : 0,
      signed_off_by: null,
      signed_off_at: null,
      created_by: ctx.actor.userId,
      created_at: tx.at,
      updated_at: tx.at,
    }),
  );
  return getMeasure(ctx, id)!;
}

export function signOffMeasure(ctx: ServiceContext, input: ParsedInputOf<'measures.signOff'>): Measure {
  requireRole(ctx, 'supervisor', 'administrator');
  const m = getMeasure(ctx, input.id);
  if (!m) throw new AppError('NOT_FOUND', 'no such measure', { field: 'id' });
  if (!m.needsSignoff) throw new AppError('INVALID_STATE', 'this measure needs no sign-off', { field: 'id' });
  if (m.signedOffBy !== null) throw new AppError('INVALID_STATE', 'this measure is already signed off', { field: 'id' });
  mutate(ctx, 'measures.signOff', (tx) =>
    tx.update('measures', m.id, { signed_off_by: ctx.actor.userId, signed_off_at: tx.at, updated_at: tx.at }),
  );
  return getMeasure(ctx, m.id)!;
}

export function listMeasures(ctx: ServiceContext, input: ParsedInputOf<'measures.list'>): Measure[] {
  const c = loadCase(ctx, input.caseId);
  const rows = stmt(ctx.db, `${MEASURE_SELECT} WHERE m.case_id = ? ORDER BY m.decided_on DESC, m.created_at DESC`).all(
    c.id,
  ) as MeasureRow[];
  return rows.map(toMeasure);
}
