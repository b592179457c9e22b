import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmploymentSupport, SubsidyStatus, SupportKind, SupportOutcome } from '../../../db/contract';
import { TextField } from '../../components/Field';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { SelectField, TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { OUTCOME_OPTIONS, parseMonths, SUBSIDY_OPTIONS, SUPPORT_KIND_OPTIONS } from './codes';
import { EmployerSelect } from './EmployerSelect';
import { useFieldErrors } from './formErrors';
import { useRecordSupport, useUpdateSupport } from './queries';

type F = 'kind' | 'startedOn' | 'office' | 'employerId' | 'months' | 'subsidyStatus' | 'outcome' | 'endedOn' | 'notes';
const ORDER: readonly F[] = ['kind', 'startedOn', 'office', 'employerId', 'months', 'subsidyStatus', 'outcome', 'endedOn', 'notes'];
const SERVICE: Record<string, F> = Object.fromEntries(ORDER.map((f) => [f, f]));
const MESSAGES = {
  'VALIDATION:office': 'work.supports.officeRequired',
  'VALIDATION:employerId': 'work.supports.employerRequired',
  'VALIDATION:months': 'work.supports.monthsInvalid',
  INVALID_STATE: 'work.common.caseClosed',
};

/** Records a Hello Work referral, job counselling, work-experience course or trial employment; or updates one. */
export function SupportDialog({
  caseId,
  support,
  onClose,
  onSaved,
}: {
  caseId: string;
  support: EmploymentSupport | null;
  onClose: () => void;
  onSaved: (s: EmploymentSupport, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { today } = useJapanNow();
  const [kind, setKind] = useState<SupportKind>(support?.kind ?? 'hello_work_referral');
  const [startedOn, setStartedOn] = useState(support?.startedOn ?? today);
  const [endedOn, setEndedOn] = useState(support?.endedOn ?? '');
  const [office, setOffice] = useState(support?.office ?? '');
  const [employerId, setEmployerId] = useState(support?.employerId ?? '');
  const [months, setMonths] = useState(support?.months ? String(support.months) : '3');
  const [subsidy, setSubsidy] = useState<SubsidyStatus>(support?.subsidyStatus ?? 'not_applied');
  const [outcome, setOutcome] = useState<SupportOutcome>(support?.outcome ?? 'pending');
  const [notes, setNotes] = useState(support?.notes ?? '');
  const errors = useFieldErrors(ORDER, SERVICE, MESSAGES);
  const record = useRecordSupport();
  const update = useUpdateSupport();
  const pending = record.isPending || update.isPending;
  const trial = kind === 'trial_employment';
  const showEmployer = trial || kind === 'work_experience';
  const bind = (f: F, set: (v: string) => void) => (v: string) => {
    set(v);
    errors.clear(f);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<F, string>> = {};
    const start = parseDateText(startedOn);
    const end = endedOn.trim() === '' ? null : parseDateText(endedOn);
    const m = trial ? parseMonths(months) : null;
    if (!start) next.startedOn = t('work.common.dateInvalid');
    else if (start > today) next.startedOn = t('work.common.dateFuture');
    if (kind === 'hello_work_referral' && office.trim() === '') next.office = t('work.supports.officeRequired');
    if (trial && employerId === '') next.employerId = t('work.supports.employerRequired');
    if (trial && (m === null || Number.isNaN(m))) next.months = t('work.supports.monthsInvalid');
    if (endedOn.trim() !== '' && !end) next.endedOn = t('work.common.dateInvalid');
    else if (end && end > today) next.endedOn = t('work.common.dateFuture');
    else if (end && start && end < start) next.endedOn = t('work.common.endBeforeStart');
    if (!errors.check(next) || !start) return;
    const fields = {
      startedOn: start,
      endedOn: end,
      office: office.trim(),
      employerId: showEmployer && employerId ? employerId : null,
      months: trial ? m : null,
      subsidyStatus: trial ? subsidy : null,
      outcome,
      notes: notes.trim(),
    };
    if (support) update.mutate({ id: support.id, ...fields }, { onSuccess: (s) => onSaved(s, false), onError: errors.fail });
    else record.mutate({ caseId, kind, ...fields }, { onSuccess: (s) => onSaved(s, true), onError: errors.fail });
  }

  const title = support
    ? t('work.supports.updateTitle', { kind: t(`work.kinds.${support.kind}`), date: formatDate(support.startedOn, style) })
    : t('work.supports.recordTitle');

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="stack work-dialog" noValidate onSubmit={submit}>
        <div className="grid-2">
          <SelectField<SupportKind>
            ref={errors.register('kind')}
            label={t('work.supports.kind')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              errors.clear('kind');
            }}
            disabled={support !== null}
            options={SUPPORT_KIND_OPTIONS.map((k) => ({ value: k, label: t(`work.kinds.${k}`) }))}
            error={errors.errorOf('kind')}
            required
          />
          <DateTextField
            ref={errors.register('startedOn')}
            kind="date"
            label={t('work.supports.startedOn')}
            value={startedOn}
            onChange={bind('startedOn', setStartedOn)}
            error={errors.errorOf('startedOn')}
            required
          />
          <TextField
            ref={errors.register('office')}
            label={t('work.supports.office')}
            value={office}
            onChange={bind('office', setOffice)}
            hint={t('work.supports.officeHint')}
            error={errors.errorOf('office')}
            required={kind === 'hello_work_referral'}
            maxLength={120}
            autoComplete="off"
          />
          {showEmployer ? (
            <EmployerSelect
              ref={errors.register('employerId')}
              label={t('work.supports.employer')}
              value={employerId}
              onChange={bind('employerId', setEmployerId)}
              error={errors.errorOf('employerId')}
              required={trial}
            />
          ) : null}
          {trial ? (
            <>
              <TextField
                ref={errors.register('months')}
                label={t('work.supports.months')}
                value={months}
                onChange={bind('months', setMonths)}
                hint={t('work.supports.monthsHint')}
                error={errors.errorOf('months')}
                inputMode="numeric"
                maxLength={2}
                required
              />
              <SelectField<SubsidyStatus>
                ref={errors.register('subsidyStatus')}
                label={t('work.supports.subsidyStatus')}
                value={subsidy}
                onChange={setSubsidy}
                options={SUBSIDY_OPTIONS.map((s) => ({ value: s, label: t(`work.subsidy.${s}`) }))}
                error={errors.errorOf('subsidyStatus')}
              />
            </>
          ) : null}
          <SelectField<SupportOutcome>
            ref={errors.register('outcome')}
            label={t('work.supports.outcome')}
            value={outcome}
            onChange={setOutcome}
            options={OUTCOME_OPTIONS.map((o) => ({ value: o, label: t(`work.outcomes.${o}`) }))}
            error={errors.errorOf('outcome')}
          />
          <DateTextField
            ref={errors.register('endedOn')}
            kind="date"
            label={t('work.supports.endedOn')}
            value={endedOn}
            onChange={bind('endedOn', setEndedOn)}
            error={errors.errorOf('endedOn')}
          />
        </div>
        <TextAreaField
          ref={errors.register('notes')}
          label={t('work.common.notesLabel')}
          value={notes}
          onChange={setNotes}
          rows={2}
          maxLength={4000}
          error={errors.errorOf('notes')}
        />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={pending}>
            {pending ? t('common.saving') : support ? t('common.save') : t('work.supports.record')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
