import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { useIsAdmin } from '../session/SessionContext';
import type { PageId } from '../shell/pages';

export function DashboardPage({ onNavigate }: { onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <EmptyState title={t('dashboard.emptyTitle')}>
        <p>{t('dashboard.emptyBody')}</p>
        <p>{isAdmin ? t('dashboard.emptyAdmin') : t('dashboard.emptyOfficer')}</p>
        {isAdmin ? (
          <button type="button" className="button-primary" onClick={() => onNavigate('users')}>
            {t('dashboard.goToUsers')}
          </button>
        ) : null}
      </EmptyState>
    </>
  );
}
