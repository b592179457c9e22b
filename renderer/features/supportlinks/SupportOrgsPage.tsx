import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportOrg, SupportOrgKind } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { SelectField } from '../contacts/controls';
import { CheckboxField } from '../people/fields';
import { LinksList } from './LinksList';
import { OrgDialog } from './OrgDialog';
import { ORG_KIND_OPTIONS, useSupportOrgs } from './queries';
import { ShareCard } from './ShareCard';

/** The directory of medical institutions and NGOs, with the office's share of drug cases linked to them. */
export function SupportOrgsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [kind, setKind] = useState<SupportOrgKind | ''>('');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<SupportOrg | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const orgs = useSupportOrgs({ activeOnly: !showInactive, ...(kind ? { kind } : {}) });
  const rows = orgs.data ?? [];

  return (
    <>
      <PageHeading
        actions={
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            {t('supportLinks.orgs.add')}
          </button>
        }
      >
        {t('supportLinks.orgs.title')}
      </PageHeading>
      <p className="lead">{t('supportLinks.orgs.intro')}</p>
      <StatusNotice>{notice}</StatusNotice>
      <ShareCard />
      <div className="toolbar work-toolbar">
        <SelectField<SupportOrgKind | ''>
          label={t('supportLinks.orgs.kind')}
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: t('supportLinks.orgs.anyKind') }, ...ORG_KIND_OPTIONS.map((k) => ({ value: k, label: t(`supportLinks.kinds.${k}`) }))]}
        />
        <CheckboxField label={t('supportLinks.orgs.showInactive')} checked={showInactive} onChange={setShowInactive} />
      </div>
      <ErrorAlert>{orgs.isError ? errorText(orgs.error) : null}</ErrorAlert>
      {orgs.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {orgs.data && rows.length === 0 ? (
        kind ? (
          <p className="muted empty-line">{t('supportLinks.orgs.noMatch')}</p>
        ) : (
          <EmptyState title={t('supportLinks.orgs.emptyTitle')}>
            <p>{t('supportLinks.orgs.emptyBody')}</p>
            <button type="button" className="button-primary" onClick={() => setEditing('new')}>
              {t('supportLinks.orgs.add')}
            </button>
          </EmptyState>
        )
      ) : null}
      {rows.length > 0 ? (
        <section className="section" aria-labelledby="org-list-title">
          <div className="section-heading">
            <h2 id="org-list-title">{t('supportLinks.orgs.list')}</h2>
            <span className="muted">{t('supportLinks.orgs.count', { n: rows.length })}</span>
          </div>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('supportLinks.orgs.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('supportLinks.orgs.name')}</th>
                  <th scope="col">{t('supportLinks.orgs.kind')}</th>
                  <th scope="col">{t('supportLinks.orgs.address')}</th>
                  <th scope="col">{t('supportLinks.orgs.phone')}</th>
                  <th scope="col" className="col-num">
                    {t('supportLinks.orgs.linkedNow')}
                  </th>
                  <th scope="col">{t('supportLinks.orgs.status')}</th>
                  <th scope="col" className="col-actions">
                    {t('work.common.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.id} className={o.active ? undefined : 'row-inactive'}>
                    <th scope="row">
                      {o.name}
                      {o.notes ? <span className="sub">{o.notes}</span> : null}
                    </th>
                    <td>{t(`supportLinks.kinds.${o.kind}`)}</td>
                    <td>{o.address || <span className="muted">{t('common.none')}</span>}</td>
                    <td className="nowrap">{o.phone || <span className="muted">{t('common.none')}</span>}</td>
                    <td className="col-num">{o.linkedNow}</td>
                    <td>
                      <span className={o.active ? 'pill pill-ok' : 'pill pill-off'}>
                        {o.active ? t('supportLinks.orgs.active') : t('supportLinks.orgs.inactive')}
                      </span>
                    </td>
                    <td className="col-actions">
                      <button type="button" className="button-small" aria-label={`${t('supportLinks.orgs.edit')}: ${o.name}`} onClick={() => setEditing(o)}>
                        {t('supportLinks.orgs.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <LinksList />
      {editing ? (
        <OrgDialog
          org={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setNotice(editing === 'new' ? t('supportLinks.orgs.added', { name: saved.name }) : t('supportLinks.orgs.saved', { name: saved.name }));
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
