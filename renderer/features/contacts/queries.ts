import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';

/** Every query of daily casework starts with this key. */
export const dailyKey = ['daily'] as const;

export function useContacts(caseId: string) {
  return useQuery({ queryKey: [...dailyKey, 'contacts', caseId], queryFn: () => call('contacts.list', { caseId }) });
}

export function useStandardForCase(caseId: string, month: string) {
  return useQuery({
    queryKey: [...dailyKey, 'standard', caseId, month],
    queryFn: () => call('standards.forCase', { caseId, month }),
  });
}

export function useMissingVpoReports(month: string) {
  return useQuery({
    queryKey: [...dailyKey, 'vpoMissing', month],
    queryFn: () => call('vpoReports.missing', { month }),
    refetchOnMount: 'always',
  });
}

/**
 * A recorded contact changes much that is shown elsewhere (standards, agenda, caseload flags, the
 * timeline): every query is refreshed. Calls are local and cheap. The refresh is not awaited: the
 * row a form or dialog belongs to may vanish with the new data (a resolved appointment leaves
 * "needs outcome"), and the caller's own onSuccess must still run.
 */
export function useRefreshAll() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries();
  };
}

export function useRecordContact() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'contacts.record'>) => call('contacts.record', input),
    onSuccess: refresh,
  });
}

export function useRecordVpoReport() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'vpoReports.record'>) => call('vpoReports.record', input),
    onSuccess: refresh,
  });
}
