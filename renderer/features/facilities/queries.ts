import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';

export function useFacilities(input: InputOf<'facilities.list'>) {
  return useQuery({ queryKey: ['facilities', 'list', input], queryFn: () => call('facilities.list', input), placeholderData: keepPreviousData });
}

export function useOccupancy(input: InputOf<'facilities.occupancy'> | null) {
  return useQuery({
    queryKey: ['facilities', 'occupancy', input],
    queryFn: () => call('facilities.occupancy', input!),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

export function usePlacements(input: InputOf<'placements.list'>) {
  return useQuery({ queryKey: ['facilities', 'placements', input], queryFn: () => call('placements.list', input) });
}

function useFacilityMutation<C extends 'facilities.save' | 'placements.create' | 'placements.end'>(channel: C) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['facilities'] });
      void qc.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
}

export const useSaveFacility = () => useFacilityMutation('facilities.save');
export const useCreatePlacement = () => useFacilityMutation('placements.create');
export const useEndPlacement = () => useFacilityMutation('placements.end');
