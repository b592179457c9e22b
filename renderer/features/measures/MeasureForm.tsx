import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measure, MeasureKind } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { MEASURE_KIND_OPTIONS } from '../contacts/codes';
import { SelectField, TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useFormErrors } from '../contacts/useFormErrors';
import { useJapanNow } from '../contacts/useJapanNow';
import { useRecordMeasure } from './queries';

type FieldName = 'kind' | 'date' | 'decision' | 'notes';
const ORDER: readonly FieldName[] = ['kind', 'date', 'decision', 'notes'];
const SERVICE_FIELDS: Record<string, FieldName> = { kind: 'kind', decidedOn: 'date', decision: 'decision', notes: 'notes' };

/** Records a measure (good or bad conduct) with the day it was decided. */
export function MeasureForm({ caseId, onRecorded }: { caseId: string; onRecorded: (m: Measure) => void }) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [kind, setKind] = useState<MeasureKind>('warning');
  const [date, setDate] = useState<string | null>(null);
  const [decision, setDecision] = useState('');
  const [notes, setNotes] = useState('');
  const errors = useFormErrors(ORDER, SERVICE_FIELDS);
  const record = useRecordMeasure();
  const shownDate = date ?? today;

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<FieldName, string>> = {};
    const day = parseDateText(shownDate);
    if (!day) next.date = t('daily.common.dateInvalid');
    else if (day > today) next.date = t('daily.common.dateFuture');
    if (!errors.check(next) || !day) return;
    record.mutate(
      { caseId, kind, decidedOn: day, decision: decision.trim(), notes: notes.trim() },
      {
        onSuccess: (m) => {
          setDate(null);
          setDecision('');
          setNotes('');
          onRecorded(m);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <section className="card" aria-labelledby="measure-form-title">
      <h2 id="measure-form-title">{t('daily.measures.formTitle')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <div className="daily-grid">
          <SelectField<MeasureKind>
            ref={errors.register('kind')}
            className="daily-span-2"
            label={t('daily.measures.kind')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              errors.clear('kind');
            }}
            options={MEASURE_KIND_OPTIONS.map((k) => ({ value: k, label: t(`daily.measures.kinds.${k}`) }))}
            hint={kind === 'warning' ? t('daily.measures.noSignoffHint') : t('daily.measures.signoffHint')}
            error={errors.errorOf('kind')}
          />
          <DateTextField
            ref={errors.register('date')}
            kind="date"
            label={t('daily.measures.decidedOn')}
            value={shownDate}
            onChange={(v) => {
              setDate(v);
              errors.clear('date');
            }}
            error={errors.errorOf('date')}
            required
          />
        </div>
        <TextAreaField
          ref={errors.register('decision')}
          label={t('daily.measures.decision')}
          value={decision}
          onChange={setDecision}
          rows={2}
          maxLength={2000}
          hint={t('daily.measures.decisionHint')}
          error={errors.errorOf('decision')}
        />
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
          <button type="submit" className="button-primary" disabled={record.isPending}>
            {record.isPending ? t('common.saving') : t('daily.measures.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
