import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { MissingVpoReports } from '../contacts/MissingVpoReports';
import { RadioGroup } from '../contacts/controls';
import { LiveDateField } from '../contacts/DateFields';
import { formatDay } from '../contacts/format';
import { addDays, datesBetween, startOfWeek } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { useSession } from '../session/SessionContext';
import { AppointmentList } from './AppointmentList';
import { groupByDate } from './agenda';
import { useAgenda } from './queries';

type View = 'day' | 'week';
type Scope = 'mine' | 'all';
/** How far back "needs an outcome" looks: the longest range the agenda channel answers. */
const LOOKBACK_DAYS = 61;

/** Day and week agenda of appointments (mine or the office's), what needs an outcome, missing VPO reports. */
export function AgendaPage() {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const role = useSession().status.user.role;
  const { now, today } = useJapanNow();
  const [view, setView] = useState<View>('day');
  const [scope, setScope] = useState<Scope>(role === 'officer' ? 'mine' : 'all');
  const [anchor, setAnchor] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const day = anchor ?? today;
  const from = view === 'day' ? day : startOfWeek(day);
  const to = view === 'day' ? day : addDays(from, 6);
  const dates = datesBetween(from, to);
  const agenda = useAgenda({ from, to, scope });
  const overdue = useAgenda({ from: addDays(today, -LOOKBACK_DAYS), to: today, scope });
  const needing = (overdue.data ?? []).filter((r) => r.needsOutcome);
  const step = view === 'day' ? 1 : 7;

  function announce(text: string) {
    setNotice(text);
    listHeading.current?.focus();
  }

  const title =
    view === 'day'
      ? formatDay(day, style)
      : t('daily.agenda.weekRange', { from: formatDay(from, style), to: formatDay(to, style) });

  return (
    <>
      <PageHeading>{t('daily.agenda.title')}</PageHeading>
      <div className="agenda-toolbar">
        <RadioGroup<View>
          legend={t('daily.agenda.view')}
          name="agenda-view"
          className="daily-choice-inline daily-choice-compact"
          value={view}
          onChange={setView}
          options={[
            { value: 'day', label: t('daily.agenda.day') },
            { value: 'week', label: t('daily.agenda.week') },
          ]}
        />
        <RadioGroup<Scope>
          legend={t('daily.agenda.scope')}
          name="agenda-scope"
          className="daily-choice-inline daily-choice-compact"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'mine', label: t('daily.agenda.mine') },
            { value: 'all', label: t('daily.agenda.all') },
          ]}
        />
        <div className="agenda-nav" role="group" aria-label={t('daily.agenda.navigate')}>
          <button type="button" className="button-small" onClick={() => setAnchor(addDays(day, -step))}>
            <span aria-hidden="true">‹ </span>
            {view === 'day' ? t('daily.agenda.prevDay') : t('daily.agenda.prevWeek')}
          </button>
          <button type="button" className="button-small" onClick={() => setAnchor(null)} disabled={anchor === null || anchor === today}>
            {t('daily.agenda.today')}
          </button>
          <button type="button" className="button-small" onClick={() => setAnchor(addDays(day, step))}>
            {view === 'day' ? t('daily.agenda.nextDay') : t('daily.agenda.nextWeek')}
            <span aria-hidden="true"> ›</span>
          </button>
          <LiveDateField kind="date" className="daily-field-inline" label={t('daily.agenda.goTo')} value={day} onValue={setAnchor} />
        </div>
      </div>
      <StatusNotice>{notice}</StatusNotice>

      {needing.length > 0 ? (
        <section className="section needs-outcome" aria-labelledby="needs-outcome-title">
          <div className="section-heading">
            <h2 id="needs-outcome-title">{t('daily.agenda.needsTitle')}</h2>
            <span className="pill pill-attention">{t('daily.common.count', { n: needing.length })}</span>
          </div>
          <p className="lead">{t('daily.agenda.needsIntro')}</p>
          <AppointmentList rows={needing} caption={t('daily.agenda.needsTitle')} showPerson now={now} onNotice={announce} />
        </section>
      ) : null}
      <ErrorAlert>{overdue.isError ? errorText(overdue.error) : null}</ErrorAlert>

      <section className="section agenda-list" aria-labelledby="agenda-list-title">
        <div className="section-heading">
          <h2 id="agenda-list-title" ref={listHeading} tabIndex={-1}>
            {title}
          </h2>
          {agenda.data ? <span className="muted">{t('daily.common.count', { n: agenda.data.length })}</span> : null}
        </div>
        {agenda.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        <ErrorAlert>{agenda.isError ? errorText(agenda.error) : null}</ErrorAlert>
        {agenda.data && view === 'day' ? (
          agenda.data.length === 0 ? (
            <p className="empty-line muted">{t('daily.agenda.emptyDay', { date: formatDay(day, style) })}</p>
          ) : (
            <AppointmentList rows={agenda.data} caption={title} showDate={false} showPerson now={now} onNotice={announce} />
          )
        ) : null}
        {agenda.data && view === 'week'
          ? [...groupByDate(agenda.data, dates)].map(([date, rows]) => (
              <div key={date} className={date === today ? 'agenda-day agenda-today' : 'agenda-day'}>
                <h3>
                  {formatDay(date, style)}
                  {date === today ? <span className="pill pill-scheduled">{t('daily.agenda.today')}</span> : null}
                </h3>
                {rows.length === 0 ? (
                  <p className="muted agenda-day-empty">{t('daily.agenda.noAppointments')}</p>
                ) : (
                  <AppointmentList rows={rows} caption={formatDay(date, style)} showDate={false} showPerson now={now} onNotice={announce} />
                )}
              </div>
            ))
          : null}
        {agenda.data && agenda.data.length === 0 ? <p className="hint">{t('daily.agenda.howToSchedule')}</p> : null}
      </section>

      <MissingVpoReports />
    </>
  );
}
