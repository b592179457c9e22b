import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { CheckboxField, TextAreaField } from './controls';
import { DateTextField } from './DateFields';
import { addMonths, monthOf, parseDateText, parseMonthText } from './japanDates';
import { useRecordVpoReport } from './queries';
import { useFormErrors } from './useFormErrors';
import { useJapanNow } from './useJapanNow';

type FieldName = 'month' | 'date' | 'vpo' | 'notes';
const ORDER: readonly FieldName[] = ['month', 'date', 'vpo', 'notes'];
const SERVICE_FIELDS: Record<string, FieldName> = { month: 'month', date: 'date', vpoId: 'vpo', notes: 'notes' };

interface Props {
  caseId: string;
  /** The VPO the report is recorded for (the supervisee's), or null when none is assigned. */
  vpoName: string | null;
  initialMonth?: string;
  autoFocus?: boolean;
  onRecorded: (contact: Contact) => void;
  onCancel?: () => void;
}

/** Keys in a VPO's paper monthly report for the month it covers (by default last month). */
export function VpoReportForm({ caseId, vpoName, initialMonth, autoFocus, onRecorded, onCancel }: Props) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [month, setMonth] = useState(() => initialMonth ?? addMonths(monthOf(today), -1));
  const [date, setDate] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const errors = useFormErrors(ORDER, SERVICE_FIELDS);
  const record = useRecordVpoReport();
  const received = date ?? today;

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<FieldName, string>> = {};
    const m = parseMonthText(month);
    const d = parseDateText(received);
    if (!m) next.month = t('daily.vpoReport.monthInvalid');
    else if (d && m > monthOf(d)) next.month = t('daily.vpoReport.monthAfterReceived');
    if (!d) next.date = t('daily.common.dateInvalid');
    if (vpoName === null) next.vpo = t('daily.vpoReport.noVpo');
    if (!errors.check(next) || !m || !d) return;
    record.mutate(
      { caseId, month: m, date: d, notes: notes.trim(), sensitive },
      {
        onSuccess: (c) => {
          setNotes('');
          setSensitive(false);
          setDate(null);
          onRecorded(c);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="vpo-report-form">
      <p className="vpo-name" ref={errors.register('vpo')} tabIndex={-1}>
        {vpoName !== null ? t('daily.vpoReport.vpoLine', { name: vpoName }) : <span className="field-error">{t('daily.vpoReport.noVpo')}</span>}
      </p>
      <div className="grid-2">
        <DateTextField
          ref={errors.register('month')}
          kind="month"
          label={t('daily.vpoReport.month')}
          value={month}
          onChange={(v) => {
            setMonth(v);
            errors.clear('month');
          }}
          error={errors.errorOf('month')}
          required
          autoFocus={autoFocus}
        />
        <DateTextField
          ref={errors.register('date')}
          kind="date"
          label={t('daily.vpoReport.received')}
          value={received}
          onChange={(v) => {
            setDate(v);
            errors.clear('date');
          }}
          error={errors.errorOf('date')}
          required
        />
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
      <CheckboxField
        label={t('daily.contacts.sensitive')}
        checked={sensitive}
        onChange={setSensitive}
        hint={t('daily.contacts.sensitiveHint')}
      />
      <ErrorAlert>{errors.general ?? (errors.errorOf('vpo') && vpoName !== null ? errors.errorOf('vpo') : null)}</ErrorAlert>
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button type="submit" className="button-primary" disabled={record.isPending || vpoName === null}>
          {record.isPending ? t('common.saving') : t('daily.vpoReport.submit')}
        </button>
      </div>
    </form>
  );
}
