/**
 * The caseload dashboard's state and the rules that turn it into calls and navigation. Pure: no
 * React, no DOM, so the unit tests can check it. The code lists are repeated from the contract
 * (the renderer may import only its types) and checked against its unions at compile time.
 */
import type {
  CaseCategory,
  CaseloadFlag,
  CaseloadFlags,
  CaseloadSortKey,
  CaseloadStatus,
  DrugType,
  InputOf,
  Role,
} from '../../../db/contract';

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;

/** The flags in the order they are shown (and in which the first one picks the tab Enter opens). */
export const FLAG_ORDER = [
  'positiveTest',
  'programMissed',
  'appointmentNeedsOutcome',
  'overdueContact',
  'missingVpoReport',
  'endingSoon',
] as const satisfies readonly CaseloadFlag[];

export const STATUS_OPTIONS = ['open', 'active', 'suspended', 'terminated', 'all'] as const satisfies readonly CaseloadStatus[];

export const SORT_KEYS = [
  'name',
  'caseNumber',
  'category',
  'intensity',
  'endDate',
  'officer',
  'lastContact',
  'flagCount',
] as const satisfies readonly CaseloadSortKey[];

const exhaustive: [
  Exhaustive<CaseloadFlag, (typeof FLAG_ORDER)[number]>,
  Exhaustive<CaseloadStatus, (typeof STATUS_OPTIONS)[number]>,
  Exhaustive<CaseloadSortKey, (typeof SORT_KEYS)[number]>,
] = [true, true, true];
void exhaustive;

/** Rows asked for per call (the service allows up to 500). */
export const PAGE_SIZE = 200;

export type Scope = 'mine' | 'unit';
export type SortDir = 'asc' | 'desc';

export interface CaseloadFilters {
  category: CaseCategory | '';
  drugType: DrugType | '';
  intensity: string;
  status: CaseloadStatus;
  /** Cases with every one of these flags. */
  flags: CaseloadFlag[];
  /** Unit view only: one officer's cases ('' = everyone's). */
  officerId: string;
}

export interface CaseloadView {
  scope: Scope;
  filters: CaseloadFilters;
  sort: { key: CaseloadSortKey; dir: SortDir };
}

export const DEFAULT_FILTERS: CaseloadFilters = {
  category: '',
  drugType: '',
  intensity: '',
  status: 'open',
  flags: [],
  officerId: '',
};

/**
 * Officers and supervisors start on their own caseload (a supervisor switches to the whole office);
 * administrators, who carry no cases, start on the whole office.
 */
export function defaultView(role: Role): CaseloadView {
  return {
    scope: role === 'administrator' ? 'unit' : 'mine',
    filters: { ...DEFAULT_FILTERS, flags: [] },
    sort: { key: 'name', dir: 'asc' },
  };
}

/** Whether any filter differs from the default (the officer choice of the unit view included). */
export function hasFilters(f: CaseloadFilters): boolean {
  return (
    f.category !== '' ||
    f.drugType !== '' ||
    f.intensity !== '' ||
    f.status !== DEFAULT_FILTERS.status ||
    f.flags.length > 0 ||
    f.officerId !== ''
  );
}

/** The filters cleared; the scope and sort stay. */
export function clearFilters(view: CaseloadView): CaseloadView {
  return { ...view, filters: { ...DEFAULT_FILTERS, flags: [] } };
}

type ListInput = InputOf<'caseload.list'>;

/** The filters as the service takes them (empty choices left out; the officer only in the unit view). */
export function toServiceFilters(scope: Scope, f: CaseloadFilters, withFlags = true): NonNullable<ListInput['filters']> {
  return {
    status: f.status,
    ...(f.category ? { category: f.category } : {}),
    ...(f.drugType ? { drugType: f.drugType } : {}),
    ...(f.intensity ? { intensity: f.intensity } : {}),
    ...(withFlags && f.flags.length > 0 ? { flags: orderFlags(f.flags) } : {}),
    ...(scope === 'unit' && f.officerId ? { officerId: f.officerId } : {}),
  };
}

/** The call for one page of rows. */
export function pageInput(view: CaseloadView, page: number, size = PAGE_SIZE): ListInput {
  return {
    scope: view.scope,
    filters: toServiceFilters(view.scope, view.filters),
    sort: { key: view.sort.key, dir: view.sort.dir },
    offset: page * size,
    limit: size,
  };
}

/** Flags in display order, each once. */
export function orderFlags(flags: readonly CaseloadFlag[]): CaseloadFlag[] {
  return FLAG_ORDER.filter((f) => flags.includes(f));
}

export function toggleFlag(flags: readonly CaseloadFlag[], flag: CaseloadFlag, on: boolean): CaseloadFlag[] {
  return orderFlags(on ? [...flags, flag] : flags.filter((f) => f !== flag));
}

/** The flags a row shows: a positive test only when the viewer may see the case's tests. */
export function shownFlags(flags: CaseloadFlags, drugTestsVisible: boolean): CaseloadFlag[] {
  return FLAG_ORDER.filter((f) => flags[f] && (f !== 'positiveTest' || drugTestsVisible));
}

/** Sorting a column: the same column flips its direction; another starts at its natural direction. */
export function nextSort(current: CaseloadView['sort'], key: CaseloadSortKey): CaseloadView['sort'] {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  // Most flags first, and the most recent contact first, are what one looks for in those columns.
  return { key, dir: key === 'flagCount' || key === 'lastContact' ? 'desc' : 'asc' };
}

/** The person page tab that explains a flag. */
export const FLAG_TAB: Record<CaseloadFlag, string> = {
  overdueContact: 'contacts',
  missingVpoReport: 'contacts',
  positiveTest: 'drugtests',
  endingSoon: 'case',
  appointmentNeedsOutcome: 'appointments',
  programMissed: 'programs',
};

/**
 * The tab a row opens on: the first flag filtered by that the row has, else the row's first flag
 * (in display order), else the Case tab.
 */
export function tabFor(rowFlags: readonly CaseloadFlag[], filterFlags: readonly CaseloadFlag[]): string {
  const filtered = orderFlags(filterFlags).find((f) => rowFlags.includes(f));
  const first = filtered ?? rowFlags[0];
  return first ? FLAG_TAB[first] : 'case';
}

/** Pages (of `size` rows) covering the rows from `start` to `end` inclusive; page 0 always. */
export function pagesFor(start: number, end: number, total: number, size = PAGE_SIZE): number[] {
  const pages = new Set<number>([0]);
  if (total > 0 && end >= start) {
    const last = Math.min(end, total - 1);
    for (let p = Math.floor(Math.max(0, start) / size); p <= Math.floor(last / size); p++) pages.add(p);
  }
  return [...pages].sort((a, b) => a - b);
}

/** Where the active row goes for a navigation key, or null when the key is not one of them. */
export function moveActive(key: string, active: number, total: number, pageRows: number): number | null {
  if (total <= 0) return null;
  const clamp = (n: number) => Math.max(0, Math.min(total - 1, n));
  switch (key) {
    case 'ArrowDown':
      return clamp(active + 1);
    case 'ArrowUp':
      return clamp(active - 1);
    case 'PageDown':
      return clamp(active + Math.max(1, pageRows));
    case 'PageUp':
      return clamp(active - Math.max(1, pageRows));
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return null;
  }
}

/** Counts of each flag, from rows already loaded (when they are the whole filtered list). */
export function countFlags(rows: readonly { flags: CaseloadFlags; drugTestsVisible: boolean }[]): Record<CaseloadFlag, number> {
  const counts = { overdueContact: 0, missingVpoReport: 0, positiveTest: 0, endingSoon: 0, appointmentNeedsOutcome: 0, programMissed: 0 };
  for (const r of rows) for (const f of shownFlags(r.flags, r.drugTestsVisible)) counts[f]++;
  return counts;
}
