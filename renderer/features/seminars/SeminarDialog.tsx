import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Seminar } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText, parseTimeText } from '../contacts/japanDates';
import { useFormErrors } from '../contacts/useFormErrors';
import { useJapanNow } from '../contacts/useJapanNow';
import { useCreateSeminar, useUpdateSeminar } from './queries';

type FieldName = 'date' | 'time' | 'place' | 'topic' | 'facilitator' | 'capacity' | 'notes';
const ORDER: readonly FieldName[] = ['date', 'time', 'place', 'topic', 'facilitator', 'capacity', 'notes'];
const SERVICE_FIELDS: Record<string, FieldName> = {
  heldOn: 'date',
  startTime: 'time',
  place: 'place',
  topic: 'topic',
  facilitator: 'facilitator',
  capacity: 'capacity',
  notes: 'notes',
};

/** Plans a family seminar (引受人会・家族会), or changes one. */
export function SeminarDialog({ seminar, onClose, onSaved }: { seminar: Seminar | null; onClose: () => void; onSaved: (s: Seminar) => void }) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [date, setDate] = useState(seminar?.heldOn ?? today);
  const [time, setTime] = useState(seminar?.startTime ?? '');
  const [place, setPlace] = useState(seminar?.place ?? '');
  const [topic, setTopic] = useState(seminar?.topic ?? '');
  const [facilitator, setFacilitator] = useState(seminar?.facilitator ?? '');
  const [capacity, setCapacity] = useState(seminar ? String(seminar.capacity) : '20');
  const [notes, setNotes] = useState(seminar?.notes ?? '');
  const errors = useFormErrors(ORDER, SERVICE_FIELDS);
  const create = useCreateSeminar();
  const update = useUpdateSeminar();
  const pending = create.isPending || update.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    const heldOn = parseDateText(date);
    const startTime = time.trim() === '' ? null : parseTimeText(time);
    const cap = Number(capacity.normalize('NFKC').trim());
    const next: Partial<Record<FieldName, string>> = {};
    if (!heldOn) next.date = t('daily.common.dateInvalid');
    if (time.trim() !== '' && !startTime) next.time = t('daily.common.timeInvalid');
    if (!place.trim()) next.place = t('families.seminars.placeRequired');
    if (!topic.trim()) next.topic = t('families.seminars.topicRequired');
    if (!Number.isInteger(cap) || cap < 1 || cap > 1000) next.capacity = t('families.seminars.capacityInvalid');
    if (!errors.check(next) || !heldOn) return;
    const fields = { heldOn, startTime, place: place.trim(), topic: topic.trim(), facilitator: facilitator.trim(), capacity: cap, notes: notes.trim() };
    if (seminar) update.mutate({ id: seminar.id, ...fields }, { onSuccess: onSaved, onError: errors.fail });
    else create.mutate(fields, { onSuccess: onSaved, onError: errors.fail });
  }

  const bind = (field: FieldName, set: (v: string) => void) => (v: string) => {
    set(v);
    errors.clear(field);
  };

  return (
    <Dialog title={seminar ? t('families.seminars.editTitle') : t('families.seminars.addTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <div className="grid-2">
          <DateTextField ref={errors.register('date')} kind="date" label={t('families.seminars.date')} value={date} onChange={bind('date', setDate)} error={errors.errorOf('date')} required autoFocus />
          <DateTextField ref={errors.register('time')} kind="time" label={t('families.seminars.time')} value={time} onChange={bind('time', setTime)} error={errors.errorOf('time')} />
          <TextField ref={errors.register('topic')} className="span-2" label={t('families.seminars.topic')} value={topic} onChange={bind('topic', setTopic)} error={errors.errorOf('topic')} hint={t('families.seminars.topicHint')} required maxLength={200} />
          <TextField ref={errors.register('place')} label={t('families.seminars.place')} value={place} onChange={bind('place', setPlace)} error={errors.errorOf('place')} required maxLength={200} />
          <TextField ref={errors.register('facilitator')} label={t('families.seminars.facilitator')} value={facilitator} onChange={bind('facilitator', setFacilitator)} error={errors.errorOf('facilitator')} maxLength={200} />
          <TextField
            ref={errors.register('capacity')}
            className="field-narrow"
            label={t('families.seminars.capacity')}
            value={capacity}
            onChange={bind('capacity', setCapacity)}
            error={errors.errorOf('capacity')}
            inputMode="numeric"
            required
            maxLength={4}
          />
        </div>
        <TextAreaField ref={errors.register('notes')} label={t('families.seminars.notes')} value={notes} onChange={setNotes} rows={2} maxLength={4000} error={errors.errorOf('notes')} />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={pending}>
            {pending ? t('common.saving') : seminar ? t('common.save') : t('families.seminars.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
