import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { QUICK_CONTACT_KINDS, type QuickContactKind } from './codes';
import { CheckboxField, RadioGroup, TextAreaField } from './controls';
import { isSubmitKey } from './keys';
import { DateTextField } from './DateFields';
import { parseDateText, parseTimeText } from './japanDates';
import { readLastKind, writeLastKind } from './lastKind';
import { optionForDigit, toOutcome, type Attendance, type MissedReason } from './outcome';
import { OutcomeFields } from './OutcomeFields';
import { useRecordContact } from './queries';
import { useFormErrors } from './useFormErrors';
import { useJapanNow } from './useJapanNow';

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

/**
 * The quick-entry form: kind preselected to the last one recorded here, today, now, held. From the
 * kind group a number key picks the kind and Enter records; focus comes back for the next one.
 */
export function QuickContactForm({ caseId, person }: { caseId: string; person: PersonDetail }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { today, time: clock } = useJapanNow();
  const [kind, setKind] = useState<QuickContactKind>(() => readLastKind(QUICK_CONTACT_KINDS, 'office_interview'));
  const [date, setDate] = useState<string | null>(null);
  const [time, setTime] = useState<string | null>(null);
  const [attendance, setAttendance] = useState<Attendance>('held');
  const [reason, setReason] = useState<MissedReason | null>(null);
  const [notes, setNotes] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const kindGroup = useRef<HTMLFieldSetElement | null>(null);
  const errors = useFormErrors(ORDER, SERVICE_FIELDS);
  const record = useRecordContact();

  // Until the person edits them, date and time follow the clock.
  const shownDate = date ?? today;
  const shownTime = time ?? clock;

  function focusKind() {
    kindGroup.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }

  function chooseKind(k: QuickContactKind) {
    setKind(k);
    errors.clear('kind');
  }

  function onKindKey(e: KeyboardEvent<HTMLFieldSetElement>) {
    const k = optionForDigit(e.key, QUICK_CONTACT_KINDS);
    if (!k || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    chooseKind(k);
    const index = QUICK_CONTACT_KINDS.indexOf(k);
    kindGroup.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]')[index]?.focus();
  }

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (record.isPending) return;
    setNotice(null);
    const next: Partial<Record<FieldName, string>> = {};
    const day = parseDateText(shownDate);
    const at = parseTimeText(shownTime);
    if (!day) next.date = t('daily.common.dateInvalid');
    if (!at) next.time = t('daily.common.timeInvalid');
    const outcome = toOutcome(attendance, reason);
    if (outcome === null) next.reason = t('daily.contacts.missedReasonRequired');
    if (!errors.check(next) || outcome === null || !day || !at) return;
    record.mutate(
      { caseId, kind, date: day, time: at, outcome, notes: notes.trim(), sensitive },
      {
        onSuccess: (c) => {
          writeLastKind(kind);
          setNotice(
            t('daily.contacts.recorded', {
              kind: t(`daily.kinds.${c.kind}`),
              date: formatDate(c.date, style),
              time: c.time ?? '',
              outcome: t(`daily.outcomes.${c.outcome}`),
            }),
          );
          setDate(null);
          setTime(null);
          setAttendance('held');
          setReason(null);
          setNotes('');
          setSensitive(false);
          focusKind();
        },
        onError: errors.fail,
      },
    );
  }

  function onFormKey(e: KeyboardEvent<HTMLFormElement>) {
    if (!isSubmitKey(e)) return;
    e.preventDefault();
    submit();
  }

  const vpoHint =
    kind === 'vpo_meeting'
      ? person.vpo
        ? t('daily.contacts.byVpo', { name: person.vpo.name })
        : t('daily.contacts.noVpo')
      : undefined;

  return (
    <section className="card quick-contact" aria-labelledby="quick-contact-title">
      <h2 id="quick-contact-title">{t('daily.contacts.formTitle')}</h2>
      <form onSubmit={submit} onKeyDown={onFormKey} noValidate>
        <RadioGroup<QuickContactKind>
          ref={(el) => {
            kindGroup.current = el;
            errors.register('kind')(el);
          }}
          legend={t('daily.contacts.kind')}
          name="quick-kind"
          className="daily-choice-inline kind-group"
          value={kind}
          onChange={chooseKind}
          onKeyDown={onKindKey}
          error={errors.errorOf('kind')}
          hint={vpoHint}
          options={QUICK_CONTACT_KINDS.map((k, i) => ({
            value: k,
            label: (
              <>
                <kbd className="daily-key" aria-hidden="true">
                  {i + 1}
                </kbd>
                {t(`daily.kinds.${k}`)}
              </>
            ),
          }))}
        />
        <div className="quick-row">
          <DateTextField
            ref={errors.register('date')}
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
            label={t('daily.common.time')}
            value={shownTime}
            onChange={(v) => {
              setTime(v);
              errors.clear('time');
            }}
            error={errors.errorOf('time')}
            required
          />
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
        </div>
        <div className="quick-notes">
          <TextAreaField
            ref={errors.register('notes')}
            label={t('daily.contacts.notes')}
            value={notes}
            onChange={(v) => {
              setNotes(v);
              errors.clear('notes');
            }}
            rows={2}
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
        </div>
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions quick-actions">
          <button type="submit" className="button-primary" disabled={record.isPending}>
            {record.isPending ? t('common.saving') : t('daily.contacts.submit')}
          </button>
          <p className="hint">{t('daily.contacts.keysHint')}</p>
        </div>
      </form>
      <StatusNotice>{notice}</StatusNotice>
    </section>
  );
}
