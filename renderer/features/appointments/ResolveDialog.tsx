import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaRow, AppointmentKind, Contact } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { APPOINTMENT_KIND_OPTIONS } from '../contacts/codes';
import { CheckboxField, SelectField, TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText, parseTimeText } from '../contacts/japanDates';
import { toOutcome, type Attendance, type MissedReason } from '../contacts/outcome';
import { OutcomeFields } from '../contacts/OutcomeFields';
import { isSubmitKey } from '../contacts/keys';
import { useFormErrors } from '../contacts/useFormErrors';
import { useJapanNow } from '../contacts/useJapanNow';
import { useResolveAppointment } from './queries';

type FieldName = 'kind' | 'date' | 'time' | 'outcome' | 'reason' | 'notes';
const ORDER: readonly FieldName[] = ['kind', 'date', 'time', 'outcome', 'reason', 'notes'];
const SERVICE_FIELDS: Record<string, FieldName> = {
  kind: 'kind',
  date: 'date',
  time: 'time',
  outcome: 'outcome',
  notes: 'notes',
  byUserId: 'kind',
  byVpoId: 'kind',
};

interface Props {
  row: AgendaRow;
  onClose: () => void;
  onResolved: (contact: Contact) => void;
}

/** Records what happened at an appointment: the contact and "done" in one step, prefilled from it. */
export function ResolveDialog({ row, onClose, onResolved }: Props) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { today } = useJapanNow();
  const [kind, setKind] = useState<AppointmentKind>(row.kind);
  const [date, setDate] = useState(row.date);
  const [time, setTime] = useState(row.time);
  const [attendance, setAttendance] = useState<Attendance>('held');
  const [reason, setReason] = useState<MissedReason | null>(null);
  const [notes, setNotes] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const errors = useFormErrors(ORDER, SERVICE_FIELDS);
  const resolve = useResolveAppointment();

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (resolve.isPending) return;
    const next: Partial<Record<FieldName, string>> = {};
    const day = parseDateText(date);
    const at = parseTimeText(time);
    if (!day) next.date = t('daily.common.dateInvalid');
    else if (day > today) next.date = t('daily.common.dateFuture');
    if (!at) next.time = t('daily.common.timeInvalid');
    const outcome = toOutcome(attendance, reason);
    if (outcome === null) next.reason = t('daily.contacts.missedReasonRequired');
    if (!errors.check(next) || outcome === null || !day || !at) return;
    resolve.mutate(
      { id: row.id, contact: { kind, date: day, time: at, outcome, notes: notes.trim(), sensitive } },
      { onSuccess: (r) => onResolved(r.contact), onError: errors.fail },
    );
  }

  function onKey(e: KeyboardEvent<HTMLFormElement>) {
    if (!isSubmitKey(e)) return;
    e.preventDefault();
    submit();
  }

  return (
    <Dialog title={t('daily.appointments.resolveTitle')} onClose={onClose}>
      <form onSubmit={submit} onKeyDown={onKey} noValidate className="stack">
        <p>
          {t('daily.appointments.resolveIntro', {
            kind: t(`daily.kinds.${row.kind}`),
            name: row.name,
            date: formatDate(row.date, style),
            time: row.time,
          })}
        </p>
        <OutcomeFields
          attendance={attendance}
          reason={reason}
          onAttendance={(a) => {
            setAttendance(a);
            errors.clear('outcome');
            errors.clear('reason');
          }}
          onReason={(r) => {
            setReason(r);
            errors.clear('reason');
          }}
          outcomeError={errors.errorOf('outcome')}
          reasonError={errors.errorOf('reason')}
          registerOutcome={errors.register('outcome')}
          registerReason={errors.register('reason')}
        />
        <SelectField<AppointmentKind>
          ref={errors.register('kind')}
          label={t('daily.contacts.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            errors.clear('kind');
          }}
          options={APPOINTMENT_KIND_OPTIONS.map((k) => ({ value: k, label: t(`daily.kinds.${k}`) }))}
          error={errors.errorOf('kind')}
        />
        <div className="grid-2">
          <DateTextField
            ref={errors.register('date')}
            kind="date"
            label={t('daily.common.date')}
            value={date}
            onChange={(v) => {
              setDate(v);
              errors.clear('date');
            }}
            error={errors.errorOf('date')}
            required
          />
          <DateTextField
            ref={errors.register('time')}
            kind="time"
            label={t('daily.common.time')}
            value={time}
            onChange={(v) => {
              setTime(v);
              errors.clear('time');
            }}
            error={errors.errorOf('time')}
            required
          />
        </div>
        <TextAreaField
          ref={errors.register('notes')}
          label={t('daily.contacts.notes')}
          value={notes}
          onChange={setNotes}
          rows={3}
          maxLength={4000}
          error={errors.errorOf('notes')}
          hint={t('daily.contacts.notesHint')}
        />
        <CheckboxField
          label={t('daily.contacts.sensitive')}
          checked={sensitive}
          onChange={setSensitive}
          hint={t('daily.contacts.sensitiveHint')}
        />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={resolve.isPending}>
            {resolve.isPending ? t('common.saving') : t('daily.appointments.resolveSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
