import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmploymentSupport, Job, JobKind, WorkStatus } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { RadioGroup, SelectField, TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { CheckboxField } from '../people/fields';
import { JOB_KIND_OPTIONS, statusForJob } from './codes';
import { EmployerSelect } from './EmployerSelect';
import { useFieldErrors } from './formErrors';
import { useEndJob, useRecordJob } from './queries';

type F = 'mode' | 'employerId' | 'employerName' | 'kind' | 'startedOn' | 'endedOn' | 'leavingReason' | 'supportId' | 'status';
const ORDER: readonly F[] = ['mode', 'employerId', 'employerName', 'kind', 'startedOn', 'endedOn', 'leavingReason', 'supportId', 'status'];
const SERVICE: Record<string, F> = Object.fromEntries(ORDER.map((f) => [f, f]));
const MESSAGES = {
  'VALIDATION:employerName': 'work.jobs.employerNameRequired',
  'VALIDATION:leavingReason': 'work.jobs.reasonNeedsEnd',
  'DUPLICATE:status': 'work.jobs.statusDuplicate',
  'VALIDATION:status': 'work.jobs.statusSame',
  INVALID_STATE: 'work.common.caseClosed',
};

export interface JobSaved {
  job: Job;
  /** The status recorded with the job, in the same save. */
  status: WorkStatus | null;
}

/**
 * Records a job, with a registered employer or one typed; optionally the matching status from its
 * start, in the same call (one transaction: a refused status records no job either).
 */
export function JobDialog({
  caseId,
  supports,
  currentStatus,
  onClose,
  onSaved,
}: {
  caseId: string;
  supports: readonly EmploymentSupport[];
  currentStatus: WorkStatus | null;
  onClose: () => void;
  onSaved: (r: JobSaved) => void;
}) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { today } = useJapanNow();
  const [mode, setMode] = useState<'registry' | 'typed'>('registry');
  const [employerId, setEmployerId] = useState('');
  const [employerName, setEmployerName] = useState('');
  const [kind, setKind] = useState<JobKind>('full_time');
  const [startedOn, setStartedOn] = useState(today);
  const [endedOn, setEndedOn] = useState('');
  const [reason, setReason] = useState('');
  const [supportId, setSupportId] = useState(supports.find((s) => s.outcome === 'pending')?.id ?? '');
  const [alsoStatus, setAlsoStatus] = useState(true);
  const errors = useFieldErrors(ORDER, SERVICE, MESSAGES);
  const record = useRecordJob();
  const suggested = endedOn.trim() === '' ? statusForJob(kind) : null;
  const offerStatus = suggested !== null && suggested !== currentStatus;
  const bind = (f: F, set: (v: string) => void) => (v: string) => {
    set(v);
    errors.clear(f);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<F, string>> = {};
    const start = parseDateText(startedOn);
    const end = endedOn.trim() === '' ? null : parseDateText(endedOn);
    if (mode === 'registry' && employerId === '') next.employerId = t('work.jobs.employerRequired');
    if (mode === 'typed' && employerName.trim() === '') next.employerName = t('work.jobs.employerNameRequired');
    if (!start) next.startedOn = t('work.common.dateInvalid');
    else if (start > today) next.startedOn = t('work.common.dateFuture');
    if (endedOn.trim() !== '' && !end) next.endedOn = t('work.common.dateInvalid');
    else if (end && end > today) next.endedOn = t('work.common.dateFuture');
    else if (end && start && end < start) next.endedOn = t('work.common.endBeforeStart');
    if (reason.trim() !== '' && !end) next.leavingReason = t('work.jobs.reasonNeedsEnd');
    if (!errors.check(next) || !start) return;
    const status = offerStatus && alsoStatus && suggested ? suggested : null;
    record.mutate(
      {
        caseId,
        ...(mode === 'registry' ? { employerId } : { employerName: employerName.trim() }),
        kind,
        startedOn: start,
        ...(end ? { endedOn: end, leavingReason: reason.trim() } : {}),
        ...(supportId ? { supportId } : {}),
        ...(status ? { status } : {}),
      },
      { onError: errors.fail, onSuccess: (job) => onSaved({ job, status }) },
    );
  }

  const pending = record.isPending;
  return (
    <Dialog title={t('work.jobs.recordTitle')} onClose={onClose}>
      <form className="stack work-dialog" noValidate onSubmit={submit}>
        <RadioGroup<'registry' | 'typed'>
          ref={errors.register('mode')}
          legend={t('work.jobs.employerMode')}
          name="employer-mode"
          value={mode}
          onChange={(v) => setMode(v)}
          options={[
            { value: 'registry', label: t('work.jobs.fromRegistry') },
            { value: 'typed', label: t('work.jobs.typed') },
          ]}
        />
        <div className="grid-2">
          {mode === 'registry' ? (
            <EmployerSelect
              ref={errors.register('employerId')}
              label={t('work.jobs.employer')}
              value={employerId}
              onChange={bind('employerId', setEmployerId)}
              error={errors.errorOf('employerId')}
              required
            />
          ) : (
            <TextField
              ref={errors.register('employerName')}
              label={t('work.jobs.employerName')}
              value={employerName}
              onChange={bind('employerName', setEmployerName)}
              error={errors.errorOf('employerName')}
              maxLength={120}
              autoComplete="off"
              required
            />
          )}
          <SelectField<JobKind>
            ref={errors.register('kind')}
            label={t('work.jobs.kind')}
            value={kind}
            onChange={setKind}
            options={JOB_KIND_OPTIONS.map((k) => ({ value: k, label: t(`work.jobKinds.${k}`) }))}
            error={errors.errorOf('kind')}
            required
          />
          <DateTextField
            ref={errors.register('startedOn')}
            kind="date"
            label={t('work.jobs.startedOn')}
            value={startedOn}
            onChange={bind('startedOn', setStartedOn)}
            error={errors.errorOf('startedOn')}
            required
          />
          <DateTextField
            ref={errors.register('endedOn')}
            kind="date"
            label={t('work.jobs.endedOn')}
            value={endedOn}
            onChange={bind('endedOn', setEndedOn)}
            error={errors.errorOf('endedOn')}
          />
          {supports.length > 0 ? (
            <SelectField<string>
              ref={errors.register('supportId')}
              className="daily-span-2"
              label={t('work.jobs.fromSupport')}
              value={supportId}
              onChange={bind('supportId', setSupportId)}
              options={[
                { value: '', label: t('work.jobs.fromSupportNone') },
                ...supports.map((s) => ({
                  value: s.id,
                  label: `${t(`work.kinds.${s.kind}`)}（${formatDate(s.startedOn, style)}）${s.employerName ? ` ${s.employerName}` : s.office ? ` ${s.office}` : ''}`,
                })),
              ]}
              error={errors.errorOf('supportId')}
            />
          ) : null}
        </div>
        {endedOn.trim() !== '' ? (
          <TextAreaField
            ref={errors.register('leavingReason')}
            label={t('work.jobs.leavingReason')}
            value={reason}
            onChange={bind('leavingReason', setReason)}
            rows={2}
            maxLength={1000}
            error={errors.errorOf('leavingReason')}
          />
        ) : null}
        {offerStatus && suggested ? (
          <div ref={errors.register('status')}>
            <CheckboxField
              label={t('work.jobs.alsoStatus', { status: t(`work.statuses.${suggested}`) })}
              checked={alsoStatus}
              onChange={(v) => {
                setAlsoStatus(v);
                errors.clear('status');
              }}
              error={errors.errorOf('status')}
            />
          </div>
        ) : null}
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={pending}>
            {pending ? t('common.saving') : t('work.jobs.record')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type EF = 'endedOn' | 'leavingReason';
const END_ORDER: readonly EF[] = ['endedOn', 'leavingReason'];
const END_SERVICE: Record<string, EF> = { endedOn: 'endedOn', leavingReason: 'leavingReason' };

/** Records the day a job ended and why. */
export function EndJobDialog({ job, onClose, onSaved }: { job: Job; onClose: () => void; onSaved: (j: Job) => void }) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [endedOn, setEndedOn] = useState(today);
  const [reason, setReason] = useState('');
  const errors = useFieldErrors(END_ORDER, END_SERVICE, { END_BEFORE_START: 'work.common.endBeforeStart' });
  const end = useEndJob();

  function submit(e: FormEvent) {
    e.preventDefault();
    const day = parseDateText(endedOn);
    const next: Partial<Record<EF, string>> = {};
    if (!day) next.endedOn = t('work.common.dateInvalid');
    else if (day > today) next.endedOn = t('work.common.dateFuture');
    else if (day < job.startedOn) next.endedOn = t('work.common.endBeforeStart');
    if (!errors.check(next) || !day) return;
    end.mutate({ id: job.id, endedOn: day, leavingReason: reason.trim() }, { onSuccess: onSaved, onError: errors.fail });
  }

  return (
    <Dialog title={t('work.jobs.endTitle', { employer: job.employerName })} onClose={onClose}>
      <form className="stack" noValidate onSubmit={submit}>
        <DateTextField
          ref={errors.register('endedOn')}
          kind="date"
          label={t('work.jobs.endedOn')}
          value={endedOn}
          onChange={(v) => {
            setEndedOn(v);
            errors.clear('endedOn');
          }}
          error={errors.errorOf('endedOn')}
          required
          autoFocus
        />
        <TextAreaField
          ref={errors.register('leavingReason')}
          label={t('work.jobs.leavingReason')}
          value={reason}
          onChange={setReason}
          rows={2}
          maxLength={1000}
          error={errors.errorOf('leavingReason')}
        />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={end.isPending}>
            {end.isPending ? t('common.saving') : t('work.jobs.end')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
