import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';

export const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: () => call('users.list', {}) });
}

export function useAddUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'users.add'>) => call('users.add', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useSetActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'users.setActive'>) => call('users.setActive', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassphrase() {
  return useMutation({
    mutationFn: (input: InputOf<'users.resetPassphrase'>) => call('users.resetPassphrase', input),
  });
}
