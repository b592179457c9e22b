import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { formatDate } from '../../i18n/dates';
import { formatMonth } from './format';
import { addMonths, monthOf } from './japanDates';
import { MonthContacts } from './MonthContacts';
import { MonthSwitcher } from './MonthSwitcher';
import { useContacts, useStandardForCase } from './queries';
import { QuickContactForm } from './QuickContactForm';
import { StandardSummary } from './StandardSummary';
import { useJapanNow } from './useJapanNow';
import { VpoReportForm } from './VpoReportForm';

export interface CaseTabProps {
  person: PersonDetail;
  caseId: string;
}

function VpoReportSection({ person, caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { today } = useJapanNow();
  const contacts = useContacts(caseId);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const lastMonth = addMonths(monthOf(today), -1);
  const lastReport = contacts.data?.find((c) => c.kind === 'vpo_monthly_report' && c.reportMonth === lastMonth);

  return (
    <section className="card vpo-report" aria-labelledby="vpo-report-title">
      <div className="daily-card-heading">
        <h2 id="vpo-report-title">{t('daily.vpoReport.title')}</h2>
        {contacts.data ? (
          <p className={lastReport ? 'vpo-last' : 'vpo-last vpo-last-missing'}>
            {lastReport
              ? t('daily.vpoReport.lastReceived', { month: formatMonth(lastMonth, style), date: formatDate(lastReport.date, style) })
              : t('daily.vpoReport.lastMissing', { month: formatMonth(lastMonth, style) })}
          </p>
        ) : null}
        <button
          ref={opener}
          type="button"
          className="button-secondary"
          aria-expanded={open}
          aria-controls="vpo-report-form"
          onClick={() => {
            setOpen((o) => !o);
            setNotice(null);
          }}
        >
          {t('daily.vpoReport.open')}
        </button>
      </div>
      <StatusNotice>{notice}</StatusNotice>
      <div id="vpo-report-form" hidden={!open}>
        {open ? (
          <>
            <p className="hint">{t('daily.vpoReport.intro')}</p>
            <VpoReportForm
              caseId={caseId}
              vpoName={person.vpo?.name ?? null}
              autoFocus
              onCancel={() => {
                setOpen(false);
                opener.current?.focus();
              }}
              onRecorded={(c) => {
                setOpen(false);
                setNotice(t('daily.vpoReport.recorded', { month: formatMonth(c.reportMonth ?? '', style) }));
                opener.current?.focus();
              }}
            />
          </>
        ) : null}
      </div>
    </section>
  );
}

/** The contacts tab of a case: quick entry, VPO monthly reports, the month's standard and contacts. */
export function ContactsTab({ person, caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const { today } = useJapanNow();
  const current = monthOf(today);
  const [month, setMonth] = useState(current);
  const contacts = useContacts(caseId);
  const standard = useStandardForCase(caseId, month);

  return (
    <div className="daily-tab">
      <QuickContactForm caseId={caseId} person={person} />
      <VpoReportSection person={person} caseId={caseId} />
      <section className="card standard" aria-labelledby="standard-title">
        <div className="daily-card-heading">
          <h2 id="standard-title">{t('daily.standard.title', { month: formatMonth(month, style) })}</h2>
          <MonthSwitcher month={month} current={current} onChange={setMonth} />
        </div>
        {standard.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        <ErrorAlert>{standard.isError ? errorText(standard.error) : null}</ErrorAlert>
        {standard.data ? <StandardSummary standard={standard.data} /> : null}
      </section>
      {contacts.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      <ErrorAlert>{contacts.isError ? errorText(contacts.error) : null}</ErrorAlert>
      {contacts.data ? (
        <MonthContacts
          month={month}
          level={standard.data?.level ?? null}
          contacts={contacts.data}
          explanations={standard.data?.contacts ?? null}
        />
      ) : null}
    </div>
  );
}
