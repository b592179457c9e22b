import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { Detail, SelectField, TextAreaField } from '../people/fields';
import { useSession } from '../session/SessionContext';
import { baseEndOf, caseShift, maySuspend, phaseShift } from './caseFormat';
import { ResumeDialog, SuspendDialog, TerminateDialog } from './CaseDialogs';
import { PlannedEnd, StatusBadges } from './PersonHeader';
import { useIntensityLevels, usePersonMutation } from './queries';
import type { PersonTabProps } from './types';

type Open = 'suspend' | 'resume' | 'terminate' | null;

function Phases({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (
    <section className="card" aria-labelledby="case-phases">
      <h2 id="case-phases">{t('caseTab.phases')}</h2>
      <div className="table-wrap">
        <table className="data-table phases-table">
          <caption className="visually-hidden">{t('caseTab.phases')}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-fit">
                {t('caseTab.seq')}
              </th>
              <th scope="col">{t('caseTab.phase')}</th>
              <th scope="col">{t('caseTab.start')}</th>
              <th scope="col">{t('caseTab.end')}</th>
              <th scope="col">{t('caseTab.endByRule')}</th>
            </tr>
          </thead>
          <tbody>
            {kase.phases.map((p) => {
              const shift = phaseShift(p);
              const current = p.id === kase.currentPhaseId && kase.status !== 'terminated';
              return (
                <tr key={p.id} className={current ? 'row-current' : undefined}>
                  <td className="col-fit">{p.seq}</td>
                  <th scope="row">
                    {t(`peopleCodes.phaseKind.${p.kind}`)}
                    {current ? <span className="badge badge-info">{t('caseTab.current')}</span> : null}
                  </th>
                  <td className="nowrap">{formatDate(p.startDate, style)}</td>
                  <td className="nowrap">
                    {p.endDate === null ? (
                      <strong className="text-warn">{t('person.endUnknown')}</strong>
                    ) : (
                      <strong>{formatDate(p.endDate, style)}</strong>
                    )}
                    {shift ? <span className="shift"> {t('person.shiftDays', { n: shift })}</span> : null}
                  </td>
                  <td className="nowrap muted">{formatDate(p.baseEndDate, style)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {kase.partialSuspension ? <p className="hint">{t('caseTab.partialHint')}</p> : null}
    </section>
  );
}

function Suspensions({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  if (kase.suspensions.length === 0) return <p className="muted">{t('caseTab.noSuspensions')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('caseTab.suspensions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseTab.suspendFrom')}</th>
            <th scope="col">{t('caseTab.resumedOn')}</th>
            <th scope="col">{t('caseTab.daysStopped')}</th>
            <th scope="col">{t('caseTab.suspendReason')}</th>
          </tr>
        </thead>
        <tbody>
          {kase.suspensions.map((s) => (
            <tr key={s.id}>
              <td className="nowrap">{formatDate(s.fromDate, style)}</td>
              <td className="nowrap">
                {s.resumedOn ? formatDate(s.resumedOn, style) : <strong className="text-warn">{t('caseTab.stillSuspended')}</strong>}
              </td>
              <td className="nowrap">
                {s.daysStopped === null ? t('common.none') : t('caseTab.daysMoved', { n: s.daysStopped })}
              </td>
              <td className="cell-notes">{s.reason || <span className="muted">{t('common.none')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IntensityEditor({ superviseeId, kase }: { superviseeId: string; kase: CaseDetail }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const levels = useIntensityLevels();
  const [level, setLevel] = useState(kase.intensityLevel);
  const set = usePersonMutation('cases.setIntensity', superviseeId);
  const label = levels.data?.find((l) => l.id === kase.intensityLevel)?.label ?? kase.intensityLevel;
  if (kase.status === 'terminated') return <>{label}</>;
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        set.mutate({ caseId: kase.id, level });
      }}
    >
      <SelectField
        name="level"
        label={t('person.intensity')}
        className="label-hidden"
        value={level}
        onChange={setLevel}
        options={(levels.data ?? [{ id: kase.intensityLevel, label }]).map((l) => ({ value: l.id, label: l.label }))}
      />
      <button type="submit" className="button-small" disabled={level === kase.intensityLevel || set.isPending}>
        {t('caseTab.change')}
      </button>
      {set.isError ? <p className="field-error">{errorText(set.error)}</p> : null}
    </form>
  );
}

function Guidelines({ superviseeId, kase }: { superviseeId: string; kase: CaseDetail }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(kase.guidelines);
  const save = usePersonMutation('cases.setGuidelines', superviseeId);
  return (
    <section className="card" aria-labelledby="case-guidelines">
      <div className="card-heading">
        <h2 id="case-guidelines">{t('person.guidelines')}</h2>
        {!editing && kase.status !== 'terminated' ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setText(kase.guidelines);
              setEditing(true);
            }}
          >
            {t('person.edit')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ caseId: kase.id, text: text.trim() }, { onSuccess: () => setEditing(false) });
          }}
        >
          <TextAreaField label={t('person.guidelines')} hint={t('person.guidelinesHint')} value={text} onChange={setText} maxLength={4000} rows={4} autoFocus />
          <ErrorAlert>{save.isError ? errorText(save.error) : null}</ErrorAlert>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('common.save')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : kase.guidelines ? (
        <p className="prewrap">{kase.guidelines}</p>
      ) : (
        <p className="muted">{t('caseTab.noGuidelines')}</p>
      )}
    </section>
  );
}

/** The case: phases with their dates, suspension of supervision, termination, intensity, guidelines. */
export function CaseTab({ person, caseId }: PersonTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const role = useSession().status.user.role;
  const mayTerminate = role === 'supervisor' || role === 'administrator';
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const kase = person.cases.find((c) => c.id === caseId);
  if (!kase) return null;
  const id = person.person.id;
  const shift = caseShift(kase);
  const base = baseEndOf(kase);

  return (
    <>
      <StatusNotice>{notice}</StatusNotice>
      <section className="card" aria-labelledby="case-summary">
        <div className="card-heading">
          <h2 id="case-summary">{t('caseTab.summary', { caseNumber: kase.caseNumber })}</h2>
          <div className="row-actions">
            {kase.status === 'suspended' ? (
              <button type="button" className="button-primary" onClick={() => setOpen('resume')}>
                {t('caseTab.resume')}
              </button>
            ) : null}
            {maySuspend(kase) ? (
              <button type="button" className="button-secondary" onClick={() => setOpen('suspend')}>
                {t('caseTab.suspend')}
              </button>
            ) : null}
            {mayTerminate && kase.status !== 'terminated' ? (
              <button type="button" className="button-danger" onClick={() => setOpen('terminate')}>
                {t('caseTab.terminate')}
              </button>
            ) : null}
          </div>
        </div>
        <dl className="details-grid">
          <Detail label={t('caseTab.status')}>
            <StatusBadges kase={kase} />
          </Detail>
          <Detail label={t('caseTab.start')}>{formatDate(kase.startDate, style)}</Detail>
          <Detail label={t('person.plannedEnd')}>
            <PlannedEnd kase={kase} />
            {shift && base ? <span className="sub">{t('caseTab.endByRuleWas', { date: formatDate(base, style) })}</span> : null}
          </Detail>
          <Detail label={t('person.intensity')}>
            <IntensityEditor key={kase.intensityLevel} superviseeId={id} kase={kase} />
          </Detail>
          <Detail label={t('person.employmentAtStart')}>
            {kase.employmentAtStart ? t(`peopleCodes.employment.${kase.employmentAtStart}`) : null}
          </Detail>
          {kase.status === 'terminated' ? (
            <>
              <Detail label={t('caseTab.terminationReason')}>
                {kase.terminationReason ? t(`peopleCodes.termination.${kase.terminationReason}`) : null}
              </Detail>
              <Detail label={t('caseTab.employmentAtTermination')}>
                {kase.employmentAtTermination ? t(`peopleCodes.employment.${kase.employmentAtTermination}`) : null}
              </Detail>
            </>
          ) : null}
        </dl>
        {kase.status === 'active' && !maySuspend(kase) ? <p className="hint">{t('caseTab.suspendOnlyParole')}</p> : null}
      </section>
      <Phases kase={kase} />
      <section className="card" aria-labelledby="case-suspensions">
        <h2 id="case-suspensions">{t('caseTab.suspensions')}</h2>
        <Suspensions kase={kase} />
      </section>
      <Guidelines key={kase.guidelines} superviseeId={id} kase={kase} />
      {open === 'suspend' ? (
        <SuspendDialog
          superviseeId={id}
          kase={kase}
          onClose={() => setOpen(null)}
          onDone={(c) => {
            setOpen(null);
            const s = c.suspensions.find((x) => x.resumedOn === null);
            setNotice(t('caseTab.suspended', { date: s ? formatDate(s.fromDate, style) : '' }));
          }}
        />
      ) : null}
      {open === 'resume' ? (
        <ResumeDialog
          superviseeId={id}
          kase={kase}
          onClose={() => setOpen(null)}
          onDone={(c) => {
            setOpen(null);
            const last = [...c.suspensions].reverse().find((x) => x.resumedOn !== null);
            setNotice(
              t('caseTab.resumed', {
                n: last?.daysStopped ?? 0,
                date: c.plannedEndDate ? formatDate(c.plannedEndDate, style) : '',
              }),
            );
          }}
        />
      ) : null}
      {open === 'terminate' ? (
        <TerminateDialog
          superviseeId={id}
          kase={kase}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setNotice(t('caseTab.terminated'));
          }}
        />
      ) : null}
    </>
  );
}
