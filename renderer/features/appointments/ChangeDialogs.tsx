import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaRow, Appointment } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { RadioGroup } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { japanInstant, parseDateText, parseTimeText } from '../contacts/japanDates';
import { useFormErrors } from '../contacts/useFormErrors';
import { useCancelAppointment, useRescheduleAppointment } from './queries';

function useDescribe() {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (row: AgendaRow) =>
    t('daily.appointments.describe', {
      kind: t(`daily.kinds.${row.kind}`),
      name: row.name,
      date: formatDate(row.date, style),
      time: row.time,
    });
}

type RescheduleField = 'date' | 'time';
const RESCHEDULE_ORDER: readonly RescheduleField[] = ['date', 'time'];
const RESCHEDULE_FIELDS: Record<string, RescheduleField> = { startsAt: 'date' };

export function RescheduleDialog({ row, onClose, onDone }: { row: AgendaRow; onClose: () => void; onDone: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const [date, setDate] = useState(row.date);
  const [time, setTime] = useState(row.time);
  const errors = useFormErrors(RESCHEDULE_ORDER, RESCHEDULE_FIELDS);
  const reschedule = useRescheduleAppointment();

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<RescheduleField, string>> = {};
    const day = parseDateText(date);
    const at = parseTimeText(time);
    if (!day) next.date = t('daily.common.dateInvalid');
    if (!at) next.time = t('daily.common.timeInvalid');
    if (!errors.check(next) || !day || !at) return;
    reschedule.mutate({ id: row.id, startsAt: japanInstant(day, at) }, { onSuccess: onDone, onError: errors.fail });
  }

  return (
    <Dialog title={t('daily.appointments.rescheduleTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <p>{describe(row)}</p>
        <div className="grid-2">
          <DateTextField
            ref={errors.register('date')}
            kind="date"
            label={t('daily.appointments.newDate')}
            value={date}
            onChange={(v) => {
              setDate(v);
              errors.clear('date');
            }}
            error={errors.errorOf('date')}
            required
            autoFocus
          />
          <DateTextField
            ref={errors.register('time')}
            kind="time"
            label={t('daily.appointments.newTime')}
            value={time}
            onChange={(v) => {
              setTime(v);
              errors.clear('time');
            }}
            error={errors.errorOf('time')}
            required
          />
        </div>
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={reschedule.isPending}>
            {reschedule.isPending ? t('common.saving') : t('daily.appointments.rescheduleSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type Which = 'one' | 'series';

export function CancelDialog({ row, onClose, onDone }: { row: AgendaRow; onClose: () => void; onDone: (a: Appointment[]) => void }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const [which, setWhich] = useState<Which>('one');
  const errors = useFormErrors<never>([], {});
  const cancel = useCancelAppointment();

  function submit(e: FormEvent) {
    e.preventDefault();
    cancel.mutate({ id: row.id, wholeSeries: which === 'series' }, { onSuccess: onDone, onError: errors.fail });
  }

  return (
    <Dialog title={t('daily.appointments.cancelTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <p>{describe(row)}</p>
        {row.seriesId ? (
          <RadioGroup<Which>
            legend={t('daily.appointments.cancelWhich')}
            name="cancel-which"
            value={which}
            onChange={setWhich}
            options={[
              { value: 'one', label: t('daily.appointments.cancelOne') },
              { value: 'series', label: t('daily.appointments.cancelSeries'), hint: t('daily.appointments.cancelSeriesHint') },
            ]}
          />
        ) : (
          <p>{t('daily.appointments.cancelConfirm')}</p>
        )}
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose} autoFocus={!row.seriesId}>
            {t('daily.appointments.keep')}
          </button>
          <button type="submit" className="button-primary daily-button-danger" disabled={cancel.isPending}>
            {cancel.isPending ? t('common.working') : t('daily.appointments.cancelSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
