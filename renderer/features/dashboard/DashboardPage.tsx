import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow, CaseloadSortKey } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { formatDay } from '../contacts/format';
import { useSession } from '../session/SessionContext';
import { useNavigation, type PageId } from '../shell/pages';
import { FilterBar, FlagFilter } from './CaseloadFilters';
import { CaseloadGrid } from './CaseloadGrid';
import { clearFilters, defaultView, hasFilters, nextSort, shownFlags, tabFor, type CaseloadView } from './model';
import { useFirstPage, useFlagCounts, useOfficerOptions } from './queries';
import { recall, remember } from './viewMemory';

/** Nothing assigned or registered yet: how to register a case, or look around in the demo office. */
function NoCases({ view, onNavigate }: { view: CaseloadView; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { user, demo } = useSession().status;
  const role = user.role;
  const isAdmin = role === 'administrator';
  return (
    <EmptyState title={t('dashboard.emptyTitle')}>
      {view.scope === 'mine' ? <p>{t('dashboard.emptyOfficer')}</p> : null}
      {view.scope === 'mine' && role !== 'officer' ? <p>{t('caseload.empty.switchToUnit')}</p> : null}
      {isAdmin ? <p>{t('dashboard.emptyAdmin')}</p> : null}
      <p>{view.scope === 'mine' ? t('caseload.empty.registerMine') : t('caseload.empty.registerUnit')}</p>
      {demo ? null : <p>{t('caseload.empty.demo', { open: t('demoOffice.open') })}</p>}
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={() => navigate({ page: 'intake' })}>
          {t('caseload.empty.newIntake')}
        </button>
        {isAdmin ? (
          <button type="button" className="button-secondary" onClick={() => onNavigate('users')}>
            {t('dashboard.goToUsers')}
          </button>
        ) : null}
      </div>
    </EmptyState>
  );
}

/**
 * The dashboard is the caseload: "my caseload" for an officer; supervisors and administrators can
 * switch to the whole office and narrow it to one officer. Filters, sort and paging run in the
 * service; the table loads further pages as it scrolls.
 */
export function DashboardPage({ onNavigate }: { onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const { navigate } = useNavigation();
  const { user } = useSession().status;
  const mayUnit = user.role !== 'officer';
  const [initial] = useState(() => recall(user.id));
  const [view, setViewState] = useState<CaseloadView>(() => initial?.view ?? defaultView(user.role));
  const [active, setActive] = useState<number | null>(initial?.active ?? null);
  const returning = initial?.returning === true && initial.active !== null;

  useEffect(() => {
    remember(user.id, { view, active, returning: false });
  }, [user.id, view, active]);

  const setView = (next: CaseloadView) => {
    setViewState(next);
    // A new list starts at its first row.
    setActive((a) => (a === null ? null : 0));
  };

  const first = useFirstPage(view);
  const counts = useFlagCounts(view);
  const officers = useOfficerOptions(mayUnit && view.scope === 'unit');
  const page = first.data;
  const firstIsCurrent = page !== undefined && !first.isPlaceholderData;
  const filtered = hasFilters(view.filters);
  const noCasesAtAll = firstIsCurrent && page.total === 0 && !filtered;
  const officerName = view.scope === 'unit' && view.filters.officerId ? officers.officers.find((o) => o.id === view.filters.officerId)?.name : undefined;
  const heading = view.scope === 'mine' ? t('caseload.headingMine') : officerName ? t('caseload.headingOfficer', { name: officerName }) : t('caseload.headingUnit');

  const open = (row: CaseloadRow, index: number) => {
    remember(user.id, { view, active: index, returning: true });
    navigate({ page: 'person', superviseeId: row.superviseeId, caseId: row.caseId, tab: tabFor(shownFlags(row.flags, row.drugTestsVisible), view.filters.flags) });
  };
  const sort = (key: CaseloadSortKey) => setViewState((v) => ({ ...v, sort: nextSort(v.sort, key) }));

  return (
    <div className="cl-page">
      <PageHeading focusOnMount={!returning}>{t('dashboard.title')}</PageHeading>
      <div className="cl-summary">
        <h2 id="caseload-title">{heading}</h2>
        <p className="cl-count" aria-live="polite">
          {page ? (
            // A plural key: i18next picks …_one or …_other from the count.
            <span>{t(`caseload.count`, { count: page.total })}</span>
          ) : null}
          {first.isPlaceholderData || (first.isFetching && !first.isPending) ? <span className="muted cl-updating">{t('caseload.updating')}</span> : null}
        </p>
        {page ? <p className="cl-as-of">{t('caseload.asOf', { date: formatDay(page.today, style) })}</p> : null}
      </div>
      {!noCasesAtAll || mayUnit ? (
        <FilterBar
          view={view}
          mayUnit={mayUnit}
          officers={officers.officers}
          onChange={setView}
          showColumnFilters={!noCasesAtAll}
        />
      ) : null}
      {!noCasesAtAll ? <FlagFilter view={view} counts={counts.data} onChange={setView} /> : null}
      <ErrorAlert>{first.isError ? errorText(first.error) : null}</ErrorAlert>
      {first.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {noCasesAtAll ? <NoCases view={view} onNavigate={onNavigate} /> : null}
      {firstIsCurrent && page.total === 0 && filtered ? (
        <EmptyState title={t('caseload.empty.noMatchTitle')}>
          <p>{t('caseload.empty.noMatchBody')}</p>
          <button type="button" className="button-primary" onClick={() => setView(clearFilters(view))}>
            {t('caseload.clearFilters')}
          </button>
        </EmptyState>
      ) : null}
      {page && page.total > 0 ? (
        <>
          <p className="hint cl-keys" id="caseload-keys">
            {t('caseload.keysHint')}
          </p>
          <CaseloadGrid
            view={view}
            first={page}
            firstIsCurrent={firstIsCurrent}
            active={active}
            onActive={setActive}
            onSort={sort}
            onOpen={open}
            labelledBy="caseload-title"
            describedBy="caseload-keys"
            focusOnLoad={returning}
          />
        </>
      ) : null}
    </div>
  );
}
