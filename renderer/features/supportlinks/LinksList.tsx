import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportLink, SupportOrgKind } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { formatDate } from '../../i18n/dates';
import { SelectField } from '../contacts/controls';
import { RangeFilter, rangeOf, type RangeText } from '../work/RangeFilter';
import { CountLine, PersonCell } from '../work/WorkListsPage';
import { ORG_KIND_OPTIONS, useLinkList } from './queries';

type State = 'any' | 'active' | 'ended';

/** Office-wide list of links to medical and NGO support, with filters (on the Support organisations page). */
export function LinksList() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const style = useDateStyle();
  const [kind, setKind] = useState<SupportOrgKind | ''>('');
  const [state, setState] = useState<State>('any');
  const [range, setRange] = useState<RangeText>({ from: '', to: '' });
  const { from, to } = rangeOf(range);
  const filtered = !!(kind || state !== 'any' || from || to);
  const list = useLinkList({
    limit: 200,
    openOnly: state === 'active',
    ...(kind ? { kind } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  // The service filters "continuing" itself; "ended" is the rest of the same list.
  const rows: SupportLink[] = (list.data ?? []).filter((l) => state !== 'ended' || l.endedOn !== null);
  return (
    <section className="section links-list" aria-labelledby="links-list-title">
      <div className="section-heading">
        <h2 id="links-list-title">{t('linksList.title')}</h2>
        {rows.length > 0 ? <CountLine n={rows.length} /> : null}
      </div>
      <p className="muted">{t('linksList.intro')}</p>
      <div className="toolbar work-toolbar worklists-toolbar" role="group" aria-label={t('workLists.filters')}>
        <SelectField<State>
          label={t('linksList.state')}
          value={state}
          onChange={setState}
          options={[
            { value: 'any', label: t('linksList.stateAny') },
            { value: 'active', label: t('linksList.stateActive') },
            { value: 'ended', label: t('linksList.stateEnded') },
          ]}
        />
        <SelectField<SupportOrgKind | ''>
          label={t('linksList.kind')}
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: t('supportLinks.orgs.anyKind') }, ...ORG_KIND_OPTIONS.map((k) => ({ value: k, label: t(`supportLinks.kinds.${k}`) }))]}
        />
        <RangeFilter value={range} onChange={setRange} />
      </div>
      <ErrorAlert>{list.isError ? errorText(list.error) : null}</ErrorAlert>
      {list.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {list.data && rows.length === 0 ? <p className="muted empty-line">{filtered ? t('linksList.noMatch') : t('linksList.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" aria-busy={list.isFetching || undefined}>
            <caption className="visually-hidden">{t('linksList.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('linksList.person')}</th>
                <th scope="col">{t('linksList.org')}</th>
                <th scope="col">{t('linksList.start')}</th>
                <th scope="col">{t('linksList.end')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id}>
                  <PersonCell row={l} tab="support" label={t('linksList.openPerson', { name: l.name })} />
                  <td>
                    {l.orgName}
                    <span className="sub">{t(`supportLinks.kinds.${l.orgKind}`)}</span>
                  </td>
                  <td className="nowrap">{formatDate(l.startedOn, style)}</td>
                  <td className="nowrap">{l.endedOn ? formatDate(l.endedOn, style) : <span className="pill pill-ok">{t('linksList.open')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
