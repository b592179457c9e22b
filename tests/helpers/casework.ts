import { randomUUID } from 'node:crypto';
import { mutate, type ServiceContext } from '../../db/write';

/**
 * Inserts a minimal supervisee with one active 4号 case straight through the write path, for tests
 * of services that only need a case to exist. Real creation goes through the supervisee service.
 */
export function insertCase(
  ctx: ServiceContext,
  opts: { officerId?: string | null; startDate?: string; endDate?: string; level?: string; caseNumber?: string } = {},
): { superviseeId: string; caseId: string; phaseId: string } {
  const superviseeId = randomUUID();
  const caseId = randomUUID();
  const phaseId = randomUUID();
  const start = opts.startDate ?? '2026-04-01';
  const end = opts.endDate ?? '2029-03-31';
  mutate(ctx, 'test.insertCase', (tx) => {
    tx.insert('supervisees', {
      id: superviseeId,
      family_name: '山田',
      given_name: '太郎',
      family_kana: 'やまだ',
      given_kana: 'たろう',
      family_romaji: 'Yamada',
      given_romaji: 'Taro',
      birth_date: '1990-05-05',
      sex: 'male',
      drug_types: '["stimulants"]',
      officer_id: opts.officerId ?? ctx.actor.userId,
      created_at: tx.at,
      updated_at: tx.at,
    });
    tx.insert('cases', {
      id: caseId,
      supervisee_id: superviseeId,
      case_number: opts.caseNumber ?? `T-${caseId.slice(0, 8)}`,
      status: 'active',
      intensity_level: opts.level ?? 'B',
      start_date: start,
      planned_end_date: end,
      created_at: tx.at,
      updated_at: tx.at,
    });
    tx.insert('case_phases', {
      id: phaseId,
      case_id: caseId,
      seq: 1,
      category: '4',
      kind: 'probation',
      start_date: start,
      base_end_date: end,
      end_date: end,
      created_at: tx.at,
      updated_at: tx.at,
    });
  });
  return { superviseeId, caseId, phaseId };
}
