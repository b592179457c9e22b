import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillTarget, Report } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { usePrefs } from '../../preferences/usePrefs';
import { useJapanNow } from '../contacts/useJapanNow';
import { useSession } from '../session/SessionContext';
import { useNavigation } from '../shell/pages';
import { drillKey } from './DrillButton';
import { ExportBar } from './ExportBar';
import { ReportForm } from './ReportForm';
import { defaultDraft, draftFrom, sameQuery, type ReportQuery } from './period';
import { useForgetReport, useReport, useReportProgress, useReportRequest } from './queries';
import { ReportHeader } from './ReportHeader';
import { ReportSectionView } from './ReportSectionView';

/** The number last opened, so Back from its list of cases lands on it again. */
let lastDrill: { query: ReportQuery; key: string } | null = null;

/** Instead of a page of zeros: why there is nothing to count, and what to try. */
function EmptyReport({ report, own }: { report: Report; own: boolean }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  if (report.empty === 'noCasesInScope') {
    return (
      <EmptyState title={t('reports.empty.noCasesInScope.title')}>
        <p>{t('reports.empty.noCasesInScope.body', { scope: report.scopeLabel })}</p>
        <p>{own ? t('reports.empty.noCasesInScope.tryOwn') : t('reports.empty.noCasesInScope.try')}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t('reports.empty.noCasesInPeriod.title')}>
      <p>{t('reports.empty.noCasesInPeriod.body', { from: formatDate(report.from, style), to: formatDate(report.to, style) })}</p>
      <p>{t('reports.empty.noCasesInPeriod.try')}</p>
    </EmptyState>
  );
}

function Progress({ progress }: { progress: { done: number; total: number } | null }) {
  const { t } = useTranslation();
  const text = progress ? t('reports.progress', progress) : t('reports.progressStart');
  return (
    <div className="rp-progress no-print" role="status">
      <p>{text}</p>
      <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={text} />
    </div>
  );
}

/**
 * Supervisor reports: choose a period and a scope, create the report, read each figure with its
 * definition, open the cases behind a number, export. An officer sees the report on their own cases.
 * The chosen report lives in the route, so Back from a drill list shows it again.
 */
export function ReportsPage({ query }: { query: ReportQuery | undefined }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { navigate } = useNavigation();
  const { user } = useSession().status;
  const own = user.role === 'officer' ? { officerId: user.id } : null;
  const { today } = useJapanNow();
  const [draft, setDraft] = useState(() => (query ? draftFrom(query, defaultDraft(today, own)) : defaultDraft(today, own)));
  const request = useReportRequest(query);
  const report = useReport(request);
  const running = report.isFetching;
  const progress = useReportProgress(running);
  const data = running ? undefined : report.data;

  const { lang } = usePrefs();
  const forget = useForgetReport();
  // Create always counts afresh; only Back from a drill list shows the cached report.
  const onRun = (next: ReportQuery) => {
    if (query && sameQuery(next, query)) void report.refetch();
    else {
      forget({ ...next, lang });
      navigate({ page: 'reports', query: next }, { replace: true });
    }
  };
  const onDrill = (target: DrillTarget, label: string) => {
    if (!query) return;
    lastDrill = { query, key: drillKey(target) };
    navigate({ page: 'reportDrill', query, target, label });
  };
  const articleRef = useRef<HTMLElement>(null);
  // A long table shows only the rows near its view: it starts at this number's row, so it is there to focus.
  const [returnKey, setReturnKey] = useState(() => (query && lastDrill && sameQuery(lastDrill.query, query) ? lastDrill.key : null));
  useEffect(() => {
    if (!data || !query || !lastDrill || !sameQuery(lastDrill.query, query)) return;
    const key = lastDrill.key;
    lastDrill = null;
    setReturnKey(null);
    const button = [...(articleRef.current?.querySelectorAll<HTMLButtonElement>('button[data-drill]') ?? [])].find((b) => b.dataset.drill === key);
    button?.focus();
    button?.scrollIntoView({ block: 'center' });
  }, [data, query]);

  return (
    <div className="rp-page">
      <div className="no-print">
        <PageHeading>{own ? t('reports.titleOwn') : t('reports.title')}</PageHeading>
        <p className="lead">{own ? t('reports.introOwn') : t('reports.intro')}</p>
        <ReportForm draft={draft} onDraft={setDraft} own={own} today={today} running={running} onRun={onRun} />
      </div>
      {running ? <Progress progress={progress} /> : null}
      <ErrorAlert>{report.isError && !running ? errorText(report.error) : null}</ErrorAlert>
      {!query && !running ? (
        <div className="no-print">
          <EmptyState title={t('reports.notRun.title')}>
            <p>{t('reports.notRun.body')}</p>
          </EmptyState>
        </div>
      ) : null}
      {data && request ? (
        <article ref={articleRef} className="rp-report" aria-label={t('reports.header.title')}>
          <ReportHeader report={data} />
          {data.empty ? (
            <EmptyReport report={data} own={own !== null} />
          ) : (
            <>
              <ExportBar request={request} />
              {data.sections.map((s) => (
                <ReportSectionView key={s.id} section={s} onDrill={onDrill} returnKey={returnKey} />
              ))}
            </>
          )}
        </article>
      ) : null}
    </div>
  );
}
