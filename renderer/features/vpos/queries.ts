import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';

export function useVpos(input: InputOf<'vpos.list'> = {}) {
  return useQuery({ queryKey: ['vpos', input], queryFn: () => call('vpos.list', input) });
}

export function useSaveVpo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'vpos.save'>) => call('vpos.save', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['vpos'] });
      // A person page shows the VPO's name and district.
      void qc.invalidateQueries({ queryKey: ['person'] });
    },
  });
}
