import { useTranslation } from 'react-i18next';
import type { StandardComputation, StandardSide } from '../../../db/contract';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { formatMonth } from './format';
import { useJapanNow } from './useJapanNow';

function Side({ title, side, today }: { title: string; side: StandardSide; today: string }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const state = side.overdue ? 'overdue' : side.pastDue ? 'past_due' : side.remaining === 0 ? 'met' : 'open';
  return (
    <section className={`standard-side side-${state}`} aria-label={title}>
      <h3>{title}</h3>
      <dl className="standard-numbers">
        <div>
          <dt>{t('daily.standard.required')}</dt>
          <dd>{side.required}</dd>
        </div>
        <div>
          <dt>{t('daily.standard.done')}</dt>
          <dd>{side.done}</dd>
        </div>
        <div>
          <dt>{t('daily.standard.remaining')}</dt>
          <dd>{side.remaining}</dd>
        </div>
      </dl>
      <p className="standard-next">
        {side.overdue ? <strong className="daily-warn-text">{t('daily.standard.sideOverdue')} </strong> : null}
        {!side.overdue && side.pastDue ? <strong className="daily-warn-text">{t('daily.standard.sidePastDue')} </strong> : null}
        {side.required === 0
          ? t('daily.standard.noneRequired')
          : side.nextDueDate
            ? t(side.nextDueDate < today ? 'daily.standard.nextDuePassed' : 'daily.standard.nextDue', {
                date: formatDate(side.nextDueDate, style),
              })
            : t('daily.standard.sideMet')}
      </p>
      {side.dueDates.length > 0 ? (
        <p className="hint">
          {t('daily.standard.dueDates', { dates: side.dueDates.map((d) => formatDate(d, style)).join(t('daily.common.listSeparator')) })}
        </p>
      ) : null}
    </section>
  );
}

/** This month's standard for the case: status, what is required and done, and what is next. */
export function StandardSummary({ standard }: { standard: StandardComputation }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { today } = useJapanNow();
  const s = standard;
  const month = formatMonth(s.month, style);
  return (
    <div className="standard-summary">
      <p className="standard-status">
        <span className={`daily-status daily-status-${s.status}`}>{t(`daily.standard.status.${s.status}`)}</span>
        <span className="standard-level">{t('daily.standard.level', { level: s.level })}</span>
        {s.nextDueDate ? (
          <span className="standard-overall-next">
            {t(s.nextDueDate < today ? 'daily.standard.overallPassed' : 'daily.standard.overallNext', {
              date: formatDate(s.nextDueDate, style),
            })}
          </span>
        ) : null}
      </p>
      <p className="standard-status-help">{t(`daily.standard.statusHelp.${s.status}`, { month })}</p>
      {s.activeDays > 0 && s.activeDays < s.daysInMonth && s.activeFrom && s.activeTo ? (
        <p className="hint">
          {t('daily.standard.prorated', {
            active: s.activeDays,
            days: s.daysInMonth,
            from: formatDate(s.activeFrom, style),
            to: formatDate(s.activeTo, style),
          })}
        </p>
      ) : null}
      {s.activeDays > 0 ? (
        <div className="standard-sides">
          <Side title={t('daily.standard.po')} side={s.po} today={today} />
          <Side title={t('daily.standard.vpo')} side={s.vpo} today={today} />
        </div>
      ) : null}
    </div>
  );
}
