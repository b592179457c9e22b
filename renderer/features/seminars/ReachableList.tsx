import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useNavigation } from '../shell/pages';
import { useReachable } from './queries';

/** Family members of people whose supervision has ended: the office may keep supporting them. */
export function ReachableList() {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const { navigate } = useNavigation();
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const from = parseDateText(fromText);
  const to = parseDateText(toText);
  const reachable = useReachable({ ...(from ? { terminatedFrom: from } : {}), ...(to ? { terminatedTo: to } : {}) });
  const rows = reachable.data ?? [];
  const none = t('common.none');

  return (
    <section className="section" aria-labelledby="reachable-title">
      <div className="section-heading">
        <h2 id="reachable-title">{t('families.reachable.title')}</h2>
        {reachable.data ? <span className="muted">{t('families.count', { n: rows.length })}</span> : null}
      </div>
      <p className="hint">{t('families.reachable.intro')}</p>
      <div className="toolbar fam-toolbar">
        <DateTextField kind="date" label={t('families.reachable.from')} value={fromText} onChange={setFromText} bare />
        <DateTextField kind="date" label={t('families.reachable.to')} value={toText} onChange={setToText} bare />
      </div>
      <ErrorAlert>{reachable.isError ? errorText(reachable.error) : null}</ErrorAlert>
      {reachable.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {reachable.data && rows.length === 0 ? <p className="empty-line muted">{t('families.reachable.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table fam-reachable-table">
            <caption className="visually-hidden">{t('families.reachable.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('families.attendance.member')}</th>
                <th scope="col">{t('families.reachable.contact')}</th>
                <th scope="col">{t('families.attendance.supervisee')}</th>
                <th scope="col">{t('families.reachable.terminated')}</th>
                <th scope="col">{t('families.reachable.lastSeminar')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.familyMemberId}>
                  <th scope="row">
                    {r.name}
                    <span className="sub">
                      {t(`peopleCodes.relation.${r.relation}`)}
                      {r.isGuarantor ? ` · ${t('families.guarantor')}` : ''}
                    </span>
                  </th>
                  <td>{r.contact || <span className="muted">{none}</span>}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => navigate({ page: 'person', superviseeId: r.superviseeId })}>
                      {r.superviseeName}
                    </button>
                    <span className="sub">{r.caseNumber}</span>
                  </td>
                  <td className="nowrap">
                    {formatDate(r.terminationDate, style)}
                    {r.terminationReason ? <span className="sub">{t(`peopleCodes.termination.${r.terminationReason}`)}</span> : null}
                  </td>
                  <td>
                    {r.lastSeminar ? (
                      <>
                        {formatDate(r.lastSeminar.heldOn, style)} {r.lastSeminar.topic}
                        <span className="sub">{t(`families.attendanceCodes.${r.lastSeminar.attendance}`)}</span>
                      </>
                    ) : (
                      <span className="muted">{none}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
