import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, AppointmentKind } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { APPOINTMENT_KIND_OPTIONS, RECURRENCE_OPTIONS, type Recurrence } from '../contacts/codes';
import { SelectField, TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { japanInstant, parseDateText, parseTimeText } from '../contacts/japanDates';
import { useFormErrors } from '../contacts/useFormErrors';
import { useJapanNow } from '../contacts/useJapanNow';
import { useCreateAppointments } from './queries';
import { parseCount } from './recurrence';

type FieldName = 'date' | 'time' | 'duration' | 'kind' | 'place' | 'repeat' | 'count' | 'notes';
const ORDER: readonly FieldName[] = ['date', 'time', 'duration', 'kind', 'place', 'repeat', 'count', 'notes'];
const SERVICE_FIELDS: Record<string, FieldName> = {
  startsAt: 'date',
  durationMin: 'duration',
  kind: 'kind',
  place: 'place',
  notes: 'notes',
  recurrence: 'repeat',
  'recurrence.every': 'repeat',
  'recurrence.count': 'count',
};
const DURATIONS = ['30', '45', '60', '90', '120'] as const;
type Duration = (typeof DURATIONS)[number];
type Repeat = 'none' | Recurrence;

/** Schedules one appointment, or a series every week / 2 weeks / month. */
export function AppointmentForm({ caseId, onCreated }: { caseId: string; onCreated: (list: Appointment[]) => void }) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [date, setDate] = useState<string | null>(null);
  const [time, setTime] = useState('10:00');
  const [duration, setDuration] = useState<Duration>('60');
  const [kind, setKind] = useState<AppointmentKind>('office_interview');
  const [place, setPlace] = useState('');
  const [repeat, setRepeat] = useState<Repeat>('none');
  const [count, setCount] = useState('5');
  const [notes, setNotes] = useState('');
  const errors = useFormErrors(ORDER, SERVICE_FIELDS);
  const create = useCreateAppointments();
  const first = useRef<HTMLInputElement | null>(null);
  const shownDate = date ?? today;

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<FieldName, string>> = {};
    const day = parseDateText(shownDate);
    const at = parseTimeText(time);
    if (!day) next.date = t('daily.common.dateInvalid');
    if (!at) next.time = t('daily.common.timeInvalid');
    const n = repeat === 'none' ? null : parseCount(count);
    if (repeat !== 'none' && n === null) next.count = t('daily.appointments.countInvalid');
    if (!errors.check(next) || !day || !at) return;
    create.mutate(
      {
        caseId,
        startsAt: japanInstant(day, at),
        durationMin: Number(duration),
        kind,
        place: place.trim(),
        notes: notes.trim(),
        ...(repeat !== 'none' && n !== null ? { recurrence: { every: repeat, count: n } } : {}),
      },
      {
        onSuccess: (list) => {
          setNotes('');
          setRepeat('none');
          onCreated(list);
          first.current?.focus();
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <section className="card" aria-labelledby="appointment-form-title">
      <h2 id="appointment-form-title">{t('daily.appointments.formTitle')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <div className="daily-grid">
          <DateTextField
            ref={(el) => {
              first.current = el;
              errors.register('date')(el);
            }}
            kind="date"
            label={t('daily.common.date')}
            value={shownDate}
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
            label={t('daily.appointments.startTime')}
            value={time}
            onChange={(v) => {
              setTime(v);
              errors.clear('time');
            }}
            error={errors.errorOf('time')}
            required
          />
          <SelectField<Duration>
            ref={errors.register('duration')}
            label={t('daily.appointments.duration')}
            value={duration}
            onChange={setDuration}
            options={DURATIONS.map((d) => ({ value: d, label: t('daily.appointments.minutes', { n: d }) }))}
            error={errors.errorOf('duration')}
          />
          <SelectField<AppointmentKind>
            ref={errors.register('kind')}
            label={t('daily.contacts.kind')}
            value={kind}
            onChange={setKind}
            options={APPOINTMENT_KIND_OPTIONS.map((k) => ({ value: k, label: t(`daily.kinds.${k}`) }))}
            error={errors.errorOf('kind')}
          />
        </div>
        <div className="daily-grid">
          <TextField
            ref={errors.register('place')}
            className="daily-span-2"
            label={t('daily.appointments.place')}
            value={place}
            onChange={(v) => {
              setPlace(v);
              errors.clear('place');
            }}
            maxLength={200}
            hint={t('daily.appointments.placeHint')}
            error={errors.errorOf('place')}
          />
          <SelectField<Repeat>
            ref={errors.register('repeat')}
            label={t('daily.appointments.repeat')}
            value={repeat}
            onChange={(v) => {
              setRepeat(v);
              errors.clear('repeat');
              errors.clear('count');
            }}
            options={(['none', ...RECURRENCE_OPTIONS] as const).map((r) => ({ value: r, label: t(`daily.appointments.repeatOptions.${r}`) }))}
            error={errors.errorOf('repeat')}
          />
          {repeat !== 'none' ? (
            <TextField
              ref={errors.register('count')}
              inputMode="numeric"
              label={t('daily.appointments.count')}
              value={count}
              onChange={(v) => {
                setCount(v);
                errors.clear('count');
              }}
              hint={t('daily.appointments.countHint')}
              error={errors.errorOf('count')}
              required
            />
          ) : null}
        </div>
        <TextAreaField
          ref={errors.register('notes')}
          label={t('daily.contacts.notes')}
          value={notes}
          onChange={setNotes}
          rows={2}
          maxLength={4000}
          error={errors.errorOf('notes')}
        />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('daily.appointments.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
