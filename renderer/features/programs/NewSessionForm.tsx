import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryMode, InputOf, SessionStage } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { CheckboxField, RadioGroup, SelectField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText, parseTimeText } from '../contacts/japanDates';
import { useFormErrors } from '../contacts/useFormErrors';
import { useJapanNow } from '../contacts/useJapanNow';
import { useSession as useSignedIn } from '../session/SessionContext';
import { DELIVERY_MODE_OPTIONS, SESSION_STAGE_OPTIONS } from './codes';
import { useEnrolmentList, usePrograms, useProgramsMutation } from './queries';

type F = 'program' | 'stage' | 'sessionNo' | 'date' | 'time' | 'place' | 'mode' | 'facilitators' | 'roster';
const ORDER: readonly F[] = ['program', 'stage', 'sessionNo', 'date', 'time', 'place', 'mode', 'facilitators', 'roster'];
const SERVICE: Record<string, F> = {
  programId: 'program',
  stage: 'stage',
  sessionNo: 'sessionNo',
  heldOn: 'date',
  startTime: 'time',
  place: 'place',
  deliveryMode: 'mode',
  facilitators: 'facilitators',
  participants: 'roster',
};

/** A new program session: when and where, who leads it, and its roster from the active enrolments. */
export function NewSessionForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useSignedIn().status.user;
  const { today } = useJapanNow();
  const programs = usePrograms(true);
  const scheduled = (programs.data ?? []).filter((p) => p.scheduled);
  const [programId, setProgramId] = useState('');
  const program = scheduled.find((p) => p.id === programId) ?? scheduled[0];
  const [stage, setStage] = useState<SessionStage>('core');
  const [sessionNo, setSessionNo] = useState('1');
  const [date, setDate] = useState(today);
  const [time, setTime] = useState('14:00');
  const [place, setPlace] = useState('');
  const [mode, setMode] = useState<DeliveryMode>('group');
  const [meLeads, setMeLeads] = useState(me.role !== 'administrator');
  const [others, setOthers] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const errors = useFormErrors(ORDER, SERVICE);
  const create = useProgramsMutation('sessions.create');
  const candidates = useEnrolmentList({ ...(program ? { programId: program.id } : {}), stage, status: 'active', limit: 500 }, Boolean(program));
  const rows = candidates.data?.rows ?? [];
  const coreSessions = program?.rules.core?.sessions ?? [];

  const toggle = (id: string, on: boolean) => {
    setPicked((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
    errors.clear('roster');
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const day = parseDateText(date);
    const clock = time.trim() ? parseTimeText(time) : null;
    const next: Partial<Record<F, string>> = {};
    if (!program) next.program = t('programs.enrol.programRequired');
    if (!day) next.date = t('daily.common.dateInvalid');
    if (time.trim() && !clock) next.time = t('programs.sessions.timeInvalid');
    if (picked.size === 0) next.roster = t('programs.sessions.rosterRequired');
    if (!errors.check(next) || !program || !day) return;
    const facilitators: InputOf<'sessions.create'>['facilitators'] = [
      ...(meLeads ? [{ kind: 'officer' as const, userId: me.id, name: '' }] : []),
      ...others
        .split(/[,、，\n]/)
        .map((n) => n.trim())
        .filter(Boolean)
        .map((name) => ({ kind: 'darc_staff' as const, name })),
    ];
    create.mutate(
      {
        programId: program.id,
        stage,
        ...(stage === 'core' ? { sessionNo: Number(sessionNo) } : {}),
        heldOn: day,
        ...(clock ? { startTime: clock } : {}),
        place: place.trim(),
        deliveryMode: mode,
        facilitators,
        participants: rows.filter((r) => picked.has(r.id)).map((r) => r.id),
        notes: '',
      },
      { onSuccess: (s) => onCreated(s.id), onError: errors.fail },
    );
  }

  return (
    <>
      <PageHeading>{t('programs.sessions.newTitle')}</PageHeading>
      <form className="stack programs-new-session" noValidate onSubmit={submit}>
        <section className="card" aria-labelledby="new-session-when">
          <h2 id="new-session-when">{t('programs.sessions.whenWhere')}</h2>
          <div className="daily-grid">
            <SelectField
              ref={errors.register('program')}
              label={t('programs.sessions.program')}
              value={program?.id ?? ''}
              onChange={(v) => {
                setProgramId(v);
                setPicked(new Set());
              }}
              options={scheduled.map((p) => ({ value: p.id, label: p.name }))}
              error={errors.errorOf('program')}
              required
            />
            <SelectField<SessionStage>
              ref={errors.register('stage')}
              label={t('programs.sessions.stage')}
              value={stage}
              onChange={(v) => {
                setStage(v);
                setPicked(new Set());
              }}
              options={SESSION_STAGE_OPTIONS.map((s) => ({ value: s, label: t(`programs.stages.${s}`) }))}
              error={errors.errorOf('stage')}
              required
            />
            {stage === 'core' ? (
              <SelectField
                ref={errors.register('sessionNo')}
                label={t('programs.sessions.sessionNo')}
                value={sessionNo}
                onChange={setSessionNo}
                options={coreSessions.map((s) => ({ value: String(s.no), label: `${t('programs.sessionNo', { n: s.no })} ${s.title}` }))}
                error={errors.errorOf('sessionNo')}
                required
              />
            ) : null}
          </div>
          <div className="daily-grid">
            <DateTextField ref={errors.register('date')} kind="date" label={t('programs.sessions.heldOn')} value={date} onChange={(v) => { setDate(v); errors.clear('date'); }} error={errors.errorOf('date')} required />
            <DateTextField ref={errors.register('time')} kind="time" label={t('programs.sessions.time')} value={time} onChange={(v) => { setTime(v); errors.clear('time'); }} error={errors.errorOf('time')} />
            <TextField ref={errors.register('place')} label={t('programs.sessions.place')} value={place} onChange={setPlace} maxLength={200} error={errors.errorOf('place')} hint={t('programs.sessions.placeHint')} />
          </div>
          <RadioGroup<DeliveryMode>
            ref={errors.register('mode')}
            legend={t('programs.sessions.mode')}
            name="delivery-mode"
            className="daily-choice-inline"
            options={DELIVERY_MODE_OPTIONS.map((m) => ({ value: m, label: t(`programs.modes.${m}`) }))}
            value={mode}
            onChange={setMode}
            error={errors.errorOf('mode')}
          />
        </section>
        <section className="card" aria-labelledby="new-session-facilitators">
          <h2 id="new-session-facilitators">{t('programs.sessions.facilitators')}</h2>
          <div className="daily-grid" ref={errors.register('facilitators')}>
            <CheckboxField label={t('programs.sessions.meFacilitates', { name: me.displayName })} checked={meLeads} onChange={setMeLeads} />
            <TextField label={t('programs.sessions.otherFacilitators')} value={others} onChange={setOthers} hint={t('programs.sessions.otherFacilitatorsHint')} maxLength={400} error={errors.errorOf('facilitators')} />
          </div>
        </section>
        <section className="card" aria-labelledby="new-session-roster">
          <div className="card-heading">
            <h2 id="new-session-roster">{t('programs.sessions.roster')}</h2>
            <span className="muted" aria-live="polite">{t('programs.sessions.picked', { n: picked.size, total: rows.length })}</span>
          </div>
          <p className="hint">{t('programs.sessions.rosterHint')}</p>
          {candidates.isPending && program ? <p className="muted">{t('app.loading')}</p> : null}
          <ErrorAlert>{candidates.isError ? errorText(candidates.error) : null}</ErrorAlert>
          {candidates.data && rows.length === 0 ? <p className="empty-line muted">{t('programs.sessions.noCandidates')}</p> : null}
          {errors.errorOf('roster') ? <p className="field-error" role="alert">{errors.errorOf('roster')}</p> : null}
          {rows.length > 0 ? (
            <fieldset className="programs-roster-pick" ref={errors.register('roster')}>
              <legend className="visually-hidden">{t('programs.sessions.roster')}</legend>
              <div className="form-actions programs-pick-actions">
                <button type="button" className="button-small" onClick={() => setPicked(new Set(rows.map((r) => r.id)))}>
                  {t('programs.sessions.pickAll')}
                </button>
                <button type="button" className="button-small" onClick={() => setPicked(new Set())}>
                  {t('programs.sessions.pickNone')}
                </button>
              </div>
              <ul className="programs-candidates">
                {rows.map((r) => (
                  <li key={r.id}>
                    <CheckboxField
                      label={
                        <>
                          {r.name} <span className="sub-inline">{r.caseNumber}</span>{' '}
                          <span className="sub-inline">{t('programs.enrolment.coreProgress', { n: r.coreAttended, total: r.coreTotal })}</span>
                          {r.officerName ? <span className="sub-inline"> · {r.officerName}</span> : null}
                        </>
                      }
                      checked={picked.has(r.id)}
                      onChange={(on) => toggle(r.id, on)}
                    />
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
        </section>
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('programs.sessions.create')}
          </button>
        </div>
      </form>
    </>
  );
}
