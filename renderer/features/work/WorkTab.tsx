import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmploymentAt, EmploymentSupport, Job } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import type { PersonTabProps } from '../person/types';
import { EndJobDialog, JobDialog } from './JobDialog';
import { useEmployment } from './queries';
import { StatusDialog } from './StatusDialog';
import { SupportDialog } from './SupportDialog';

type Open = { kind: 'status' } | { kind: 'support'; support: EmploymentSupport | null } | { kind: 'job' } | { kind: 'endJob'; job: Job } | null;

function AtLine({ label, at, pendingText }: { label: string; at: EmploymentAt | null; pendingText: string }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (
    <div className="work-at">
      <dt>{label}</dt>
      <dd>
        {at === null ? (
          <span className="muted">{pendingText}</span>
        ) : (
          <>
            <span className="work-at-date">{formatDate(at.date, style)}</span>{' '}
            {at.recorded ? (
              <>
                {t(`peopleCodes.employment.${at.recorded}`)} <span className="muted">({t('work.status.recordedOnCase')})</span>
              </>
            ) : at.fromHistory ? (
              <>
                {t(`work.statuses.${at.fromHistory}`)} <span className="muted">({t('work.status.fromHistory')})</span>
              </>
            ) : (
              <span className="muted">{t('work.status.noneYet')}</span>
            )}
          </>
        )}
      </dd>
    </div>
  );
}

/** The person page's Work tab: employment status history, supports (Hello Work and others) and jobs. */
export function WorkTab({ person, caseId }: PersonTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const data = useEmployment(caseId);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const theCase = person.cases.find((c) => c.id === caseId);
  const closed = theCase?.status === 'terminated';
  const day = (d: string) => formatDate(d, style);
  const done = (text: string) => {
    setOpen(null);
    setNotice(text);
  };

  if (data.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (data.isError) return <ErrorAlert>{errorText(data.error)}</ErrorAlert>;
  const w = data.data;

  return (
    <div className="work-tab">
      <StatusNotice>{notice}</StatusNotice>
      {closed ? <p className="hint">{t('work.common.caseClosed')}</p> : null}

      <section className="card work-status" aria-labelledby="work-status-title">
        <div className="daily-card-heading">
          <h2 id="work-status-title" ref={heading} tabIndex={-1}>
            {t('work.status.title')}
          </h2>
          {!closed ? (
            <button type="button" className="button-secondary" onClick={() => setOpen({ kind: 'status' })}>
              {t('work.status.set')}
            </button>
          ) : null}
        </div>
        <dl className="work-status-summary">
          <div className="work-current">
            <dt>{t('work.status.current')}</dt>
            <dd data-testid="work-current-status">
              {w.currentStatus ? (
                <strong>{t(`work.statuses.${w.currentStatus}`)}</strong>
              ) : (
                <span className="muted">{t('work.status.noneYet')}</span>
              )}
              {w.statusHistory[0] ? <span className="sub">{t('work.status.since')}: {day(w.statusHistory[0].since)}</span> : null}
            </dd>
          </div>
          <AtLine label={t('work.status.atStart')} at={w.atStart} pendingText="" />
          <AtLine label={t('work.status.atTermination')} at={w.atTermination} pendingText={t('work.status.notTerminated')} />
        </dl>
        {w.statusHistory.length === 0 ? (
          <p className="empty-line muted">{t('work.status.empty')}</p>
        ) : (
          <div className="table-wrap work-history-wrap">
            <table className="data-table work-history">
              <caption>{t('work.status.historyTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('work.status.since')}</th>
                  <th scope="col">{t('work.status.statusLabel')}</th>
                </tr>
              </thead>
              <tbody>
                {w.statusHistory.map((h) => (
                  <tr key={h.id}>
                    <td className="nowrap">{day(h.since)}</td>
                    <td>{t(`work.statuses.${h.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="work-supports-title">
        <div className="section-heading">
          <h2 id="work-supports-title">{t('work.supports.title')}</h2>
          <span className="muted">{t('work.supports.count', { n: w.supports.length })}</span>
          {!closed ? (
            <button type="button" className="button-primary work-heading-action" onClick={() => setOpen({ kind: 'support', support: null })}>
              {t('work.supports.record')}
            </button>
          ) : null}
        </div>
        {w.supports.length === 0 ? (
          <p className="empty-line muted">{t('work.supports.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('work.supports.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('work.supports.kind')}</th>
                  <th scope="col">{t('work.supports.startedOn')}</th>
                  <th scope="col">{t('work.supports.detail')}</th>
                  <th scope="col">{t('work.supports.subsidyStatus')}</th>
                  <th scope="col">{t('work.supports.outcome')}</th>
                  <th scope="col" className="col-actions">
                    {t('work.common.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {w.supports.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{t(`work.kinds.${s.kind}`)}</th>
                    <td className="nowrap">
                      {day(s.startedOn)}
                      {s.endedOn ? <span className="sub">– {day(s.endedOn)}</span> : null}
                    </td>
                    <td>
                      {s.employerName ?? s.office ?? ''}
                      {s.employerName && s.office ? <span className="sub">{s.office}</span> : null}
                      {s.months ? <span className="sub">{t('work.supports.monthsCount', { n: s.months })}</span> : null}
                      {!s.employerName && !s.office ? <span className="muted">{t('work.common.none')}</span> : null}
                    </td>
                    <td>{s.subsidyStatus ? t(`work.subsidy.${s.subsidyStatus}`) : <span className="muted">{t('work.common.none')}</span>}</td>
                    <td>
                      <span className={s.outcome === 'pending' ? 'pill pill-scheduled' : s.outcome === 'job_found' || s.outcome === 'completed' ? 'pill pill-ok' : 'pill pill-off'}>
                        {t(`work.outcomes.${s.outcome}`)}
                      </span>
                    </td>
                    <td className="col-actions">
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`${t('work.supports.update')}: ${t(`work.kinds.${s.kind}`)} ${day(s.startedOn)}`}
                        onClick={() => setOpen({ kind: 'support', support: s })}
                      >
                        {t('work.supports.update')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="work-jobs-title">
        <div className="section-heading">
          <h2 id="work-jobs-title">{t('work.jobs.title')}</h2>
          <span className="muted">{t('work.jobs.count', { n: w.jobs.length })}</span>
          {!closed ? (
            <button type="button" className="button-primary work-heading-action" onClick={() => setOpen({ kind: 'job' })}>
              {t('work.jobs.record')}
            </button>
          ) : null}
        </div>
        {w.jobs.length === 0 ? (
          <p className="empty-line muted">{t('work.jobs.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('work.jobs.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('work.jobs.employerName')}</th>
                  <th scope="col">{t('work.jobs.kind')}</th>
                  <th scope="col">{t('work.jobs.startedOn')}</th>
                  <th scope="col">{t('work.jobs.endedOn')}</th>
                  <th scope="col">{t('work.jobs.leavingReason')}</th>
                  <th scope="col" className="col-actions">
                    {t('work.common.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {w.jobs.map((j) => (
                  <tr key={j.id}>
                    <th scope="row">
                      {j.employerName}
                      {j.employerId ? <span className="sub">{t('work.jobs.registered')}</span> : null}
                    </th>
                    <td>{t(`work.jobKinds.${j.kind}`)}</td>
                    <td className="nowrap">{day(j.startedOn)}</td>
                    <td className="nowrap">{j.endedOn ? day(j.endedOn) : <span className="pill pill-ok">{t('work.jobs.current')}</span>}</td>
                    <td className="daily-notes-cell">{j.leavingReason || <span className="muted">{t('work.common.none')}</span>}</td>
                    <td className="col-actions">
                      {j.endedOn === null ? (
                        <button
                          type="button"
                          className="button-small"
                          aria-label={`${t('work.jobs.end')}: ${j.employerName}`}
                          onClick={() => setOpen({ kind: 'endJob', job: j })}
                        >
                          {t('work.jobs.end')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {open?.kind === 'status' ? (
        <StatusDialog
          caseId={caseId}
          current={w.currentStatus}
          onClose={() => setOpen(null)}
          onSaved={(e) => done(t('work.status.saved', { status: t(`work.statuses.${e.status}`), date: day(e.since) }))}
        />
      ) : null}
      {open?.kind === 'support' ? (
        <SupportDialog
          caseId={caseId}
          support={open.support}
          onClose={() => setOpen(null)}
          onSaved={(s, created) =>
            done(t(created ? 'work.supports.saved' : 'work.supports.updated', { kind: t(`work.kinds.${s.kind}`), date: day(s.startedOn) }))
          }
        />
      ) : null}
      {open?.kind === 'job' ? (
        <JobDialog
          caseId={caseId}
          supports={w.supports}
          currentStatus={w.currentStatus}
          onClose={() => setOpen(null)}
          onSaved={({ job, status }) =>
            done(
              status
                ? t('work.jobs.savedWithStatus', { employer: job.employerName, date: day(job.startedOn), status: t(`work.statuses.${status}`) })
                : t('work.jobs.saved', { employer: job.employerName, date: day(job.startedOn) }),
            )
          }
        />
      ) : null}
      {open?.kind === 'endJob' ? (
        <EndJobDialog
          job={open.job}
          onClose={() => setOpen(null)}
          onSaved={(j) => done(t('work.jobs.ended', { employer: j.employerName, date: day(j.endedOn ?? '') }))}
        />
      ) : null}
    </div>
  );
}
