import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../db/contract';
import { call } from '../../api';

export { fiscalYear, ORG_KIND_OPTIONS, percent } from './codes';

export const linksKey = ['supportLinks'] as const;

/** A change shows on the person page, the timeline, the directory (linked now) and the share: refresh all. */
function useRefresh() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries();
}

export function useSupportOrgs(input: InputOf<'supportOrgs.list'>) {
  return useQuery({ queryKey: [...linksKey, 'orgs', input], queryFn: () => call('supportOrgs.list', input) });
}

export function useLinksForCase(caseId: string) {
  return useQuery({ queryKey: [...linksKey, 'forCase', caseId], queryFn: () => call('supportLinks.list', { caseId }) });
}

export function useLinkShare() {
  return useQuery({ queryKey: [...linksKey, 'share'], queryFn: () => call('supportLinks.share', {}) });
}

export function useSaveOrg() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InputOf<'supportOrgs.save'>) => call('supportOrgs.save', input), onSuccess: refresh });
}

export function useCreateLink() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InputOf<'supportLinks.create'>) => call('supportLinks.create', input), onSuccess: refresh });
}

export function useEndLink() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InputOf<'supportLinks.end'>) => call('supportLinks.end', input), onSuccess: refresh });
}

/** Office-wide list of links (the Support organisations page). */
export function useLinkList(input: InputOf<'supportLinks.list'>) {
  return useQuery({
    queryKey: [...linksKey, 'list', input],
    queryFn: () => call('supportLinks.list', input),
    placeholderData: (previous) => previous,
  });
}
