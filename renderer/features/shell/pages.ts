import { createContext, useContext } from 'react';
import type { DrillTarget, Role } from '../../../db/contract';
import type { ReportQuery } from '../reports/period';

export type PageId = 'employers' | 'workLists' | 'supportOrgs' | 'seminars' | 'facilities' | 'programs' | 'dashboard' | 'agenda' | 'people' | 'vpos' | 'standards' | 'users' | 'audit' | 'settings' | 'reports' | 'sync' | 'backup';

const ADMIN_ONLY: ReadonlySet<PageId> = new Set(['users', 'audit', 'backup']);
/** Pages for supervisors and administrators only. */
const SUPERVISOR_UP: ReadonlySet<PageId> = new Set(['standards']);
const ORDER: PageId[] = ['dashboard', 'agenda', 'people', 'vpos', 'programs', 'seminars', 'facilities', 'employers', 'workLists', 'supportOrgs', 'reports', 'standards', 'users', 'audit', 'sync', 'backup', 'settings'];
/** Pages whose label is not under nav.* (their messages live with their feature). */
const LABEL_KEYS: Partial<Record<PageId, string>> = {
  agenda: 'daily.nav.agenda',
  standards: 'daily.nav.standards',
  people: 'people.nav',
  vpos: 'vpos.nav',
  seminars: 'families.seminars.nav',
  facilities: 'families.facilities.nav',
  programs: 'programs.nav',
  employers: 'work.nav',
  workLists: 'workLists.nav',
  supportOrgs: 'supportLinks.nav',
  reports: 'reports.nav',
  sync: 'syncNav.sync',
  backup: 'syncNav.backup',
};

/** The i18n key of a page's label in the navigation. */
export function pageLabelKey(page: PageId): string {
  return LABEL_KEYS[page] ?? `nav.${page}`;
}

/** The pages a role sees in the navigation. The services check the role again on every call. */
export function pagesFor(role: Role): PageId[] {
  return ORDER.filter(
    (p) => (role === 'administrator' || !ADMIN_ONLY.has(p)) && (role !== 'officer' || !SUPERVISOR_UP.has(p)),
  );
}

/**
 * Where the app is: a page of the navigation, or a page reached from one that carries a parameter
 * (a person, a tab). Kept in memory only, so nothing of it survives locking.
 */
export type Route =
  | { page: PageId }
  | { page: 'intake' }
  | { page: 'person'; superviseeId: string; tab?: string; notice?: string; /** Which of the person's cases to show. */ caseId?: string }
  /** The report of a period and scope (kept here so Back from a drill list shows the same report). */
  | { page: 'reports'; query?: ReportQuery }
  /** The cases behind one figure of a report; `label` names the figure in the heading. */
  | { page: 'reportDrill'; query: ReportQuery; target: DrillTarget; label: string }
  /** The conflict queue, reached from the Sync page and the status bar. */
  | { page: 'conflicts' }
  /** A new case for a person already registered, from their page. */
  | { page: 'openCase'; superviseeId: string };

/** The navigation entry a route belongs to, highlighted in the menu. */
export function navPageOf(route: Route): PageId {
  if (route.page === 'reportDrill') return 'reports';
  if (route.page === 'conflicts') return 'sync';
  if (route.page === 'openCase') return 'people';
  return route.page === 'person' || route.page === 'intake' ? 'people' : route.page;
}

export interface Navigation {
  route: Route;
  /** Opens a route; with `replace` it takes the place of the current one (no Back to it). */
  navigate: (route: Route, opts?: { replace?: boolean }) => void;
  back: () => void;
  canGoBack: boolean;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside the app frame');
  return nav;
}
