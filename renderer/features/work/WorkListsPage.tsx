import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobKind, SupportKind, SupportOutcome, SupportRow, JobRow } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { formatDate } from '../../i18n/dates';
import { SelectField } from '../contacts/controls';
import { TabList } from '../person/TabList';
import { useNavigation } from '../shell/pages';
import { JOB_KIND_OPTIONS, OUTCOME_OPTIONS, SUPPORT_KIND_OPTIONS } from './codes';
import { useJobList, useSupportList } from './queries';
import { RangeFilter, rangeOf, type RangeText } from './RangeFilter';

const LIMIT = 200;
type View = 'supports' | 'jobs';
type JobState = 'any' | 'current' | 'ended';

/** A person's name in a list row: opens their page at the given tab. */
export function PersonCell({ row, tab, label }: { row: { superviseeId: string; name: string; kana: string; caseNumber: string }; tab: string; label: string }) {
  const { navigate } = useNavigation();
  return (
    <th scope="row">
      <button type="button" className="link-button" aria-label={label} onClick={() => navigate({ page: 'person', superviseeId: row.superviseeId, tab })}>
        {row.name}
      </button>
      <span className="sub">{row.caseNumber}</span>
    </th>
  );
}

/** Count line over a list, saying when only the first page is shown. */
export function CountLine({ n }: { n: number }) {
  const { t } = useTranslation();
  return (
    <span className="muted" aria-live="polite">
      {n >= LIMIT ? t('workLists.countCapped', { n }) : t('workLists.count', { n })}
    </span>
  );
}

/** Office-wide lists of employment support and of jobs, with filters (the "Work support" page). */
export function WorkListsPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('supports');
  return (
    <>
      <PageHeading>{t('workLists.title')}</PageHeading>
      <p className="lead">{t('workLists.intro')}</p>
      <TabList
        idBase="worklists"
        label={t('workLists.view')}
        selected={view}
        onSelect={(id) => setView(id as View)}
        tabs={[
          { id: 'supports', label: t('workLists.supportsTab') },
          { id: 'jobs', label: t('workLists.jobsTab') },
        ]}
      />
      <div role="tabpanel" id={`worklists-panel-${view}`} aria-labelledby={`worklists-tab-${view}`} className="worklists-panel">
        {view === 'supports' ? <SupportsList /> : <JobsList />}
      </div>
    </>
  );
}

function SupportsList() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const style = useDateStyle();
  const [kind, setKind] = useState<SupportKind | ''>('');
  const [outcome, setOutcome] = useState<SupportOutcome | ''>('');
  const [range, setRange] = useState<RangeText>({ from: '', to: '' });
  const { from, to } = rangeOf(range);
  const filtered = !!(kind || outcome || from || to);
  const list = useSupportList({
    limit: LIMIT,
    ...(kind ? { kind } : {}),
    ...(outcome ? { outcome } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  const rows: SupportRow[] = list.data ?? [];
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <>
      <div className="toolbar work-toolbar worklists-toolbar" role="group" aria-label={t('workLists.filters')}>
        <SelectField<SupportKind | ''>
          label={t('workLists.kind')}
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: t('workLists.anyKind') }, ...SUPPORT_KIND_OPTIONS.map((k) => ({ value: k, label: t(`work.kinds.${k}`) }))]}
        />
        <SelectField<SupportOutcome | ''>
          label={t('workLists.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={[{ value: '', label: t('workLists.anyOutcome') }, ...OUTCOME_OPTIONS.map((k) => ({ value: k, label: t(`work.outcomes.${k}`) }))]}
        />
        <RangeFilter value={range} onChange={setRange} />
      </div>
      <ErrorAlert>{list.isError ? errorText(list.error) : null}</ErrorAlert>
      {list.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {list.data && rows.length === 0 ? <p className="muted empty-line">{filtered ? t('workLists.noMatch') : t('workLists.supportsEmpty')}</p> : null}
      {rows.length > 0 ? (
        <section className="section" aria-labelledby="worklists-supports-title">
          <div className="section-heading">
            <h2 id="worklists-supports-title">{t('workLists.supportsTab')}</h2>
            <CountLine n={rows.length} />
          </div>
          <div className="table-wrap">
            <table className="data-table" aria-busy={list.isFetching || undefined}>
              <caption className="visually-hidden">{t('workLists.supportsTab')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workLists.person')}</th>
                  <th scope="col">{t('workLists.kind')}</th>
                  <th scope="col">{t('workLists.start')}</th>
                  <th scope="col">{t('workLists.end')}</th>
                  <th scope="col">{t('workLists.detail')}</th>
                  <th scope="col">{t('workLists.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id}>
                    <PersonCell row={s} tab="work" label={t('workLists.openPerson', { name: s.name })} />
                    <td>{t(`work.kinds.${s.kind}`)}</td>
                    <td className="nowrap">{formatDate(s.startedOn, style)}</td>
                    <td className="nowrap">{s.endedOn ? formatDate(s.endedOn, style) : none}</td>
                    <td>{s.kind === 'hello_work_referral' ? s.office || none : s.employerName || s.office || none}</td>
                    <td>
                      <span className={s.outcome === 'pending' ? 'pill pill-off' : 'pill pill-ok'}>{t(`work.outcomes.${s.outcome}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

function JobsList() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const style = useDateStyle();
  const [kind, setKind] = useState<JobKind | ''>('');
  const [state, setState] = useState<JobState>('any');
  const [range, setRange] = useState<RangeText>({ from: '', to: '' });
  const { from, to } = rangeOf(range);
  const filtered = !!(kind || state !== 'any' || from || to);
  const list = useJobList({
    limit: LIMIT,
    openOnly: state === 'current',
    ...(kind ? { kind } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  // The service filters "current" itself; "ended" is the rest of the same list.
  const rows: JobRow[] = (list.data ?? []).filter((j) => state !== 'ended' || j.endedOn !== null);
  return (
    <>
      <div className="toolbar work-toolbar worklists-toolbar" role="group" aria-label={t('workLists.filters')}>
        <SelectField<JobState>
          label={t('workLists.state')}
          value={state}
          onChange={setState}
          options={[
            { value: 'any', label: t('workLists.stateAny') },
            { value: 'current', label: t('workLists.stateCurrent') },
            { value: 'ended', label: t('workLists.stateEnded') },
          ]}
        />
        <SelectField<JobKind | ''>
          label={t('workLists.kind')}
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: t('workLists.anyKind') }, ...JOB_KIND_OPTIONS.map((k) => ({ value: k, label: t(`work.jobKinds.${k}`) }))]}
        />
        <RangeFilter value={range} onChange={setRange} />
      </div>
      <ErrorAlert>{list.isError ? errorText(list.error) : null}</ErrorAlert>
      {list.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {list.data && rows.length === 0 ? <p className="muted empty-line">{filtered ? t('workLists.noMatch') : t('workLists.jobsEmpty')}</p> : null}
      {rows.length > 0 ? (
        <section className="section" aria-labelledby="worklists-jobs-title">
          <div className="section-heading">
            <h2 id="worklists-jobs-title">{t('workLists.jobsTab')}</h2>
            <CountLine n={rows.length} />
          </div>
          <div className="table-wrap">
            <table className="data-table" aria-busy={list.isFetching || undefined}>
              <caption className="visually-hidden">{t('workLists.jobsTab')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workLists.person')}</th>
                  <th scope="col">{t('workLists.employer')}</th>
                  <th scope="col">{t('workLists.kind')}</th>
                  <th scope="col">{t('workLists.start')}</th>
                  <th scope="col">{t('workLists.end')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((j) => (
                  <tr key={j.id}>
                    <PersonCell row={j} tab="work" label={t('workLists.openPerson', { name: j.name })} />
                    <td>{j.employerName}</td>
                    <td>{t(`work.jobKinds.${j.kind}`)}</td>
                    <td className="nowrap">{formatDate(j.startedOn, style)}</td>
                    <td className="nowrap">
                      {j.endedOn ? formatDate(j.endedOn, style) : <span className="pill pill-ok">{t('workLists.current')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
