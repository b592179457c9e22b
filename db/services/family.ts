/** Family members and guarantors (引受人・家族) of a supervisee. */
import { randomUUID } from 'node:crypto';
import type { FamilyMember, ParsedInputOf } from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { bool, requireCaseworker } from './casework-shared';

interface FamilyRow {
  id: string;
  supervisee_id: string;
  name: string;
  name_kana: string;
  relation: FamilyMember['relation'];
  is_guarantor: number;
  contact: string;
  seminar_participation: FamilyMember['seminarParticipation'];
  guardian_instructed: number;
  notes: string;
  created_at: string;
  updated_at: string;
}

function toFamilyMember(r: FamilyRow): FamilyMember {
  return {
    id: r.id,
    superviseeId: r.supervisee_id,
    name: r.name,
    nameKana: r.name_kana,
    relation: r.relation,
    isGuarantor: r.is_guarantor === 1,
    contact: r.contact,
    seminarParticipation: r.seminar_participation,
    guardianInstructed: r.guardian_instructed === 1,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listFamily(ctx: ServiceContext, superviseeId: string): FamilyMember[] {
  const rows = stmt(ctx.db, 'SELECT * FROM family_members WHERE supervisee_id = ? ORDER BY is_guarantor DESC, created_at, rowid')
    .all(superviseeId) as FamilyRow[];
  return rows.map(toFamilyMember);
}

/** Adds a family member, or (with id) replaces one's details. */
export function saveFamilyMember(ctx: ServiceContext, input: ParsedInputOf<'family.save'>): FamilyMember {
  requireCaseworker(ctx);
  if (!stmt(ctx.db, 'SELECT 1 FROM supervisees WHERE id = ?').get(input.superviseeId)) {
    throw new AppError('NOT_FOUND', 'no such supervisee', { field: 'superviseeId' });
  }
  const fields = {
    name: input.name,
    name_kana: input.nameKana,
    relation: input.relation,
    is_guarantor: bool(input.isGuarantor),
    contact: input.contact,
    seminar_participation: input.seminarParticipation,
    guardian_instructed: bool(input.guardianInstructed),
    notes: input.notes,
  };
  const id = input.id ?? randomUUID();
  if (input.id) {
    const existing = stmt(ctx.db, 'SELECT supervisee_id FROM family_members WHERE id = ?').get(input.id) as
      | { supervisee_id: string }
      | undefined;
    if (!existing || existing.supervisee_id !== input.superviseeId) {
      throw new AppError('NOT_FOUND', 'no such family member of this supervisee', { field: 'id' });
    }
    mutate(ctx, 'family.update', (tx) => tx.update('family_members', id, { ...fields, updated_at: tx.at }));
  } else {
    mutate(ctx, 'family.add', (tx) =>
      tx.insert('family_members', { id, supervisee_id: input.superviseeId, ...fields, created_at: tx.at, updated_at: tx.at }),
    );
  }
  return toFamilyMember(stmt(ctx.db, 'SELECT * FROM family_members WHERE id = ?').get(id) as FamilyRow);
}
