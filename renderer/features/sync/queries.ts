import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../api';

export const syncKeys = {
  all: ['sync'] as const,
  status: ['sync', 'status'] as const,
  devices: ['sync', 'devices'] as const,
  bundles: ['sync', 'bundles'] as const,
  conflicts: ['sync', 'conflicts'] as const,
};

/** The status bar re-reads it now and then: the main process exports on its own schedule. */
export function useSyncStatus(opts: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: syncKeys.status,
    queryFn: () => call('sync.status', {}),
    ...(opts.poll ? { refetchInterval: 60_000 } : {}),
  });
}

export function useDevices(enabled: boolean) {
  return useQuery({ queryKey: syncKeys.devices, queryFn: () => call('sync.devices.list', {}), enabled });
}

export function useBundles(enabled: boolean) {
  return useQuery({ queryKey: syncKeys.bundles, queryFn: () => call('sync.bundles.list', { limit: 20 }), enabled });
}

export function useConflicts() {
  return useQuery({ queryKey: syncKeys.conflicts, queryFn: () => call('sync.conflicts.list', {}) });
}

/** After an export, import or enrolment every sync list may have changed, and so may case data. */
export function useInvalidateAfterSync(): (opts?: { caseData?: boolean }) => Promise<void> {
  const qc = useQueryClient();
  return useCallback(
    async (opts) => {
      if (opts?.caseData) await qc.invalidateQueries();
      else await qc.invalidateQueries({ queryKey: syncKeys.all });
    },
    [qc],
  );
}
