/** Pure helpers of the facility screens (no DOM, no React): used by the pages and the unit tests. */
import type { ExitDestination, FacilityKind, Occupancy, OccupancyMonth } from '../../../db/contract';

/** The service's codes, in its order (the renderer may only import types from db/contract). */
export const FACILITY_KIND_OPTIONS: readonly FacilityKind[] = ['rehabilitation_facility', 'self_reliance_home', 'darc_residence', 'other'];
export const EXIT_DESTINATION_OPTIONS: readonly ExitDestination[] = ['rented_housing', 'employer_housing', 'family', 'other'];

export interface OverCapacity {
  capacity: number;
  occupied: number;
  /** The first full day, when the service named it. */
  date: string | null;
}

/** The figures of a service OVER_CAPACITY refusal, or null for any other error. */
export function overCapacityOf(error: unknown): OverCapacity | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; details?: Record<string, unknown> };
  if (e.code !== 'OVER_CAPACITY') return null;
  const capacity = e.details?.capacity;
  const occupied = e.details?.occupied;
  const date = e.details?.date;
  if (typeof capacity !== 'number' || typeof occupied !== 'number') return null;
  return { capacity, occupied, date: typeof date === 'string' ? date : null };
}

/** A rate as a whole percentage ("83%"), or null. */
export function percent(rate: number | null): string | null {
  return rate === null ? null : `${Math.round(rate * 100)}%`;
}

/** A number with at most one decimal ("4.5", "12"). */
export function oneDecimal(n: number | null): string | null {
  if (n === null) return null;
  return (Math.round(n * 10) / 10).toString();
}

export interface FacilityOccupancy {
  facilityId: string;
  facilityName: string;
  capacity: number;
  months: OccupancyMonth[];
}

/** The occupancy rows grouped per facility, months oldest first, in the service's order. */
export function byFacility(occ: Occupancy): FacilityOccupancy[] {
  const out = new Map<string, FacilityOccupancy>();
  for (const r of occ.rows) {
    let f = out.get(r.facilityId);
    if (!f) {
      f = { facilityId: r.facilityId, facilityName: r.facilityName, capacity: r.capacity, months: [] };
      out.set(r.facilityId, f);
    }
    f.months.push(r);
  }
  for (const f of out.values()) f.months.sort((a, b) => a.month.localeCompare(b.month));
  return [...out.values()];
}

/** A tone for a rate: full (≥ 100%), high (≥ 85%) or normal. */
export function rateTone(rate: number | null): 'full' | 'high' | 'normal' {
  if (rate === null) return 'normal';
  if (rate >= 1) return 'full';
  if (rate >= 0.85) return 'high';
  return 'normal';
}
