import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaRow } from '../../../db/contract';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { formatDay, formatTimeRange } from '../contacts/format';
import { japanMs, japanParts } from '../contacts/japanDates';
import { useNavigation } from '../shell/pages';
import { CancelDialog, RescheduleDialog } from './ChangeDialogs';
import { ResolveDialog } from './ResolveDialog';

type Pending = { kind: 'resolve' | 'reschedule' | 'cancel'; row: AgendaRow } | null;

interface Props {
  rows: readonly AgendaRow[];
  caption: string;
  /** Show the date column (week and case views) and the person column (agenda views). */
  showDate?: boolean;
  showPerson?: boolean;
  now: number;
  onNotice: (text: string) => void;
}

export function statusOf(row: Pick<AgendaRow, 'status' | 'needsOutcome'>): 'needs_outcome' | AgendaRow['status'] {
  return row.needsOutcome ? 'needs_outcome' : row.status;
}

const STATUS_PILL = {
  needs_outcome: 'pill pill-attention',
  scheduled: 'pill pill-scheduled',
  done: 'pill pill-ok',
  cancelled: 'pill pill-off',
} as const;

/** Appointments with their state and actions: record the outcome, reschedule, cancel. */
export function AppointmentList({ rows, caption, showDate = true, showPerson = false, now, onNotice }: Props) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { navigate } = useNavigation();
  const [pending, setPending] = useState<Pending>(null);
  const close = () => setPending(null);

  return (
    <>
      <div className="table-wrap">
        <table className="data-table appointments-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {showDate ? <th scope="col">{t('daily.common.date')}</th> : null}
              <th scope="col">{t('daily.common.time')}</th>
              {showPerson ? <th scope="col">{t('daily.common.person')}</th> : null}
              <th scope="col">{t('daily.contacts.kind')}</th>
              <th scope="col">{t('daily.appointments.place')}</th>
              <th scope="col">{t('daily.appointments.colStatus')}</th>
              <th scope="col" className="col-actions">
                {t('daily.common.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const status = statusOf(r);
              const started = japanMs(r.date, r.time) <= now;
              const who = showPerson ? r.name : t(`daily.kinds.${r.kind}`);
              const label = `${formatDay(r.date, style)} ${r.time} ${who}`;
              return (
                <tr key={r.id} className={`row-${status}`}>
                  {showDate ? <td className="nowrap">{formatDay(r.date, style)}</td> : null}
                  <td className="nowrap">{formatTimeRange(r.time, japanParts(r.endsAt).time)}</td>
                  {showPerson ? (
                    <th scope="row">
                      <button
                        type="button"
                        className="button-link daily-person-link"
                        onClick={() => navigate({ page: 'person', superviseeId: r.superviseeId, tab: 'appointments' })}
                      >
                        {r.name}
                      </button>
                      <span className="sub">
                        {r.nameKana} · <span className="mono nowrap">{r.caseNumber}</span>
                      </span>
                    </th>
                  ) : null}
                  {showPerson ? (
                    <td className="nowrap">{t(`daily.kinds.${r.kind}`)}</td>
                  ) : (
                    <th scope="row">
                      {t(`daily.kinds.${r.kind}`)}
                      {r.seriesId ? <span className="sub">{t('daily.appointments.series')}</span> : null}
                    </th>
                  )}
                  <td className="col-place">{r.place || <span className="muted">{t('common.none')}</span>}</td>
                  <td>
                    <span className={STATUS_PILL[status]}>{t(`daily.appointments.status.${status}`)}</span>
                  </td>
                  <td className="col-actions">
                    {r.status === 'scheduled' ? (
                      <div className="row-actions">
                        {started ? (
                          <button
                            type="button"
                            className={r.needsOutcome ? 'button-small button-attention' : 'button-small'}
                            aria-label={`${t('daily.appointments.resolve')}: ${label}`}
                            onClick={() => setPending({ kind: 'resolve', row: r })}
                          >
                            {t('daily.appointments.resolve')}
                          </button>
                        ) : null}
                        {started ? null : (
                          <button
                            type="button"
                            className="button-small"
                            aria-label={`${t('daily.appointments.reschedule')}: ${label}`}
                            onClick={() => setPending({ kind: 'reschedule', row: r })}
                          >
                            {t('daily.appointments.reschedule')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button-small"
                          aria-label={`${t('daily.appointments.cancel')}: ${label}`}
                          onClick={() => setPending({ kind: 'cancel', row: r })}
                        >
                          {t('daily.appointments.cancel')}
                        </button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pending?.kind === 'resolve' ? (
        <ResolveDialog
          row={pending.row}
          onClose={close}
          onResolved={(c) => {
            close();
            onNotice(
              t('daily.appointments.resolved', {
                name: pending.row.name,
                outcome: t(`daily.outcomes.${c.outcome}`),
              }),
            );
          }}
        />
      ) : null}
      {pending?.kind === 'reschedule' ? (
        <RescheduleDialog
          row={pending.row}
          onClose={close}
          onDone={(a) => {
            close();
            const p = japanParts(a.startsAt);
            onNotice(t('daily.appointments.rescheduled', { date: formatDate(p.date, style), time: p.time }));
          }}
        />
      ) : null}
      {pending?.kind === 'cancel' ? (
        <CancelDialog
          row={pending.row}
          onClose={close}
          onDone={(list) => {
            close();
            onNotice(t('daily.appointments.cancelled', { n: list.length }));
          }}
        />
      ) : null}
    </>
  );
}
