import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaPage } from '../appointments/AgendaPage';
import { AuditPage } from '../audit/AuditPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { IntakePage } from '../people/IntakePage';
import { PeoplePage } from '../people/PeoplePage';
import { PersonPage } from '../person/PersonPage';
import { OpenCasePage } from '../person/OpenCasePage';
import { useSession } from '../session/SessionContext';
import { SettingsPage } from '../settings/SettingsPage';
import { StandardsPage } from '../standards/StandardsPage';
import { UsersPage } from '../users/UsersPage';
import { VposPage } from '../vpos/VposPage';
import { ProgramsPage } from '../programs/ProgramsPage';
import { SeminarsPage } from '../seminars/SeminarsPage';
import { FacilitiesPage } from '../facilities/FacilitiesPage';
import { EmployersPage } from '../work/EmployersPage';
import { WorkListsPage } from '../work/WorkListsPage';
import { SupportOrgsPage } from '../supportlinks/SupportOrgsPage';
import { DrillPage } from '../reports/DrillPage';
import { ReportsPage } from '../reports/ReportsPage';
import { BackupPage } from '../backup/BackupPage';
import { ConflictsPage } from '../conflicts/ConflictsPage';
import { SyncPage } from '../sync/SyncPage';
import { SyncStatusBar } from '../sync/SyncStatusBar';
import { startRoute } from '../sync/handoff';
import { AppHeader } from './AppHeader';
import { NavigationContext, navPageOf, pageLabelKey, pagesFor, type Navigation, type PageId, type Route } from './pages';

function isLockShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l';
}

/** The signed-in app: header, navigation and the current page. Unmounted as a whole on lock. */
export function AppFrame() {
  const { t } = useTranslation();
  const { status, lock } = useSession();
  const pages = pagesFor(status.user.role);
  // A stack of routes, so a page opened from another (a person from the search) has Back.
  const [stack, setStack] = useState<Route[]>(() => [startRoute() ?? { page: 'dashboard' }]);
  const [locking, setLocking] = useState(false);
  const top = stack[stack.length - 1] ?? { page: 'dashboard' };
  const route: Route = pages.includes(navPageOf(top)) ? top : { page: 'dashboard' };
  const current = navPageOf(route);
  const setPage = useCallback((p: PageId) => setStack([{ page: p }]), []);
  const navigation = useMemo<Navigation>(
    () => ({
      route,
      navigate: (next, opts) => setStack((s) => (opts?.replace ? [...s.slice(0, -1), next] : [...s, next].slice(-30))),
      back: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
      canGoBack: stack.length > 1,
    }),
    [route, stack.length],
  );

  const doLock = useCallback(() => {
    setLocking(true);
    void lock();
  }, [lock]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isLockShortcut(e)) return;
      e.preventDefault();
      doLock();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doLock]);

  return (
    <NavigationContext value={navigation}>
      <div className="app-frame">
        <button
          type="button"
          className="skip-link"
          onClick={() => document.querySelector<HTMLElement>('main h1')?.focus()}
        >
          {t('app.skipToMain')}
        </button>
        <AppHeader locking={locking} onLock={doLock} />
        <div className="app-body">
          <nav className="app-nav" aria-label={t('shell.nav')}>
            <ul>
              {pages.map((p) => (
                <li key={p}>
                  <button
                    type="button"
                    className="nav-item"
                    aria-current={p === current ? 'page' : undefined}
                    onClick={() => setPage(p)}
                  >
                    {t(pageLabelKey(p))}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <main className="app-main" id="main">
            {route.page === 'dashboard' ? <DashboardPage onNavigate={setPage} /> : null}
            {route.page === 'people' ? <PeoplePage /> : null}
            {route.page === 'intake' ? <IntakePage /> : null}
            {route.page === 'person' ? (
              <PersonPage
                key={`${route.superviseeId}-${stack.length}`}
                superviseeId={route.superviseeId}
                tab={route.tab}
                notice={route.notice}
                caseId={route.caseId}
              />
            ) : null}
            {route.page === 'openCase' ? <OpenCasePage key={stack.length} superviseeId={route.superviseeId} /> : null}
            {route.page === 'vpos' ? <VposPage /> : null}
            {route.page === 'programs' ? <ProgramsPage /> : null}
            {route.page === 'seminars' ? <SeminarsPage /> : null}
            {route.page === 'facilities' ? <FacilitiesPage /> : null}
            {route.page === 'employers' ? <EmployersPage /> : null}
            {route.page === 'workLists' ? <WorkListsPage /> : null}
            {route.page === 'supportOrgs' ? <SupportOrgsPage /> : null}
            {route.page === 'reports' ? <ReportsPage query={'query' in route ? route.query : undefined} /> : null}
            {route.page === 'reportDrill' ? (
              <DrillPage key={stack.length} query={route.query} target={route.target} label={route.label} />
            ) : null}
            {route.page === 'agenda' ? <AgendaPage /> : null}
            {route.page === 'standards' ? <StandardsPage /> : null}
            {route.page === 'users' ? <UsersPage /> : null}
            {route.page === 'audit' ? <AuditPage /> : null}
            {route.page === 'settings' ? <SettingsPage /> : null}
            {route.page === 'sync' ? <SyncPage /> : null}
            {route.page === 'conflicts' ? <ConflictsPage /> : null}
            {route.page === 'backup' ? <BackupPage /> : null}
          </main>
        </div>
        <SyncStatusBar />
      </div>
    </NavigationContext>
  );
}
