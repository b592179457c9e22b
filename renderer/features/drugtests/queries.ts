import { useMutation, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';
import { dailyKey, useRefreshAll } from '../contacts/queries';

export function useDrugTests(caseId: string) {
  return useQuery({ queryKey: [...dailyKey, 'drugTests', caseId], queryFn: () => call('drugTests.list', { caseId }) });
}

export function useRecordDrugTest() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'drugTests.record'>) => call('drugTests.record', input),
    onSuccess: refresh,
  });
}
