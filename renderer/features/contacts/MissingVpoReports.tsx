import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VpoReportMissing } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { useNavigation } from '../shell/pages';
import { CheckboxField } from './controls';
import { LiveDateField } from './DateFields';
import { formatMonth } from './format';
import { addMonths, monthOf } from './japanDates';
import { useMissingVpoReports } from './queries';
import { useJapanNow } from './useJapanNow';
import { VpoReportForm } from './VpoReportForm';

/** Office-wide: cases under supervision in a month with no VPO monthly report recorded for it. */
export function MissingVpoReports() {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const me = useSession().status.user.id;
  const { navigate } = useNavigation();
  const { today } = useJapanNow();
  const [month, setMonth] = useState(() => addMonths(monthOf(today), -1));
  const [onlyMine, setOnlyMine] = useState(false);
  const [recording, setRecording] = useState<VpoReportMissing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const missing = useMissingVpoReports(month);
  const heading = useRef<HTMLHeadingElement>(null);
  const rows = (missing.data ?? []).filter((r) => !onlyMine || r.officerId === me);
  const monthLabel = formatMonth(month, style);

  return (
    <section className="section missing-reports" aria-labelledby="missing-reports-title">
      <div className="section-heading">
        <h2 id="missing-reports-title" ref={heading} tabIndex={-1}>{t('daily.missing.title', { month: monthLabel })}</h2>
        {missing.data ? <span className="muted">{t('daily.missing.count', { n: rows.length })}</span> : null}
      </div>
      <p className="lead">{t('daily.missing.intro')}</p>
      <div className="daily-toolbar">
        <LiveDateField kind="month" className="daily-field-inline" label={t('daily.missing.month')} value={month} onValue={setMonth} />
        <CheckboxField label={t('daily.missing.onlyMine')} checked={onlyMine} onChange={setOnlyMine} />
      </div>
      <StatusNotice>{notice}</StatusNotice>
      {missing.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      <ErrorAlert>{missing.isError ? errorText(missing.error) : null}</ErrorAlert>
      {missing.data && rows.length === 0 ? (
        <p className="empty-line muted">{t('daily.missing.none', { month: monthLabel })}</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('daily.missing.title', { month: monthLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('daily.common.person')}</th>
                <th scope="col">{t('daily.common.caseNumber')}</th>
                <th scope="col">{t('daily.missing.colVpo')}</th>
                <th scope="col" className="col-actions">
                  {t('daily.common.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.caseId}>
                  <th scope="row">
                    <button
                      type="button"
                      className="button-link daily-person-link"
                      onClick={() => navigate({ page: 'person', superviseeId: r.superviseeId, tab: 'contacts' })}
                    >
                      {r.name}
                    </button>
                    <span className="sub">{r.nameKana}</span>
                    {r.officerId === me ? <span className="pill pill-mine">{t('daily.common.mine')}</span> : null}
                  </th>
                  <td className="mono nowrap">{r.caseNumber}</td>
                  <td>{r.vpoName ?? <span className="daily-warn-text">{t('daily.missing.noVpo')}</span>}</td>
                  <td className="col-actions">
                    <button
                      type="button"
                      className="button-small"
                      aria-label={`${t('daily.missing.record')}: ${r.name}`}
                      onClick={() => {
                        setNotice(null);
                        setRecording(r);
                      }}
                    >
                      {t('daily.missing.record')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {recording ? (
        <Dialog title={t('daily.missing.dialogTitle', { name: recording.name })} onClose={() => setRecording(null)}>
          <VpoReportForm
            caseId={recording.caseId}
            vpoName={recording.vpoName}
            initialMonth={month}
            autoFocus
            onCancel={() => setRecording(null)}
            onRecorded={(c) => {
              setRecording(null);
              setNotice(t('daily.missing.recorded', { name: recording.name, month: formatMonth(c.reportMonth ?? month, style) }));
              heading.current?.focus();
            }}
          />
        </Dialog>
      ) : null}
    </section>
  );
}
