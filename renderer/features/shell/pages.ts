import type { Role } from '../../../db/contract';

export type PageId = 'dashboard' | 'users' | 'audit' | 'settings';

const ADMIN_ONLY: ReadonlySet<PageId> = new Set(['users', 'audit']);
const ORDER: PageId[] = ['dashboard', 'users', 'audit', 'settings'];

/** The pages a role sees in the navigation. The services check the role again on every call. */
export function pagesFor(role: Role): PageId[] {
  return ORDER.filter((p) => role === 'administrator' || !ADMIN_ONLY.has(p));
}
