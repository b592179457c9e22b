import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, EmploymentStatus, TerminationReason } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { EMPLOYMENT_CODES, TERMINATION_REASON_CODES } from '../people/codes';
import { DateField, SelectField, TextAreaField } from '../people/fields';
import { daysBetween, isIsoDate, todayInJapan } from '../people/personFormat';
import { focusNamed, useFormErrors } from '../people/useFormErrors';
import { openSuspension } from './caseFormat';
import { usePersonMutation } from './queries';

function DialogForm({
  title,
  onClose,
  onSubmit,
  formRef,
  busy,
  submitLabel,
  formError,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (e: FormEvent) => void;
  formRef: RefObject<HTMLFormElement | null>;
  busy: boolean;
  submitLabel: string;
  formError: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose}>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="stack">
        {children}
        <ErrorAlert>{formError}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('common.saving') : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface CaseDialogProps {
  superviseeId: string;
  kase: CaseDetail;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
}

/** 保護観察の停止: from a date (not later than today), with the reason. */
export function SuspendDialog({ superviseeId, kase, onClose, onDone }: CaseDialogProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayInJapan();
  const [fromDate, setFromDate] = useState(today);
  const [reason, setReason] = useState('');
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(['fromDate', 'reason']);
  const suspend = usePersonMutation('cases.suspend', superviseeId);
  function submit(e: FormEvent) {
    e.preventDefault();
    const first = setClientErrors(isIsoDate(fromDate) ? {} : { fromDate: t('peopleErrors.dateRequired') });
    if (first) return focusNamed(formRef.current, first);
    suspend.mutate(
      { caseId: kase.id, fromDate, reason: reason.trim() },
      { onSuccess: onDone, onError: (error) => focusNamed(formRef.current, setServerError(error)) },
    );
  }
  return (
    <DialogForm
      title={t('caseTab.suspendTitle')}
      onClose={onClose}
      onSubmit={submit}
      formRef={formRef}
      busy={suspend.isPending}
      submitLabel={t('caseTab.suspendSubmit')}
      formError={formError}
    >
      <p>{t('caseTab.suspendIntro')}</p>
      <DateField
        name="fromDate"
        label={t('caseTab.suspendFrom')}
        required
        max={today}
        value={fromDate}
        onChange={(v) => {
          setFromDate(v);
          clear('fromDate');
        }}
        error={errors.fromDate}
      />
      <TextAreaField name="reason" label={t('caseTab.suspendReason')} hint={t('caseTab.suspendReasonHint')} value={reason} onChange={setReason} maxLength={1000} rows={2} />
    </DialogForm>
  );
}

/** Resumes supervision; shows beforehand how many days the end will move. */
export function ResumeDialog({ superviseeId, kase, onClose, onDone }: CaseDialogProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayInJapan();
  const open = openSuspension(kase);
  const [resumedOn, setResumedOn] = useState(today);
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(['resumedOn']);
  const resume = usePersonMutation('cases.resume', superviseeId);
  const days = open && isIsoDate(resumedOn) && resumedOn >= open.fromDate ? daysBetween(open.fromDate, resumedOn) : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    const first = setClientErrors(isIsoDate(resumedOn) ? {} : { resumedOn: t('peopleErrors.dateRequired') });
    if (first) return focusNamed(formRef.current, first);
    resume.mutate(
      { caseId: kase.id, resumedOn },
      { onSuccess: onDone, onError: (error) => focusNamed(formRef.current, setServerError(error)) },
    );
  }
  return (
    <DialogForm
      title={t('caseTab.resumeTitle')}
      onClose={onClose}
      onSubmit={submit}
      formRef={formRef}
      busy={resume.isPending}
      submitLabel={t('caseTab.resumeSubmit')}
      formError={formError}
    >
      {open ? <p>{t('caseTab.resumeIntro', { date: formatDate(open.fromDate, style) })}</p> : null}
      <DateField
        name="resumedOn"
        label={t('caseTab.resumedOn')}
        required
        max={today}
        {...(open ? { min: open.fromDate } : {})}
        value={resumedOn}
        onChange={(v) => {
          setResumedOn(v);
          clear('resumedOn');
        }}
        error={errors.resumedOn}
      />
      {days !== null ? (
        <p className="preview" aria-live="polite">
          {t('caseTab.resumePreview', { n: days })}
        </p>
      ) : null}
    </DialogForm>
  );
}

/** Termination: supervisors and administrators only (the service checks the role too). */
export function TerminateDialog({ superviseeId, kase, onClose, onDone }: CaseDialogProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayInJapan();
  const [terminationDate, setDate] = useState(today);
  const [reason, setReason] = useState<TerminationReason | ''>('');
  const [employment, setEmployment] = useState<EmploymentStatus | ''>('');
  const fields = ['terminationDate', 'reason', 'employmentAtTermination'] as const;
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(fields);
  const terminate = usePersonMutation('cases.terminate', superviseeId);
  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!isIsoDate(terminationDate)) next.terminationDate = t('peopleErrors.dateRequired');
    if (!reason) next.reason = t('caseTab.reasonRequired');
    if (!employment) next.employmentAtTermination = t('caseTab.employmentRequired');
    const first = setClientErrors(next);
    if (first) return focusNamed(formRef.current, first);
    terminate.mutate(
      { caseId: kase.id, terminationDate, reason: reason as TerminationReason, employmentAtTermination: employment as EmploymentStatus },
      { onSuccess: onDone, onError: (error) => focusNamed(formRef.current, setServerError(error)) },
    );
  }
  return (
    <DialogForm
      title={t('caseTab.terminateTitle', { caseNumber: kase.caseNumber })}
      onClose={onClose}
      onSubmit={submit}
      formRef={formRef}
      busy={terminate.isPending}
      submitLabel={t('caseTab.terminateSubmit')}
      formError={formError}
    >
      <p>{t('caseTab.terminateIntro')}</p>
      <DateField
        name="terminationDate"
        label={t('caseTab.terminationDate')}
        required
        max={today}
        value={terminationDate}
        onChange={(v) => {
          setDate(v);
          clear('terminationDate');
        }}
        error={errors.terminationDate}
      />
      <SelectField
        name="reason"
        label={t('caseTab.terminationReason')}
        required
        placeholder={t('intake.choose')}
        value={reason}
        onChange={(v) => {
          setReason(v as TerminationReason);
          clear('reason');
        }}
        options={TERMINATION_REASON_CODES.map((c) => ({ value: c, label: t(`peopleCodes.termination.${c}`) }))}
        error={errors.reason}
      />
      <SelectField
        name="employmentAtTermination"
        label={t('caseTab.employmentAtTermination')}
        required
        placeholder={t('intake.choose')}
        value={employment}
        onChange={(v) => {
          setEmployment(v as EmploymentStatus);
          clear('employmentAtTermination');
        }}
        options={EMPLOYMENT_CODES.map((c) => ({ value: c, label: t(`peopleCodes.employment.${c}`) }))}
        error={errors.employmentAtTermination}
      />
    </DialogForm>
  );
}
