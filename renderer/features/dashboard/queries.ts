import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CaseloadFlag, CaseloadPage, CaseloadRow } from '../../../db/contract';
import { call } from '../../api';
import { countFlags, FLAG_ORDER, pageInput, PAGE_SIZE, toServiceFilters, type CaseloadView } from './model';

/** Under 'caseload' so that every change to a person or their casework refreshes it. */
const KEY = ['caseload', 'dashboard'] as const;

function viewKey(view: CaseloadView) {
  return { scope: view.scope, filters: toServiceFilters(view.scope, view.filters), sort: view.sort };
}

/** The first page of the view: its total, the date of its flags, and its first rows. */
export function useFirstPage(view: CaseloadView) {
  return useQuery({
    queryKey: [...KEY, viewKey(view), 0],
    queryFn: () => call('caseload.list', pageInput(view, 0)),
    // While a new filter or sort loads, the previous rows stay (marked as updating) instead of a blank.
    placeholderData: keepPreviousData,
  });
}

/**
 * The row at each index: page 0 from `first`, further pages fetched as the table comes near them
 * (so a long scroll or the End key loads only the pages seen).
 */
export function useRowPages(
  view: CaseloadView,
  first: CaseloadPage | undefined,
  firstIsCurrent: boolean,
  pages: readonly number[],
): { rowAt: (index: number) => CaseloadRow | null; error: unknown } {
  const key = viewKey(view);
  const wanted = pages.filter((p) => p > 0);
  const more = useQueries({
    queries: wanted.map((p) => ({
      queryKey: [...KEY, key, p],
      queryFn: () => call('caseload.list', pageInput(view, p)),
      enabled: firstIsCurrent,
    })),
  });
  const loaded = new Map<number, CaseloadPage>();
  wanted.forEach((p, i) => {
    const d = more[i]?.data;
    if (d) loaded.set(p, d);
  });
  return {
    rowAt: (index) => {
      const page = index < PAGE_SIZE ? first : firstIsCurrent ? loaded.get(Math.floor(index / PAGE_SIZE)) : undefined;
      return page?.rows[index % PAGE_SIZE] ?? null;
    },
    error: more.find((q) => q.error)?.error ?? null,
  };
}

export type FlagCounts = Record<CaseloadFlag, number>;

/**
 * How many cases of the view (its other filters applied, its flag filter not) have each flag. When
 * the view has at most 500 cases one call answers (the flags are on the rows); otherwise one call
 * per flag asks only for the total.
 */
export function useFlagCounts(view: CaseloadView) {
  const filters = toServiceFilters(view.scope, view.filters, false);
  return useQuery({
    queryKey: [...KEY, 'counts', view.scope, filters],
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<FlagCounts> => {
      const all = await call('caseload.list', { scope: view.scope, filters, limit: 500 });
      if (all.rows.length >= all.total) return countFlags(all.rows);
      const totals = await Promise.all(
        FLAG_ORDER.map((flag) => call('caseload.list', { scope: view.scope, filters: { ...filters, flags: [flag] }, limit: 1 })),
      );
      return Object.fromEntries(FLAG_ORDER.map((flag, i) => [flag, totals[i]!.total])) as FlagCounts;
    },
  });
}

export interface OfficerOption {
  id: string;
  name: string;
}

/** The officers the unit view can be narrowed to: active officers and supervisors. */
export function useOfficerOptions(enabled: boolean) {
  const query = useQuery({
    queryKey: [...KEY, 'officers'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<OfficerOption[]> => {
      const staff = await call('users.staff', {});
      return staff.filter((u) => u.role !== 'administrator').map((u) => ({ id: u.id, name: u.displayName }));
    },
  });
  const sorted = useMemo(
    () => [...(query.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    [query.data],
  );
  return { officers: sorted, pending: query.isPending && enabled };
}
