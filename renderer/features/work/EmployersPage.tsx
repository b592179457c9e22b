import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employer } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { TextField } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { SelectField } from '../contacts/controls';
import { CheckboxField } from '../people/fields';
import { useDebounced } from '../search/queries';
import { EmployerDialog } from './EmployerDialog';
import { useEmployerFacets, useEmployers } from './queries';

type Drug = 'any' | 'yes' | 'no';
const LIMIT = 200;

/** The registry of cooperating employers (協力雇用主): search as you type, filters, add and edit. */
export function EmployersPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [industry, setIndustry] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [drug, setDrug] = useState<Drug>('any');
  const [activeOnly, setActiveOnly] = useState(true);
  const [editing, setEditing] = useState<Employer | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = useDebounced(text.trim(), 150);
  const facets = useEmployerFacets();
  const list = useEmployers({
    activeOnly,
    limit: LIMIT,
    ...(query ? { query } : {}),
    ...(industry ? { industry } : {}),
    ...(municipality ? { municipality } : {}),
    ...(drug === 'any' ? {} : { acceptsDrugOffences: drug === 'yes' }),
  });
  const rows = list.data?.rows ?? [];
  const registryEmpty = list.data && list.data.total === 0 && !query && !industry && !municipality && drug === 'any';

  return (
    <>
      <PageHeading
        actions={
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            {t('employers.add')}
          </button>
        }
      >
        {t('employers.title')}
      </PageHeading>
      <p className="lead">{t('employers.intro')}</p>
      <StatusNotice>{notice}</StatusNotice>
      <div className="toolbar work-toolbar" role="search">
        <TextField
          className="toolbar-grow"
          label={t('employers.search')}
          value={text}
          onChange={setText}
          hint={t('employers.searchHint')}
          type="search"
          autoComplete="off"
        />
        <SelectField<string>
          label={t('employers.industry')}
          value={industry}
          onChange={setIndustry}
          options={[{ value: '', label: t('employers.anyIndustry') }, ...(facets.data?.industries ?? []).map((i) => ({ value: i, label: i }))]}
        />
        <SelectField<string>
          label={t('employers.municipality')}
          value={municipality}
          onChange={setMunicipality}
          options={[
            { value: '', label: t('employers.anyMunicipality') },
            ...(facets.data?.municipalities ?? []).map((i) => ({ value: i, label: i })),
          ]}
        />
        <SelectField<Drug>
          label={t('employers.drugFilter')}
          value={drug}
          onChange={setDrug}
          options={[
            { value: 'any', label: t('employers.drugAny') },
            { value: 'yes', label: t('employers.drugYes') },
            { value: 'no', label: t('employers.drugNo') },
          ]}
        />
        <CheckboxField label={t('employers.activeOnly')} checked={activeOnly} onChange={setActiveOnly} />
      </div>
      <ErrorAlert>{list.isError ? errorText(list.error) : null}</ErrorAlert>
      {list.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {list.data && rows.length === 0 ? (
        registryEmpty ? (
          <EmptyState title={t('employers.emptyTitle')}>
            <p>{t('employers.emptyBody')}</p>
            <button type="button" className="button-primary" onClick={() => setEditing('new')}>
              {t('employers.add')}
            </button>
          </EmptyState>
        ) : (
          <p className="muted empty-line">{t('employers.noMatch')}</p>
        )
      ) : null}
      {rows.length > 0 ? (
        <section className="section" aria-labelledby="employer-list-title">
          <div className="section-heading">
            <h2 id="employer-list-title">{t('employers.list')}</h2>
            <span className="muted" aria-live="polite">
              {t('employers.count', { n: rows.length, total: list.data?.total ?? rows.length })}
            </span>
          </div>
          <div className="table-wrap">
            <table className="data-table work-employers" aria-busy={list.isFetching || undefined}>
              <caption className="visually-hidden">{t('employers.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('employers.name')}</th>
                  <th scope="col">{t('employers.industry')}</th>
                  <th scope="col">{t('employers.municipality')}</th>
                  <th scope="col">{t('employers.contact')}</th>
                  <th scope="col" className="col-num">
                    {t('employers.capacity')}
                  </th>
                  <th scope="col" className="col-num">
                    {t('employers.employingNow')}
                  </th>
                  <th scope="col">{t('employers.acceptsDrug')}</th>
                  <th scope="col">{t('employers.status')}</th>
                  <th scope="col" className="col-actions">
                    {t('work.common.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id} className={e.active ? undefined : 'row-inactive'}>
                    <th scope="row">
                      {e.name}
                      {e.nameKana ? <span className="sub">{e.nameKana}</span> : null}
                    </th>
                    <td>{e.industry || <span className="muted">{t('common.none')}</span>}</td>
                    <td>{e.municipality || <span className="muted">{t('common.none')}</span>}</td>
                    <td>
                      {e.contactName || null}
                      {e.phone ? <span className="sub nowrap">{e.phone}</span> : null}
                      {!e.contactName && !e.phone ? <span className="muted">{t('common.none')}</span> : null}
                    </td>
                    <td className="col-num">{e.capacity}</td>
                    <td className="col-num">{e.employingNow}</td>
                    <td>
                      <span className={e.acceptsDrugOffences ? 'pill pill-ok' : 'pill pill-off'}>
                        {e.acceptsDrugOffences ? t('employers.accepts') : t('employers.notAccepts')}
                      </span>
                    </td>
                    <td>
                      <span className={e.active ? 'pill pill-ok' : 'pill pill-off'}>{e.active ? t('employers.active') : t('employers.inactive')}</span>
                    </td>
                    <td className="col-actions">
                      <button type="button" className="button-small" aria-label={`${t('employers.edit')}: ${e.name}`} onClick={() => setEditing(e)}>
                        {t('employers.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {editing ? (
        <EmployerDialog
          employer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setNotice(editing === 'new' ? t('employers.added', { name: saved.name }) : t('employers.saved', { name: saved.name }));
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
