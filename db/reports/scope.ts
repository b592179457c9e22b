/**
 * Who a report covers and who may ask for it. Officers may report only on their own cases;
 * supervisors and administrators on the office, a unit (部門) or any officer. The scope becomes a
 * WHERE clause over cases joined to supervisees (`c`, `s`); a case belongs to the officer the
 * supervisee is assigned to now.
 */
import type { ReportScope } from '../contract';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { stmt } from '../statements';
import type { ServiceContext } from '../write';
import type { ReportLang } from './period';

export interface ResolvedScope {
  where: string;
  params: { officerId?: string; unit?: string };
  label: string;
  /** For file names: office, unit-<n>, officer-<login>. */
  slug: string;
}

export function authorizeScope(ctx: ServiceContext, scope: ReportScope): void {
  requireRole(ctx, 'officer', 'supervisor', 'administrator');
  if (ctx.actor.role !== 'officer') return;
  if (scope.kind !== 'officer' || scope.officerId !== ctx.actor.userId) {
    throw new AppError('FORBIDDEN', 'an officer may report only on their own cases');
  }
}

export function resolveScope(ctx: ServiceContext, scope: ReportScope, lang: ReportLang, officeName: string): ResolvedScope {
  switch (scope.kind) {
    case 'office':
      return { where: '1 = 1', params: {}, label: lang === 'ja' ? `${officeName}（全体）` : `${officeName} (whole office)`, slug: 'office' };
    case 'unit': {
      const staff = stmt(ctx.db, "SELECT count(*) FROM users WHERE unit = ? AND role IN ('officer', 'supervisor')").pluck().get(scope.unit) as number;
      if (staff === 0) throw new AppError('NOT_FOUND', 'no staff in this unit', { field: 'scope.unit' });
      const units = listUnits(ctx);
      return {
        where: 's.officer_id IN (SELECT u.id FROM users u WHERE u.unit = @unit)',
        params: { unit: scope.unit },
        label: lang === 'ja' ? `${scope.unit}` : `Unit: ${scope.unit}`,
        slug: `unit-${units.indexOf(scope.unit) + 1}`,
      };
    }
    case 'officer': {
      const u = stmt(ctx.db, 'SELECT display_name, login FROM users WHERE id = ?').get(scope.officerId) as
        | { display_name: string; login: string }
        | undefined;
      if (!u) throw new AppError('NOT_FOUND', 'no such officer', { field: 'scope.officerId' });
      return {
        where: 's.officer_id = @officerId',
        params: { officerId: scope.officerId },
        label: lang === 'ja' ? `担当: ${u.display_name}` : `Officer: ${u.display_name}`,
        slug: `officer-${u.login.replace(/[^A-Za-z0-9_-]/g, '_')}`,
      };
    }
  }
}

/** Units that have staff, in order. */
export function listUnits(ctx: ServiceContext): string[] {
  return stmt(ctx.db, "SELECT DISTINCT unit FROM users WHERE unit <> '' AND role IN ('officer', 'supervisor') ORDER BY unit").pluck().all() as string[];
}
