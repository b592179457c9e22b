/** Support-organisation codes and the share's wording. Pure: used by the screens and the unit tests. */
import type { SupportOrgKind } from '../../../db/contract';

export const ORG_KIND_OPTIONS = [
  'psychiatric_hospital',
  'medical_clinic',
  'mental_health_centre',
  'public_health_centre',
  'self_help_group',
  'darc',
  'other',
] as const satisfies readonly SupportOrgKind[];

/** "FY2023" → its year, for the period's wording in each language; null for any other form. */
export function fiscalYear(period: string): string | null {
  return /^FY(\d{4})$/.exec(period)?.[1] ?? null;
}

/** A share as a percentage with one decimal ("9.1%"). */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
