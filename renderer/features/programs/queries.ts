import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelName, InputOf } from '../../../db/contract';
import { call } from '../../api';
import { invalidatePerson } from '../person/queries';

/** Everything of the treatment programs lives under this key, so one invalidation refreshes it. */
export const programsKey = ['programs'] as const;

export function usePrograms(activeOnly = false) {
  return useQuery({ queryKey: [...programsKey, 'catalogue', activeOnly], queryFn: () => call('programs.list', { activeOnly }) });
}

export function useEnrolments(caseId: string) {
  return useQuery({ queryKey: [...programsKey, 'forCase', caseId], queryFn: () => call('enrolments.forCase', { caseId }) });
}

export function useEnrolmentList(input: InputOf<'enrolments.list'>, enabled = true) {
  return useQuery({ queryKey: [...programsKey, 'enrolments', input], queryFn: () => call('enrolments.list', input), enabled });
}

export function useSessions(input: InputOf<'sessions.list'>) {
  return useQuery({ queryKey: [...programsKey, 'sessions', input], queryFn: () => call('sessions.list', input) });
}

export function useSession(id: string) {
  return useQuery({ queryKey: [...programsKey, 'session', id], queryFn: () => call('sessions.get', { id }) });
}

/** A programs call that changes something: refreshes the programs, the person pages and the caseload. */
export function useProgramsMutation<C extends ChannelName>(channel: C) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: programsKey });
      invalidatePerson(qc, null);
      void qc.invalidateQueries({ queryKey: ['person'] });
    },
  });
}
