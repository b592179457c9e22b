import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { HeaderSearch } from '../search/HeaderSearch';
import { useSession } from '../session/SessionContext';

export function AppHeader({ locking, onLock }: { locking: boolean; onLock: () => void }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const { user } = status;
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.title')}</span>
      </div>
      <p className="office-name">{status.officeName}</p>
      {status.demo ? (
        <span className="demo-badge" title={t('shell.demoTitle')}>
          {t('shell.demo')}
          <span className="visually-hidden">: {t('shell.demoTitle')}</span>
        </span>
      ) : null}
      {status.demo ? (
        <button
          type="button"
          className="button-secondary button-small demo-leave"
          title={t('demoOffice.leaveTitle')}
          // The office host locks the demo; the session.locked event then shows the real office.
          onClick={() => void call('demo.leave', {})}
        >
          {t('demoOffice.leave')}
        </button>
      ) : null}
      <div className="header-spacer" />
      <HeaderSearch />
      <p className="current-user">
        <span className="visually-hidden">{t('shell.signedInAs')}: </span>
        <span className="current-user-name">{user.displayName}</span>
        <span className="current-user-role">{t(`roles.${user.role}`)}</span>
      </p>
      <button
        type="button"
        className="button-lock"
        onClick={onLock}
        disabled={locking}
        aria-keyshortcuts="Control+L"
        title={`${t('shell.lock')} (${t('shell.lockShortcut')})`}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <rect x="5" y="11" width="14" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span>{locking ? t('shell.locking') : t('shell.lock')}</span>
        <kbd>{t('shell.lockShortcut')}</kbd>
      </button>
    </header>
  );
}
