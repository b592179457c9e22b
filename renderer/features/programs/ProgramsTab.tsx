import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment, Program } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import type { CaseTabProps } from '../contacts/ContactsTab';
import { SelectField, TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useFormErrors } from '../contacts/useFormErrors';
import { useJapanNow } from '../contacts/useJapanNow';
import { isApiError } from '../../api';
import { useEnrolments, usePrograms, useProgramsMutation } from './queries';

type EnrolField = 'program' | 'condition' | 'date';
const ENROL_ORDER: readonly EnrolField[] = ['program', 'condition', 'date'];
const ENROL_SERVICE: Record<string, EnrolField> = { programId: 'program', conditionId: 'condition', enrolledOn: 'date' };

/** The service's refusal of an enrolment without its condition, in the person's language. */
function useEnrolErrorText() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error: unknown): string => {
    if (isApiError(error, 'VALIDATION') && error.details?.field === 'conditionId') return t('programs.enrol.conditionRefused');
    if (isApiError(error, 'DUPLICATE') && error.details?.field === 'programId') return t('programs.enrol.duplicate');
    return errorText(error);
  };
}

function EnrolForm({ person, caseId, onDone }: CaseTabProps & { onDone: (e: Enrolment) => void }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { today } = useJapanNow();
  const programs = usePrograms(true);
  const kase = person.cases.find((c) => c.id === caseId);
  const conditions = (kase?.conditions ?? []).filter((c) => c.kind === 'specialised_treatment' && c.liftedOn === null);
  const [programId, setProgramId] = useState('');
  const [conditionId, setConditionId] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const errors = useFormErrors(ENROL_ORDER, ENROL_SERVICE);
  const enrolError = useEnrolErrorText();
  const create = useProgramsMutation('enrolments.create');
  const list = programs.data ?? [];
  const program: Program | undefined = list.find((p) => p.id === programId) ?? list[0];
  const needsCondition = program?.kind === 'relapse_prevention';
  const shownDate = date ?? today;
  const [refusal, setRefusal] = useState<unknown>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const day = parseDateText(shownDate);
    const next: Partial<Record<EnrolField, string>> = {};
    if (!program) next.program = t('programs.enrol.programRequired');
    if (!day) next.date = t('daily.common.dateInvalid');
    setRefusal(null);
    if (!errors.check(next) || !program || !day) return;
    const chosen = conditionId || conditions[0]?.id;
    create.mutate(
      { caseId, programId: program.id, enrolledOn: day, ...(needsCondition && chosen ? { conditionId: chosen } : {}) },
      {
        onSuccess: (en) => {
          setDate(null);
          onDone(en);
        },
        onError: (err) => {
          setRefusal(err);
          errors.fail(err);
        },
      },
    );
  }

  const fieldError = (f: EnrolField) => (refusal && errors.errorOf(f) ? enrolError(refusal) : errors.errorOf(f));

  return (
    <section className="card" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('programs.enrol.title')}</h2>
      <form className="stack" noValidate onSubmit={submit}>
        <div className="daily-grid">
          <SelectField
            ref={errors.register('program')}
            label={t('programs.enrol.program')}
            value={program?.id ?? ''}
            onChange={(v) => {
              setProgramId(v);
              errors.clear('program');
            }}
            options={list.map((p) => ({ value: p.id, label: p.name }))}
            error={fieldError('program')}
            required
          />
          {needsCondition ? (
            <SelectField
              ref={errors.register('condition')}
              label={t('programs.enrol.condition')}
              value={conditionId || conditions[0]?.id || ''}
              onChange={(v) => {
                setConditionId(v);
                errors.clear('condition');
              }}
              options={
                conditions.length > 0
                  ? conditions.map((c) => ({ value: c.id, label: `${formatDate(c.setOn, style)} ${c.text}`.slice(0, 80) }))
                  : [{ value: '', label: t('programs.enrol.noCondition') }]
              }
              hint={conditions.length === 0 && !fieldError('condition') ? t('programs.enrol.noConditionHint') : undefined}
              error={fieldError('condition')}
              required
            />
          ) : null}
          <DateTextField
            ref={errors.register('date')}
            kind="date"
            label={t('programs.enrol.date')}
            value={shownDate}
            onChange={(v) => {
              setDate(v);
              errors.clear('date');
            }}
            error={fieldError('date')}
            required
          />
        </div>
        <ErrorAlert>{refusal && errors.general ? enrolError(refusal) : null}</ErrorAlert>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.isPending || !program}>
            {create.isPending ? t('common.saving') : t('programs.enrol.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EndDialog({ enrolment, mode, onClose, onDone }: { enrolment: Enrolment; mode: 'complete' | 'withdraw'; onClose: () => void; onDone: (e: Enrolment) => void }) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const errors = useFormErrors<'date' | 'reason'>(['date', 'reason'], { on: 'date', reason: 'reason' });
  const complete = useProgramsMutation('enrolments.complete');
  const withdraw = useProgramsMutation('enrolments.withdraw');
  const pending = complete.isPending || withdraw.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    const day = parseDateText(date);
    const next: Partial<Record<'date' | 'reason', string>> = {};
    if (!day) next.date = t('daily.common.dateInvalid');
    if (mode === 'withdraw' && !reason.trim()) next.reason = t('programs.enrolment.reasonRequired');
    if (!errors.check(next) || !day) return;
    const opts = { onSuccess: onDone, onError: errors.fail };
    if (mode === 'complete') complete.mutate({ id: enrolment.id, on: day }, opts);
    else withdraw.mutate({ id: enrolment.id, on: day, reason: reason.trim() }, opts);
  }

  return (
    <Dialog title={t(mode === 'complete' ? 'programs.enrolment.completeTitle' : 'programs.enrolment.withdrawTitle', { program: enrolment.programName })} onClose={onClose}>
      <form className="stack" noValidate onSubmit={submit}>
        <DateTextField
          ref={errors.register('date')}
          kind="date"
          label={t(mode === 'complete' ? 'programs.enrolment.completedOn' : 'programs.enrolment.withdrawnOn')}
          value={date}
          onChange={(v) => {
            setDate(v);
            errors.clear('date');
          }}
          error={errors.errorOf('date')}
          required
          autoFocus
        />
        {mode === 'withdraw' ? (
          <TextAreaField
            ref={errors.register('reason')}
            label={t('programs.enrolment.reason')}
            value={reason}
            onChange={(v) => {
              setReason(v);
              errors.clear('reason');
            }}
            rows={3}
            maxLength={1000}
            error={errors.errorOf('reason')}
          />
        ) : null}
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={pending}>
            {pending ? t('common.saving') : t(mode === 'complete' ? 'programs.enrolment.complete' : 'programs.enrolment.withdraw')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function EnrolmentCard({ enrolment: e, onEnd }: { enrolment: Enrolment; onEnd: (mode: 'complete' | 'withdraw') => void }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const p = e.progress;
  const scheduled = e.stage !== 'outside';
  const titleId = `enrolment-${e.id}`;
  return (
    <section className={`card program-enrolment${p.possibleBreach ? ' program-breach' : ''}`} aria-labelledby={titleId}>
      <div className="card-heading">
        <h3 id={titleId}>{e.programName}</h3>
        <span className={`pill ${e.status === 'active' ? 'pill-ok' : 'pill-off'}`}>{t(`programs.status.${e.status}`)}</span>
        {e.status === 'active' ? <span className="pill pill-scheduled">{t(`programs.stages.${e.stage}`)}</span> : null}
      </div>
      <dl className="program-facts">
        <div>
          <dt>{t('programs.enrolment.enrolledOn')}</dt>
          <dd>{formatDate(e.enrolledOn, style)}</dd>
        </div>
        {scheduled ? (
          <>
            <div>
              <dt>{t('programs.enrolment.core')}</dt>
              <dd>
                <span className="program-progress-number">{t('programs.enrolment.coreProgress', { n: p.coreAttended, total: p.coreTotal })}</span>
                <progress max={p.coreTotal} value={p.coreAttended} aria-label={t('programs.enrolment.core')} />
              </dd>
            </div>
            <div>
              <dt>{t('programs.enrolment.stepUp', { year: p.stepUp.fiscalYear })}</dt>
              <dd>{t('programs.enrolment.stepUpProgress', { n: p.stepUp.attended, planned: p.stepUp.planned })}</dd>
            </div>
            <div>
              <dt>{t('programs.enrolment.nextDue')}</dt>
              <dd>
                {p.nextDue && e.status === 'active' ? (
                  <>
                    {formatDate(p.nextDue.dueOn, style)}{' '}
                    <span className="sub-inline">
                      {p.nextDue.stage === 'core' ? t('programs.sessionNo', { n: p.nextDue.sessionNo ?? 0 }) : t('programs.stages.step_up')}
                    </span>
                    {p.nextDue.overdue ? <span className="pill pill-attention">{t('programs.enrolment.overdue')}</span> : null}
                  </>
                ) : (
                  <span className="muted">{t('common.none')}</span>
                )}
              </dd>
            </div>
          </>
        ) : null}
        {e.coreCompletedOn ? (
          <div>
            <dt>{t('programs.enrolment.coreCompletedOn')}</dt>
            <dd>{formatDate(e.coreCompletedOn, style)}</dd>
          </div>
        ) : null}
        {e.completedOn ? (
          <div>
            <dt>{t('programs.enrolment.completedOn')}</dt>
            <dd>{formatDate(e.completedOn, style)}</dd>
          </div>
        ) : null}
        {e.withdrawnOn ? (
          <div>
            <dt>{t('programs.enrolment.withdrawnOn')}</dt>
            <dd>
              {formatDate(e.withdrawnOn, style)}
              {e.withdrawalReason ? <span className="sub">{e.withdrawalReason}</span> : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {p.missed.length > 0 ? (
        <div className="program-missed" role="note">
          <p className="program-missed-title">{t('programs.enrolment.possibleBreach')}</p>
          <ul>
            {p.missed.map((m, i) => (
              <li key={`${m.date}-${i}`}>
                {formatDate(m.date, style)} —{' '}
                {m.kind === 'core_overdue'
                  ? t('programs.enrolment.missedCoreOverdue', { n: m.sessionNo ?? 0 })
                  : t('programs.enrolment.missedAbsent')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {e.status === 'active' ? (
        <div className="form-actions">
          {e.stage !== 'core' ? (
            <button type="button" className="button-secondary" onClick={() => onEnd('complete')}>
              {t('programs.enrolment.complete')}
            </button>
          ) : null}
          <button type="button" className="button-secondary" onClick={() => onEnd('withdraw')}>
            {t('programs.enrolment.withdraw')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** The person page's Programs tab: enrolments with their progress; enrol, complete, withdraw. */
export function ProgramsTab({ person, caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const enrolments = useEnrolments(caseId);
  const [notice, setNotice] = useState<string | null>(null);
  const [ending, setEnding] = useState<{ enrolment: Enrolment; mode: 'complete' | 'withdraw' } | null>(null);
  const list = enrolments.data ?? [];

  return (
    <div className="daily-tab programs-tab">
      <StatusNotice>{notice}</StatusNotice>
      <section className="section" aria-labelledby="enrolments-title">
        <div className="section-heading">
          <h2 id="enrolments-title">{t('programs.enrolment.listTitle')}</h2>
          {enrolments.data ? <span className="muted">{t('daily.common.count', { n: list.length })}</span> : null}
        </div>
        {enrolments.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        <ErrorAlert>{enrolments.isError ? errorText(enrolments.error) : null}</ErrorAlert>
        {enrolments.data && list.length === 0 ? <p className="empty-line muted">{t('programs.enrolment.empty')}</p> : null}
        <div className="program-enrolments">
          {list.map((e) => (
            <EnrolmentCard key={e.id} enrolment={e} onEnd={(mode) => setEnding({ enrolment: e, mode })} />
          ))}
        </div>
      </section>
      <EnrolForm person={person} caseId={caseId} onDone={(e) => setNotice(t('programs.enrol.done', { program: e.programName }))} />
      {ending ? (
        <EndDialog
          enrolment={ending.enrolment}
          mode={ending.mode}
          onClose={() => setEnding(null)}
          onDone={(e) => {
            setEnding(null);
            setNotice(t(ending.mode === 'complete' ? 'programs.enrolment.completed' : 'programs.enrolment.withdrawn', { program: e.programName }));
          }}
        />
      ) : null}
    </div>
  );
}
