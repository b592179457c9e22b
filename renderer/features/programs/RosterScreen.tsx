import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceState, DrugType, RosterRow, SessionDetail } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { DRUG_TYPE_OPTIONS } from '../contacts/codes';
import { ATTENDANCE_OPTIONS, isPresent } from './codes';
import { useProgramsMutation, useSession } from './queries';
import {
  attendanceForKey,
  attendanceInput,
  hasProblems,
  initialLines,
  lineOfError,
  lineProblems,
  resultForKey,
  TEST_CHOICES,
  withAttendance,
  type LineProblems,
  type RosterLine,
  type TestChoice,
} from './roster';

/** A session's roster: attendance and each participant's drug test for everyone, saved in one call. */
export function RosterScreen({ id, onBack }: { id: string; onBack: (notice?: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = useSession(id);
  return (
    <>
      <PageHeading
        actions={
          <button type="button" className="button-secondary" onClick={() => onBack()}>
            {t('programs.roster.back')}
          </button>
        }
      >
        {session.data ? sessionTitle(t, session.data) : t('programs.roster.title')}
      </PageHeading>
      <ErrorAlert>{session.isError ? errorText(session.error) : null}</ErrorAlert>
      {session.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {session.data ? <SessionFacts session={session.data} /> : null}
      {session.data ? <Roster key={session.data.updatedAt} session={session.data} onSaved={(n) => onBack(n)} /> : null}
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function sessionTitle(t: T, s: SessionDetail): string {
  return s.stage === 'core'
    ? t('programs.roster.titleCore', { program: s.programName, n: s.sessionNo ?? 0, title: s.title ?? '' })
    : t('programs.roster.titleStepUp', { program: s.programName });
}

function SessionFacts({ session: s }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (
    <dl className="program-facts programs-session-facts">
      <div>
        <dt>{t('programs.sessions.heldOn')}</dt>
        <dd>
          {formatDate(s.heldOn, style)} {s.startTime ?? ''}
        </dd>
      </div>
      <div>
        <dt>{t('programs.sessions.place')}</dt>
        <dd>{s.place || t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('programs.sessions.mode')}</dt>
        <dd>{t(`programs.modes.${s.deliveryMode}`)}</dd>
      </div>
      <div>
        <dt>{t('programs.sessions.facilitators')}</dt>
        <dd>{s.facilitators.length > 0 ? s.facilitators.map((f) => t('programs.roster.facilitator', { name: f.name, kind: t(`programs.facilitatorKinds.${f.kind}`) })).join(t('programs.roster.separator')) : t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('programs.sessions.status')}</dt>
        <dd>
          <span className={`pill ${s.status === 'held' ? 'pill-ok' : s.status === 'planned' ? 'pill-attention' : 'pill-off'}`}>{t(`programs.sessionStatus.${s.status}`)}</span>
        </dd>
      </div>
    </dl>
  );
}

function Roster({ session, onSaved }: { session: SessionDetail; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [lines, setLines] = useState<RosterLine[]>(() => initialLines(session.roster));
  const [problems, setProblems] = useState<LineProblems[]>([]);
  const [serviceError, setServiceError] = useState<{ error: unknown; line: number | null } | null>(null);
  const record = useProgramsMutation('sessions.recordAttendance');
  const firstControl = useRef<HTMLSelectElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const editable = session.status === 'planned';
  const hiddenCount = session.roster.filter((r) => !r.drugTestVisible).length;

  useEffect(() => {
    if (editable) firstControl.current?.focus();
  }, [editable]);

  const update = (i: number, f: (l: RosterLine) => RosterLine) => {
    setLines((ls) => ls.map((l, j) => (j === i ? f(l) : l)));
    setProblems((ps) => ps.map((p, j) => (j === i ? {} : p)));
    setServiceError(null);
  };

  function submit(e?: FormEvent) {
    e?.preventDefault();
    const found = lineProblems(lines);
    setProblems(found);
    setServiceError(null);
    if (hasProblems(found)) {
      const i = found.findIndex((p) => Object.keys(p).length > 0);
      const field = found[i]!.attendance ? 'attendance' : 'consent';
      table.current?.querySelector<HTMLElement>(`[data-line="${i}"][data-field="${field}"]`)?.focus();
      return;
    }
    record.mutate(attendanceInput(session.id, lines), {
      onSuccess: (s) => onSaved(t('programs.roster.saved', { title: sessionTitle(t, s), n: s.attended, total: s.participants })),
      onError: (error) => {
        const line = lineOfError(error);
        setServiceError({ error, line });
        if (line !== null) table.current?.querySelector<HTMLElement>(`[data-line="${line}"][data-field="attendance"]`)?.focus();
      },
    });
  }

  const onFormKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  const onAttendanceKey = (i: number) => (e: KeyboardEvent<HTMLSelectElement>) => {
    const a = attendanceForKey(e.key);
    if (a && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      update(i, (l) => withAttendance(l, a));
    }
  };
  const onResultKey = (i: number) => (e: KeyboardEvent<HTMLSelectElement>) => {
    const r = resultForKey(e.key);
    if (r && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      update(i, (l) => ({ ...l, result: r }));
    }
  };

  const recorded = lines.filter((l) => l.attendance !== 'pending').length;

  return (
    <form className="stack programs-roster" noValidate onSubmit={submit} onKeyDown={onFormKey}>
      <section className="section" aria-labelledby="roster-title">
        <div className="section-heading">
          <h2 id="roster-title">{t('programs.roster.title')}</h2>
          <span className="muted">{t('programs.roster.count', { n: recorded, total: lines.length })}</span>
        </div>
        {editable ? (
          <>
            <p className="hint programs-keys">{t('programs.roster.keys')}</p>
            <div className="form-actions programs-bulk">
              <button type="button" className="button-small" onClick={() => lines.forEach((l, i) => l.attendance === 'pending' && update(i, (x) => withAttendance(x, 'attended')))}>
                {t('programs.roster.allAttended')}
              </button>
            </div>
          </>
        ) : null}
        {hiddenCount > 0 ? <p className="programs-hidden-note" role="note">{t('programs.roster.hiddenNote', { n: hiddenCount })}</p> : null}
        <div className="table-wrap">
          <table className="data-table programs-roster-table" ref={table}>
            <caption className="visually-hidden">{t('programs.roster.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programs.roster.participant')}</th>
                <th scope="col">{t('programs.roster.attendance')}</th>
                <th scope="col">{t('programs.roster.test')}</th>
                <th scope="col">{t('programs.roster.substance')}</th>
                <th scope="col">{t('programs.roster.consent')}</th>
                <th scope="col">{t('programs.roster.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {session.roster.map((r, i) => (
                <RosterLineRow
                  key={r.participantId}
                  row={r}
                  line={lines[i]!}
                  index={i}
                  editable={editable}
                  problems={problems[i] ?? {}}
                  serviceError={serviceError?.line === i ? errorText(serviceError.error) : null}
                  firstRef={i === 0 ? firstControl : undefined}
                  onAttendanceKey={onAttendanceKey(i)}
                  onResultKey={onResultKey(i)}
                  update={(f) => update(i, f)}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <ErrorAlert>{serviceError && serviceError.line === null ? errorText(serviceError.error) : null}</ErrorAlert>
      {hasProblems(problems) ? <ErrorAlert>{t('programs.roster.fixLines')}</ErrorAlert> : null}
      {editable ? (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={record.isPending}>
            {record.isPending ? t('common.saving') : t('programs.roster.save', { n: lines.length })}
          </button>
          <span className="hint">{t('programs.roster.saveHint')}</span>
        </div>
      ) : null}
    </form>
  );
}

interface LineProps {
  row: RosterRow;
  line: RosterLine;
  index: number;
  editable: boolean;
  problems: LineProblems;
  serviceError: string | null;
  firstRef: Ref<HTMLSelectElement> | undefined;
  onAttendanceKey: (e: KeyboardEvent<HTMLSelectElement>) => void;
  onResultKey: (e: KeyboardEvent<HTMLSelectElement>) => void;
  update: (f: (l: RosterLine) => RosterLine) => void;
}

function RosterLineRow({ row, line, index, editable, problems, serviceError, firstRef, onAttendanceKey, onResultKey, update }: LineProps) {
  const { t } = useTranslation();
  const who = row.name;
  const present = isPresent(line.attendance);
  const attErr = problems.attendance ? t(problems.attendance) : serviceError;
  const consentErr = problems.consent ? t(problems.consent) : null;
  const errId = `roster-${index}-error`;
  const testDisabled = !editable || !present;
  return (
    <tr className={attErr || consentErr ? 'row-error' : line.attendance === 'absent_unacceptable' ? 'row-attention' : undefined}>
      <th scope="row">
        {row.name}
        <span className="sub">
          {row.caseNumber}
          {row.kana ? ` · ${row.kana}` : ''}
        </span>
      </th>
      <td>
        {editable ? (
          <select
            ref={firstRef}
            data-line={index}
            data-field="attendance"
            aria-label={`${t('programs.roster.attendance')}: ${who}`}
            value={line.attendance}
            aria-invalid={attErr ? true : undefined}
            aria-describedby={attErr ? errId : undefined}
            onKeyDown={onAttendanceKey}
            onChange={(e) => update((l) => withAttendance(l, e.target.value as AttendanceState))}
          >
            <option value="pending">{t('programs.attendance.pending')}</option>
            {ATTENDANCE_OPTIONS.map((a, k) => (
              <option key={a} value={a}>
                {k + 1} {t(`programs.attendance.${a}`)}
              </option>
            ))}
          </select>
        ) : (
          <span className={`pill ${line.attendance === 'absent_unacceptable' ? 'pill-attention' : isPresent(line.attendance) ? 'pill-ok' : 'pill-off'}`}>
            {t(`programs.attendance.${line.attendance}`)}
          </span>
        )}
        {attErr ? (
          <p className="field-error" id={errId}>
            {attErr}
          </p>
        ) : null}
      </td>
      {!row.drugTestVisible ? (
        <td colSpan={3} className="programs-test-hidden">
          {t('programs.roster.testHidden')}
        </td>
      ) : editable ? (
        <>
          <td>
            <select
              data-line={index}
              data-field="result"
              aria-label={`${t('programs.roster.test')}: ${who}`}
              value={line.result}
              disabled={testDisabled}
              onKeyDown={onResultKey}
              onChange={(e) => update((l) => ({ ...l, result: e.target.value as TestChoice }))}
            >
              {TEST_CHOICES.map((c, k) => (
                <option key={c} value={c}>
                  {k} {c === 'none' ? t('programs.roster.noTest') : t(`daily.drugTests.results.${c}`)}
                </option>
              ))}
            </select>
          </td>
          <td>
            <select
              data-line={index}
              data-field="substance"
              aria-label={`${t('programs.roster.substance')}: ${who}`}
              value={line.substance}
              disabled={testDisabled || line.result === 'none'}
              onChange={(e) => update((l) => ({ ...l, substance: e.target.value as DrugType }))}
            >
              {DRUG_TYPE_OPTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`daily.drugTypes.${d}`)}
                </option>
              ))}
            </select>
          </td>
          <td>
            <input
              type="checkbox"
              data-line={index}
              data-field="consent"
              aria-label={`${t('programs.roster.consent')}: ${who}`}
              checked={line.consent}
              disabled={testDisabled || line.result === 'none'}
              aria-invalid={consentErr ? true : undefined}
              aria-describedby={consentErr ? `${errId}-consent` : undefined}
              onChange={(e) => update((l) => ({ ...l, consent: e.target.checked }))}
            />
            {consentErr ? (
              <p className="field-error" id={`${errId}-consent`}>
                {consentErr}
              </p>
            ) : null}
          </td>
        </>
      ) : (
        <>
          <td>{row.drugTest ? t(`daily.drugTests.results.${row.drugTest.result}`) : <span className="muted">{t('programs.roster.noTest')}</span>}</td>
          <td>{row.drugTest ? row.drugTest.substances.map((d) => t(`daily.drugTypes.${d}`)).join('、') : <span className="muted">{t('common.none')}</span>}</td>
          <td>{row.drugTest ? (row.drugTest.consent ? t('common.yes') : t('common.no')) : <span className="muted">{t('common.none')}</span>}</td>
        </>
      )}
      <td>
        {editable ? (
          <input
            type="text"
            className="programs-note-input"
            data-line={index}
            data-field="notes"
            aria-label={`${t('programs.roster.notes')}: ${who}`}
            value={line.notes}
            maxLength={2000}
            onChange={(e) => update((l) => ({ ...l, notes: e.target.value }))}
          />
        ) : (
          line.notes || <span className="muted">{t('common.none')}</span>
        )}
      </td>
    </tr>
  );
}
