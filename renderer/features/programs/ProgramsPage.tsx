import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStage } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { SelectField } from '../contacts/controls';
import { LiveDateField } from '../contacts/DateFields';
import { addDays } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { useSession as useSignedIn } from '../session/SessionContext';
import { CataloguePage } from './CataloguePage';
import { SESSION_STAGE_OPTIONS } from './codes';
import { NewSessionForm } from './NewSessionForm';
import { usePrograms, useSessions } from './queries';
import { RosterScreen } from './RosterScreen';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'roster'; id: string } | { kind: 'catalogue' };

/** Treatment program sessions: the list with filters, a new session, and a session's roster. */
export function ProgramsPage() {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);
  if (view.kind === 'new') {
    return (
      <NewSessionForm
        onCancel={() => setView({ kind: 'list' })}
        onCreated={(id) => setView({ kind: 'roster', id })}
      />
    );
  }
  if (view.kind === 'catalogue') {
    return <CataloguePage onBack={() => setView({ kind: 'list' })} />;
  }
  if (view.kind === 'roster') {
    return <RosterScreen id={view.id} onBack={(msg) => {
      setNotice(msg ?? null);
      setView({ kind: 'list' });
    }} />;
  }
  return (
    <SessionList
      notice={notice}
      onNew={() => setView({ kind: 'new' })}
      onOpen={(id) => setView({ kind: 'roster', id })}
      onCatalogue={() => {
        setNotice(null);
        setView({ kind: 'catalogue' });
      }}
    />
  );
}

function SessionList({ notice, onNew, onOpen, onCatalogue }: { notice: string | null; onNew: () => void; onOpen: (id: string) => void; onCatalogue: () => void }) {
  const { t } = useTranslation();
  const role = useSignedIn().status.user.role;
  // The catalogue is for supervisors and administrators (the service refuses anyone else).
  const mayEditCatalogue = role === 'supervisor' || role === 'administrator';
  const style = useDateStyle();
  const errorText = useErrorText();
  const { today } = useJapanNow();
  const [from, setFrom] = useState(() => addDays(today, -60));
  const [to, setTo] = useState(() => addDays(today, 60));
  const [programId, setProgramId] = useState('');
  const [stage, setStage] = useState<SessionStage | ''>('');
  const programs = usePrograms();
  const scheduled = (programs.data ?? []).filter((p) => p.scheduled);
  const sessions = useSessions({ from, to, ...(programId ? { programId } : {}), ...(stage ? { stage } : {}) });
  const rows = sessions.data ?? [];
  const filtered = Boolean(programId || stage);

  return (
    <>
      <PageHeading
        actions={
          <div className="programs-heading-actions">
            {mayEditCatalogue ? (
              <button type="button" className="button-secondary" onClick={onCatalogue}>
                {t('programs.catalogue.open')}
              </button>
            ) : null}
            <button type="button" className="button-primary" onClick={onNew}>
              {t('programs.sessions.new')}
            </button>
          </div>
        }
      >
        {t('programs.title')}
      </PageHeading>
      <p className="lead">{t('programs.intro')}</p>
      <StatusNotice>{notice}</StatusNotice>
      <div className="toolbar" role="group" aria-label={t('programs.sessions.filters')}>
        <LiveDateField kind="date" label={t('programs.sessions.from')} value={from} onValue={setFrom} />
        <LiveDateField kind="date" label={t('programs.sessions.to')} value={to} onValue={setTo} />
        <SelectField
          label={t('programs.sessions.program')}
          value={programId}
          onChange={setProgramId}
          options={[{ value: '', label: t('programs.sessions.allPrograms') }, ...scheduled.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SelectField<SessionStage | ''>
          label={t('programs.sessions.stage')}
          value={stage}
          onChange={setStage}
          options={[{ value: '', label: t('programs.sessions.allStages') }, ...SESSION_STAGE_OPTIONS.map((s) => ({ value: s, label: t(`programs.stages.${s}`) }))]}
        />
      </div>
      <ErrorAlert>{sessions.isError ? errorText(sessions.error) : null}</ErrorAlert>
      {sessions.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {sessions.data && rows.length === 0 && !filtered ? (
        <EmptyState title={t('programs.sessions.emptyTitle')}>
          <p>{t('programs.sessions.emptyBody', { from: formatDate(from, style), to: formatDate(to, style) })}</p>
          <button type="button" className="button-primary" onClick={onNew}>
            {t('programs.sessions.new')}
          </button>
        </EmptyState>
      ) : null}
      {sessions.data && rows.length === 0 && filtered ? <p className="muted empty-line">{t('programs.sessions.noMatch')}</p> : null}
      {rows.length > 0 ? (
        <section className="section" aria-labelledby="sessions-title">
          <div className="section-heading">
            <h2 id="sessions-title">{t('programs.sessions.listTitle')}</h2>
            <span className="muted">{t('daily.common.count', { n: rows.length })}</span>
          </div>
          <div className="table-wrap">
            <table className="data-table programs-sessions">
              <caption className="visually-hidden">{t('programs.sessions.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programs.sessions.heldOn')}</th>
                  <th scope="col">{t('programs.sessions.session')}</th>
                  <th scope="col">{t('programs.sessions.place')}</th>
                  <th scope="col">{t('programs.sessions.mode')}</th>
                  <th scope="col" className="col-num">
                    {t('programs.sessions.attendance')}
                  </th>
                  <th scope="col">{t('programs.sessions.status')}</th>
                  <th scope="col" className="col-actions">
                    {t('daily.common.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => {
                  const label = `${s.programName} ${s.stage === 'core' ? t('programs.sessionNo', { n: s.sessionNo ?? 0 }) : t('programs.stages.step_up')}`;
                  return (
                    <tr key={s.id}>
                      <td className="nowrap">
                        {formatDate(s.heldOn, style)}
                        {s.startTime ? <span className="sub">{s.startTime}</span> : null}
                      </td>
                      <th scope="row">
                        {s.programName}
                        <span className="sub">
                          {s.stage === 'core' ? `${t('programs.sessionNo', { n: s.sessionNo ?? 0 })} ${s.title ?? ''}` : t('programs.stages.step_up')}
                        </span>
                      </th>
                      <td>{s.place || <span className="muted">{t('common.none')}</span>}</td>
                      <td>{t(`programs.modes.${s.deliveryMode}`)}</td>
                      <td className="col-num nowrap">
                        {s.status === 'held' ? t('programs.sessions.attendedOf', { n: s.attended, total: s.participants }) : t('programs.sessions.participants', { n: s.participants })}
                      </td>
                      <td>
                        <span className={`pill ${s.status === 'planned' ? 'pill-attention' : s.status === 'held' ? 'pill-ok' : 'pill-off'}`}>
                          {t(`programs.sessionStatus.${s.status}`)}
                        </span>
                      </td>
                      <td className="col-actions">
                        <button type="button" className="button-small" aria-label={`${t(s.status === 'planned' ? 'programs.sessions.record' : 'programs.sessions.open')}: ${label} ${formatDate(s.heldOn, style)}`} onClick={() => onOpen(s.id)}>
                          {t(s.status === 'planned' ? 'programs.sessions.record' : 'programs.sessions.open')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
