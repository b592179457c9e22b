import { useMutation, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';
import { dailyKey, useRefreshAll } from '../contacts/queries';

export interface AgendaQuery {
  from: string;
  to: string;
  scope: 'mine' | 'all';
  includeCancelled?: boolean;
}

/** Appointments in a range of Japan days; "needs outcome" is computed when asked, so always re-ask. */
export function useAgenda(q: AgendaQuery, enabled = true) {
  const input = { from: q.from, to: q.to, scope: q.scope, includeCancelled: q.includeCancelled ?? false };
  return useQuery({
    queryKey: [...dailyKey, 'agenda', input],
    queryFn: () => call('appointments.agenda', input),
    refetchOnMount: 'always',
    enabled,
  });
}

export function useCreateAppointments() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'appointments.create'>) => call('appointments.create', input),
    onSuccess: refresh,
  });
}

export function useRescheduleAppointment() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'appointments.reschedule'>) => call('appointments.reschedule', input),
    onSuccess: refresh,
  });
}

export function useCancelAppointment() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'appointments.cancel'>) => call('appointments.cancel', input),
    onSuccess: refresh,
  });
}

export function useResolveAppointment() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: InputOf<'appointments.resolve'>) => call('appointments.resolve', input),
    onSuccess: refresh,
  });
}
