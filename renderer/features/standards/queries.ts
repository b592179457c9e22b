import { useMutation, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';
import { dailyKey, useRefreshAll } from '../contacts/queries';

export function useStandards() {
  return useQuery({ queryKey: [...dailyKey, 'standards'], queryFn: () => call('standards.list', {}) });
}

export function useSaveStandard() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'standards.save'>) => call('standards.save', input),
    onSuccess: refresh,
  });
}
