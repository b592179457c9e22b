import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseloadRow, InputOf, SearchHit } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { TextField } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { useDebounced, useSearch } from '../search/queries';
import { useSession } from '../session/SessionContext';
import { useNavigation } from '../shell/pages';
import { SelectField } from './fields';

type Scope = 'mine' | 'unit';
type Status = 'open' | 'terminated' | 'all';
const LIST_LIMIT = 200;

function usePeopleList(scope: Scope, status: Status) {
  const input: InputOf<'caseload.list'> = { scope, filters: { status }, sort: { key: 'name', dir: 'asc' }, limit: LIST_LIMIT };
  return useQuery({
    queryKey: ['caseload', 'people', scope, status],
    queryFn: () => call('caseload.list', input),
    placeholderData: keepPreviousData,
  });
}

/** The person's name as a button that opens their page. */
function OpenName({ id, name, kana }: { id: string; name: string; kana: string }) {
  const { navigate } = useNavigation();
  return (
    <>
      <button type="button" className="link-button person-link" onClick={() => navigate({ page: 'person', superviseeId: id })}>
        {name}
      </button>
      <span className="sub">{kana}</span>
    </>
  );
}

function SearchResults({ q, hits }: { q: string; hits: SearchHit[] }) {
  const { t } = useTranslation();
  if (hits.length === 0) return <p className="muted empty-line">{t('people.noMatch', { q })}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('people.resultsCaption', { q })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.colName')}</th>
            <th scope="col">{t('people.colCaseNumber')}</th>
            <th scope="col">{t('people.colMatch')}</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((h, i) => (
            <tr key={`${h.kind}-${h.superviseeId}-${i}`}>
              <th scope="row">
                <OpenName id={h.superviseeId} name={h.name} kana={h.kana} />
              </th>
              <td className="mono nowrap">{h.caseNumber ?? t('common.none')}</td>
              <td>
                {h.kind === 'contact' ? (
                  <>
                    <span className="search-tag">{t('headerSearch.noteHit')}</span> {h.snippet}
                  </>
                ) : h.kind === 'case' ? (
                  t('headerSearch.caseHit')
                ) : (
                  t('people.nameHit')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatusBadge({ row }: { row: CaseloadRow }) {
  const { t } = useTranslation();
  const cls = row.status === 'active' ? 'badge badge-ok' : row.status === 'suspended' ? 'badge badge-warn' : 'badge badge-off';
  return <span className={cls}>{t(`peopleCodes.status.${row.status}`)}</span>;
}

function CaseList({ rows }: { rows: CaseloadRow[] }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('people.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.colName')}</th>
            <th scope="col">{t('people.colCaseNumber')}</th>
            <th scope="col">{t('people.colPhase')}</th>
            <th scope="col">{t('people.colStatus')}</th>
            <th scope="col">{t('people.colOfficer')}</th>
            <th scope="col">{t('people.colVpo')}</th>
            <th scope="col">{t('people.colEnd')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.caseId}>
              <th scope="row">
                <OpenName id={r.superviseeId} name={r.name} kana={r.kana} />
              </th>
              <td className="mono nowrap">{r.caseNumber}</td>
              <td>
                {t(`peopleCodes.phaseKind.${r.phaseKind}`)}
                {r.partial ? <span className="sub">{t('peopleCodes.category.partial')}</span> : null}
              </td>
              <td>
                <StatusBadge row={r} />
              </td>
              <td>{r.officerName ?? <span className="muted">{t('common.none')}</span>}</td>
              <td>{r.vpoName ?? <span className="muted">{t('common.none')}</span>}</td>
              <td className="nowrap">
                {r.status === 'terminated' && r.terminationDate
                  ? t('people.endedOn', { date: formatDate(r.terminationDate, style) })
                  : r.plannedEndDate
                    ? formatDate(r.plannedEndDate, style)
                    : t('person.endUnknown')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Supervisees: find someone, see one's own (or the office's) cases, or take in a new one. */
export function PeoplePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { navigate } = useNavigation();
  const role = useSession().status.user.role;
  const mayUnit = role === 'supervisor' || role === 'administrator';
  const [text, setText] = useState('');
  const [scope, setScope] = useState<Scope>(mayUnit ? 'unit' : 'mine');
  const [status, setStatus] = useState<Status>('open');
  const q = useDebounced(text.trim(), 150);
  const search = useSearch(q, 50);
  const list = usePeopleList(scope, status);
  const rows = list.data?.rows ?? [];

  return (
    <>
      <PageHeading
        actions={
          <button type="button" className="button-primary" onClick={() => navigate({ page: 'intake' })}>
            {t('people.newIntake')}
          </button>
        }
      >
        {t('people.title')}
      </PageHeading>
      <div className="toolbar">
        <TextField
          className="toolbar-grow"
          label={t('people.find')}
          hint={t('people.findHint')}
          value={text}
          onChange={setText}
          type="search"
          autoComplete="off"
          spellCheck={false}
        />
        {q ? null : (
          <>
            {mayUnit ? (
              <SelectField
                label={t('people.scope')}
                value={scope}
                onChange={(v) => setScope(v as Scope)}
                options={[
                  { value: 'unit', label: t('people.scopeUnit') },
                  { value: 'mine', label: t('people.scopeMine') },
                ]}
              />
            ) : null}
            <SelectField
              label={t('people.status')}
              value={status}
              onChange={(v) => setStatus(v as Status)}
              options={[
                { value: 'open', label: t('people.statusOpen') },
                { value: 'terminated', label: t('people.statusTerminated') },
                { value: 'all', label: t('people.statusAll') },
              ]}
            />
          </>
        )}
      </div>
      {q ? (
        <section className="section" aria-label={t('people.resultsCaption', { q })}>
          <ErrorAlert>{search.isError ? errorText(search.error) : null}</ErrorAlert>
          {search.data ? <SearchResults q={q} hits={search.data} /> : <p className="muted">{t('headerSearch.searching')}</p>}
        </section>
      ) : (
        <section className="section" aria-labelledby="people-list-title">
          <div className="section-heading">
            <h2 id="people-list-title">{scope === 'mine' ? t('people.listMine') : t('people.listUnit')}</h2>
            {list.data ? (
              <span className="muted">
                {list.data.total > rows.length
                  ? t('people.countPartial', { n: rows.length, total: list.data.total })
                  : t('people.count', { n: list.data.total })}
              </span>
            ) : null}
          </div>
          <ErrorAlert>{list.isError ? errorText(list.error) : null}</ErrorAlert>
          {list.isPending ? <p className="muted">{t('app.loading')}</p> : null}
          {list.data && rows.length === 0 ? (
            <EmptyState title={t('people.emptyTitle')}>
              <p>{scope === 'mine' ? t('people.emptyMine') : t('people.emptyUnit')}</p>
              <button type="button" className="button-primary" onClick={() => navigate({ page: 'intake' })}>
                {t('people.newIntake')}
              </button>
            </EmptyState>
          ) : null}
          {rows.length > 0 ? <CaseList rows={rows} /> : null}
        </section>
      )}
    </>
  );
}
