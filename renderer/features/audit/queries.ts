import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = Omit<InputOf<'audit.list'>, 'limit' | 'offset'>;

export function useAuditList(filter: AuditFilter, offset: number) {
  return useQuery({
    queryKey: ['audit', 'list', filter, offset],
    queryFn: () => call('audit.list', { ...filter, limit: AUDIT_PAGE_SIZE, offset }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditVerify() {
  return useMutation({ mutationFn: () => call('audit.verify', {}) });
}
