import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { CatalogueDialog } from './CatalogueDialog';
import { usePrograms } from './queries';

type Editing = { program: Program | null } | null;

/**
 * The program catalogue (supervisors and administrators): every program with its kind, provider,
 * schedule and status; a program is edited, or an outside-treatment program added, in a dialog.
 */
export function CataloguePage({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const programs = usePrograms(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = programs.data ?? [];
  const add = () => {
    setNotice(null);
    setEditing({ program: null });
  };

  const schedule = (p: Program) =>
    p.rules.core
      ? t('programs.catalogue.rulesCore', { n: p.rules.core.sessions.length, days: p.rules.core.intervalDays, stepUp: p.rules.stepUp?.intervalDays ?? '—' })
      : t('programs.catalogue.rulesNone');

  return (
    <>
      <PageHeading
        actions={
          <div className="programs-heading-actions">
            <button type="button" className="button-secondary" onClick={onBack}>
              {t('programs.catalogue.back')}
            </button>
            <button type="button" className="button-primary" onClick={add}>
              {t('programs.catalogue.add')}
            </button>
          </div>
        }
      >
        {t('programs.catalogue.title')}
      </PageHeading>
      <p className="lead">{t('programs.catalogue.intro')}</p>
      <StatusNotice>{notice}</StatusNotice>
      <ErrorAlert>{programs.isError ? errorText(programs.error) : null}</ErrorAlert>
      {programs.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {programs.data && rows.length === 0 ? (
        <EmptyState title={t('programs.catalogue.listTitle')}>
          <p>{t('programs.catalogue.empty')}</p>
          <button type="button" className="button-primary" onClick={add}>
            {t('programs.catalogue.add')}
          </button>
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <section className="section" aria-labelledby="catalogue-title">
          <div className="section-heading">
            <h2 id="catalogue-title">{t('programs.catalogue.listTitle')}</h2>
            <span className="muted">{t('daily.common.count', { n: rows.length })}</span>
          </div>
          <div className="table-wrap">
            <table className="data-table programs-catalogue">
              <caption className="visually-hidden">{t('programs.catalogue.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programs.catalogue.name')}</th>
                  <th scope="col">{t('programs.catalogue.kind')}</th>
                  <th scope="col">{t('programs.catalogue.provider')}</th>
                  <th scope="col">{t('programs.catalogue.rules')}</th>
                  <th scope="col">{t('programs.catalogue.active')}</th>
                  <th scope="col" className="col-actions">
                    {t('daily.common.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{t(`programs.kinds.${p.kind}`)}</td>
                    <td className="programs-catalogue-provider">{p.provider || <span className="muted">{t('common.none')}</span>}</td>
                    <td className="programs-catalogue-rules">{schedule(p)}</td>
                    <td>
                      <span className={`pill ${p.active ? 'pill-ok' : 'pill-off'}`}>{t(p.active ? 'programs.catalogue.activeYes' : 'programs.catalogue.activeNo')}</span>
                    </td>
                    <td className="col-actions">
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`${t('programs.catalogue.edit')}: ${p.name}`}
                        onClick={() => {
                          setNotice(null);
                          setEditing({ program: p });
                        }}
                      >
                        {t('programs.catalogue.edit')}
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
        <CatalogueDialog
          program={editing.program}
          onClose={() => setEditing(null)}
          onSaved={(p, added) => {
            setEditing(null);
            setNotice(t(added ? 'programs.catalogue.added' : 'programs.catalogue.saved', { name: p.name }));
          }}
        />
      ) : null}
    </>
  );
}
