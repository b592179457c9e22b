import { useMutation, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';
import { dailyKey, useRefreshAll } from '../contacts/queries';

export function useMeasures(caseId: string) {
  return useQuery({ queryKey: [...dailyKey, 'measures', caseId], queryFn: () => call('measures.list', { caseId }) });
}

export function useRecordMeasure() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'measures.record'>) => call('measures.record', input),
    onSuccess: refresh,
  });
}

export function useSignOffMeasure() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'measures.signOff'>) => call('measures.signOff', input),
    onSuccess: refresh,
  });
}
