import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import type { CaseTabProps } from '../contacts/ContactsTab';
import { addDays, japanParts } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { useSession } from '../session/SessionContext';
import { AppointmentForm } from './AppointmentForm';
import { AppointmentList } from './AppointmentList';
import { useAgenda } from './queries';

/** The agenda channel answers at most 62 days: the tab shows such a window and pages through time. */
const WINDOW_BEFORE = 14;
const WINDOW_AFTER = 47;
const STEP = 31;

/** The appointments tab of a case: schedule, and the case's appointments around today. */
export function AppointmentsTab({ person, caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const { now, today } = useJapanNow();
  const [shift, setShift] = useState(0);
  const [showCancelled, setShowCancelled] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const from = addDays(today, shift * STEP - WINDOW_BEFORE);
  const to = addDays(today, shift * STEP + WINDOW_AFTER);
  // There is no per-case list: the case's own officer asks for their agenda, anyone else the office's.
  const mine = person.person.officerId === useSession().status.user.id;
  const agenda = useAgenda({ from, to, scope: mine ? 'mine' : 'all', includeCancelled: showCancelled });
  const rows = (agenda.data ?? []).filter((r) => r.caseId === caseId);
  const range = { from: formatDate(from, style), to: formatDate(to, style) };

  function announce(text: string) {
    setNotice(text);
    heading.current?.focus();
  }

  return (
    <div className="daily-tab">
      <AppointmentForm
        caseId={caseId}
        onCreated={(list) => {
          const first = list[0];
          if (!first) return;
          const p = japanParts(first.startsAt);
          setNotice(
            list.length === 1
              ? t('daily.appointments.createdOne', { date: formatDate(p.date, style), time: p.time })
              : t('daily.appointments.createdMany', { n: list.length, date: formatDate(p.date, style), time: p.time }),
          );
        }}
      />
      <StatusNotice>{notice}</StatusNotice>
      <section className="section" aria-labelledby="case-appointments-title">
        <div className="section-heading daily-heading-tools">
          <h2 id="case-appointments-title" ref={heading} tabIndex={-1}>
            {t('daily.appointments.listTitle')}
          </h2>
          <span className="muted">{t('daily.appointments.window', range)}</span>
          <div className="daily-toolbar daily-toolbar-end">
            <button type="button" className="button-small" onClick={() => setShift((s) => s - 1)}>
              <span aria-hidden="true">‹ </span>
              {t('daily.appointments.earlier')}
            </button>
            <button type="button" className="button-small" onClick={() => setShift(0)} disabled={shift === 0}>
              {t('daily.agenda.today')}
            </button>
            <button type="button" className="button-small" onClick={() => setShift((s) => s + 1)}>
              {t('daily.appointments.later')}
              <span aria-hidden="true"> ›</span>
            </button>
            <label className="daily-inline-check">
              <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} />
              {t('daily.appointments.showCancelled')}
            </label>
          </div>
        </div>
        {agenda.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        <ErrorAlert>{agenda.isError ? errorText(agenda.error) : null}</ErrorAlert>
        {agenda.data && rows.length === 0 ? <p className="empty-line muted">{t('daily.appointments.empty', range)}</p> : null}
        {rows.length > 0 ? (
          <AppointmentList rows={rows} caption={t('daily.appointments.listTitle')} now={now} onNotice={announce} />
        ) : null}
      </section>
    </div>
  );
}
