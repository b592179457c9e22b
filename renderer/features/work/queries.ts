import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';

/** Every query of vocational support starts with this key. */
export const workKey = ['work'] as const;

/**
 * A change here shows on the person page, the timeline and the employer registry (employing now):
 * every query is refreshed (calls are local and cheap), not awaited.
 */
function useRefresh() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries();
}

export function useEmployment(caseId: string) {
  return useQuery({ queryKey: [...workKey, 'forCase', caseId], queryFn: () => call('employment.forCase', { caseId }) });
}

export function useEmployers(input: InputOf<'employers.list'>) {
  return useQuery({
    queryKey: [...workKey, 'employers', input],
    queryFn: () => call('employers.list', input),
    placeholderData: (previous) => previous,
  });
}

export function useEmployerFacets() {
  return useQuery({ queryKey: [...workKey, 'facets'], queryFn: () => call('employers.facets', {}) });
}

function useCall<C extends 'employers.save' | 'employment.recordSupport' | 'employment.updateSupport' | 'employment.recordJob' | 'employment.endJob' | 'employment.setStatus'>(channel: C) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InputOf<C>) => call(channel, input), onSuccess: refresh });
}

export const useSaveEmployer = () => useCall('employers.save');
export const useRecordSupport = () => useCall('employment.recordSupport');
export const useUpdateSupport = () => useCall('employment.updateSupport');
export const useRecordJob = () => useCall('employment.recordJob');
export const useEndJob = () => useCall('employment.endJob');
export const useSetStatus = () => useCall('employment.setStatus');

/** Office-wide list of employment support (the Work support page). */
export function useSupportList(input: InputOf<'employment.supports'>) {
  return useQuery({
    queryKey: [...workKey, 'supportList', input],
    queryFn: () => call('employment.supports', input),
    placeholderData: (previous) => previous,
  });
}

/** Office-wide list of jobs (the Work support page). */
export function useJobList(input: InputOf<'employment.jobs'>) {
  return useQuery({
    queryKey: [...workKey, 'jobList', input],
    queryFn: () => call('employment.jobs', input),
    placeholderData: (previous) => previous,
  });
}
