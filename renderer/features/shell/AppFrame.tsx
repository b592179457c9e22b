import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditPage } from '../audit/AuditPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { useSession } from '../session/SessionContext';
import { SettingsPage } from '../settings/SettingsPage';
import { UsersPage } from '../users/UsersPage';
import { AppHeader } from './AppHeader';
import { pagesFor, type PageId } from './pages';

function isLockShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l';
}

/** The signed-in app: header, navigation and the current page. Unmounted as a whole on lock. */
export function AppFrame() {
  const { t } = useTranslation();
  const { status, lock } = useSession();
  const pages = pagesFor(status.user.role);
  const [page, setPage] = useState<PageId>('dashboard');
  const [locking, setLocking] = useState(false);
  const current = pages.includes(page) ? page : 'dashboard';

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
                  {t(`nav.${p}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="app-main" id="main">
          {current === 'dashboard' ? <DashboardPage onNavigate={setPage} /> : null}
          {current === 'users' ? <UsersPage /> : null}
          {current === 'audit' ? <AuditPage /> : null}
          {current === 'settings' ? <SettingsPage /> : null}
        </main>
      </div>
    </div>
  );
}
