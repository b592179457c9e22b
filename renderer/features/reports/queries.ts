import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DrillTarget, ReportExportFormat, ReportRequest } from '../../../db/contract';
import { call, subscribe } from '../../api';
import { usePrefs } from '../../preferences/usePrefs';
import type { ReportQuery } from './period';

const KEY = ['reports'] as const;

/** The request in the language the screen is shown in (labels and definitions come back in it). */
export function useReportRequest(query: ReportQuery | undefined): ReportRequest | undefined {
  const { lang } = usePrefs();
  return useMemo(() => (query ? { ...query, lang } : undefined), [query, lang]);
}

/**
 * The report of a request. It stays in the query cache while the app is unlocked, so coming back
 * from a drill list or a person page shows the same report at once instead of running it again.
 */
export function useReport(request: ReportRequest | undefined) {
  return useQuery({
    queryKey: [...KEY, 'run', request],
    queryFn: () => call('reports.run', { request: request! }),
    enabled: request !== undefined,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/**
 * Forgets what is cached for a request (the report and its drill lists), so pressing Create counts
 * the data as it is now — after a sync import, say — instead of showing the report made earlier.
 */
export function useForgetReport(): (request: ReportRequest) => void {
  const client = useQueryClient();
  return useCallback(
    (request: ReportRequest) => {
      client.removeQueries({ queryKey: [...KEY, 'run', request], exact: true });
      client.removeQueries({ queryKey: [...KEY, 'drill', request] });
    },
    [client],
  );
}

/** How far the service is with the report it is building (section by section), while `active`. */
export function useReportProgress(active: boolean): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return undefined;
    }
    return subscribe('progress', (p) => (p.task === 'report' ? setProgress({ done: p.done, total: p.total }) : undefined));
  }, [active]);
  return progress;
}

export function useDrill(request: ReportRequest, target: DrillTarget) {
  return useQuery({
    queryKey: [...KEY, 'drill', request, target],
    queryFn: () => call('reports.drill', { request, target }),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
}

export function useUnits(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'units'], queryFn: () => call('reports.units', {}), enabled, staleTime: 60_000 });
}

/** Officers and supervisors who can carry cases, sorted by name, for the scope picker. */
export function useCaseOfficers(enabled: boolean) {
  const query = useQuery({ queryKey: [...KEY, 'officers'], queryFn: () => call('users.staff', {}), enabled, staleTime: 60_000 });
  return useMemo(
    () =>
      (query.data ?? [])
        .filter((u) => u.role !== 'administrator')
        .map((u) => ({ id: u.id, name: u.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    [query.data],
  );
}

export function useExport(request: ReportRequest | undefined) {
  return useMutation({
    mutationFn: (format: ReportExportFormat) => call('reports.export', { request: request!, format }),
  });
}
