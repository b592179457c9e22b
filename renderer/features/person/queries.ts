import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelName, InputOf } from '../../../db/contract';
import { call } from '../../api';

/** Everything shown on one person's page lives under this key, so one invalidation refreshes it. */
export const personKey = (superviseeId: string) => ['person', superviseeId] as const;

export function usePerson(superviseeId: string) {
  return useQuery({ queryKey: personKey(superviseeId), queryFn: () => call('supervisees.get', { id: superviseeId }) });
}

export function usePersonHistory(superviseeId: string) {
  return useQuery({
    queryKey: [...personKey(superviseeId), 'history'],
    queryFn: () => call('supervisees.history', { id: superviseeId, limit: 500 }),
  });
}

export function useAssessments(superviseeId: string, caseId: string) {
  return useQuery({
    queryKey: [...personKey(superviseeId), 'assessments', caseId],
    queryFn: () => call('assessments.list', { caseId }),
  });
}

/** The catalogue of conditions does not change while the app runs. */
export function useCatalogue() {
  return useQuery({ queryKey: ['conditions', 'catalogue'], queryFn: () => call('conditions.catalogue', {}), staleTime: Infinity });
}

/** Intensity levels are the rows of the contact-standards table. */
export function useIntensityLevels() {
  return useQuery({ queryKey: ['standards', 'list'], queryFn: () => call('standards.list', {}), staleTime: 60_000 });
}

/** After a change to a person: their page, and the lists that show them (search, VPO counts, caseload). */
export function invalidatePerson(qc: QueryClient, superviseeId: string | null) {
  if (superviseeId) void qc.invalidateQueries({ queryKey: personKey(superviseeId) });
  for (const key of ['search', 'vpos', 'caseload', 'timeline']) void qc.invalidateQueries({ queryKey: [key] });
}

/** A call that changes something of one person, then refreshes what shows it. */
export function usePersonMutation<C extends ChannelName>(channel: C, superviseeId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => invalidatePerson(qc, superviseeId),
  });
}
