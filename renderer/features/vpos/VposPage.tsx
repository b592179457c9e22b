import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vpo } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { TextField } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { CheckboxField } from '../people/fields';
import { useDebounced } from '../search/queries';
import { useVpos } from './queries';
import { VpoDialog } from './VpoDialog';

/** The registry of volunteer probation officers (保護司), with their current cases. */
export function VposPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [filter, setFilter] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const query = useDebounced(filter.trim(), 150);
  const vpos = useVpos({ activeOnly: !showInactive, ...(query ? { query } : {}) });
  const [editing, setEditing] = useState<Vpo | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = vpos.data ?? [];

  return (
    <>
      <PageHeading
        actions={
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            {t('vpos.add')}
          </button>
        }
      >
        {t('vpos.title')}
      </PageHeading>
      <p className="lead">{t('vpos.intro')}</p>
      <StatusNotice>{notice}</StatusNotice>
      <div className="toolbar">
        <TextField
          className="toolbar-grow"
          label={t('vpos.filter')}
          value={filter}
          onChange={setFilter}
          hint={t('vpos.filterHint')}
          type="search"
          autoComplete="off"
        />
        <CheckboxField label={t('vpos.showInactive')} checked={showInactive} onChange={setShowInactive} />
      </div>
      <ErrorAlert>{vpos.isError ? errorText(vpos.error) : null}</ErrorAlert>
      {vpos.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {vpos.data && rows.length === 0 && !query ? (
        <EmptyState title={t('vpos.emptyTitle')}>
          <p>{t('vpos.emptyBody')}</p>
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            {t('vpos.add')}
          </button>
        </EmptyState>
      ) : null}
      {vpos.data && rows.length === 0 && query ? <p className="muted empty-line">{t('vpos.noMatch', { q: query })}</p> : null}
      {rows.length > 0 ? (
        <section className="section" aria-labelledby="vpo-list-title">
          <div className="section-heading">
            <h2 id="vpo-list-title">{query ? t('vpos.listFiltered') : showInactive ? t('vpos.list') : t('vpos.listActive')}</h2>
            <span className="muted">{t('vpos.count', { n: rows.length })}</span>
          </div>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('vpos.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('vpos.name')}</th>
                  <th scope="col">{t('vpos.district')}</th>
                  <th scope="col">{t('vpos.phone')}</th>
                  <th scope="col" className="col-num">
                    {t('vpos.caseCount')}
                  </th>
                  <th scope="col">{t('vpos.status')}</th>
                  <th scope="col" className="col-actions">
                    {t('vpos.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((v) => (
                  <tr key={v.id} className={v.active ? undefined : 'row-inactive'}>
                    <th scope="row">
                      {v.name}
                      {v.nameKana ? <span className="sub">{v.nameKana}</span> : null}
                    </th>
                    <td>{v.district || <span className="muted">{t('common.none')}</span>}</td>
                    <td className="nowrap">{v.phone || <span className="muted">{t('common.none')}</span>}</td>
                    <td className="col-num">{v.caseCount}</td>
                    <td>
                      <span className={v.active ? 'pill pill-ok' : 'pill pill-off'}>
                        {v.active ? t('vpos.active') : t('vpos.inactive')}
                      </span>
                    </td>
                    <td className="col-actions">
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`${t('vpos.edit')}: ${v.name}`}
                        onClick={() => setEditing(v)}
                      >
                        {t('vpos.edit')}
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
        <VpoDialog
          vpo={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setNotice(editing === 'new' ? t('vpos.added', { name: saved.name }) : t('vpos.saved', { name: saved.name }));
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
