import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';

export function useSeminars(input: InputOf<'seminars.list'>) {
  return useQuery({ queryKey: ['seminars', 'list', input], queryFn: () => call('seminars.list', input), placeholderData: keepPreviousData });
}

export function useSeminar(id: string) {
  return useQuery({ queryKey: ['seminars', 'get', id], queryFn: () => call('seminars.get', { id }) });
}

export function useReachable(input: InputOf<'family.reachable'>) {
  return useQuery({ queryKey: ['seminars', 'reachable', input], queryFn: () => call('family.reachable', input) });
}

/** A person's family, for choosing whom to invite. */
export function usePersonFamily(superviseeId: string | null) {
  return useQuery({
    queryKey: ['person', superviseeId, 'for-seminar'],
    queryFn: () => call('supervisees.get', { id: superviseeId! }),
    enabled: superviseeId !== null,
  });
}

function useSeminarMutation<C extends 'seminars.create' | 'seminars.update' | 'seminars.invite' | 'seminars.recordAttendance'>(channel: C) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['seminars'] });
      // The person page's family section shows the seminar participation.
      void qc.invalidateQueries({ queryKey: ['person'] });
    },
  });
}

export const useCreateSeminar = () => useSeminarMutation('seminars.create');
export const useUpdateSeminar = () => useSeminarMutation('seminars.update');
export const useInvite = () => useSeminarMutation('seminars.invite');
export const useRecordAttendance = () => useSeminarMutation('seminars.recordAttendance');
