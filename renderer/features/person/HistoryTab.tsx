import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { useVpos } from '../vpos/queries';
import { historyActionKey, historyChanges, historyValue, type ValueContext } from './historyFormat';
import { useCatalogue, usePersonHistory } from './queries';
import type { PersonTabProps } from './types';

function Changes({ entry, ctx }: { entry: AuditEntry; ctx: ValueContext }) {
  const { t } = ctx;
  const lines = historyChanges(entry);
  if (lines.length === 0) return <span className="muted">{t('common.none')}</span>;
  const value = (field: string, v: unknown) => historyValue(entry.entity, field, v, ctx);
  return (
    <dl className="changes">
      {lines.map((l) => (
        <div key={l.field} className="change">
          <dt>{t(`personHistory.fields.${l.field}`, { defaultValue: l.field })}</dt>
          <dd>
            {l.kind === 'set' ? (
              <span className="value-new">{value(l.field, l.after)}</span>
            ) : l.kind === 'removed' ? (
              <del className="value-old">{value(l.field, l.before)}</del>
            ) : (
              <>
                <del className="value-old">{value(l.field, l.before)}</del>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('personHistory.to')} </span>
                <ins className="value-new">{value(l.field, l.after)}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Every change to the person's records, from the audit trail, newest first. */
export function HistoryTab({ person }: PersonTabProps) {
  const { t, i18n } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const history = usePersonHistory(person.person.id);
  const vpos = useVpos({});
  const catalogue = useCatalogue();
  const ctx = useMemo<ValueContext>(() => {
    const names = new Map<string, string>();
    for (const v of vpos.data ?? []) names.set(v.id, v.name);
    if (person.officer) names.set(person.officer.id, person.officer.displayName);
    for (const c of person.cases) {
      if (c.latestAssessment?.assessedBy && c.latestAssessment.assessedByName) {
        names.set(c.latestAssessment.assessedBy, c.latestAssessment.assessedByName);
      }
    }
    const labels = new Map<string, string>();
    for (const e of catalogue.data ?? []) labels.set(e.code, i18n.language === 'ja' ? e.labelJa : e.labelEn);
    return { t, style, names, catalogue: labels };
  }, [t, i18n.language, style, vpos.data, catalogue.data, person]);

  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('personHistory.title')}</h2>
      <p className="hint">{t('personHistory.intro')}</p>
      <ErrorAlert>{history.isError ? errorText(history.error) : null}</ErrorAlert>
      {history.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {history.data && history.data.length === 0 ? <p className="muted">{t('personHistory.empty')}</p> : null}
      {history.data && history.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table history-table">
            <caption className="visually-hidden">{t('personHistory.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('personHistory.at')}</th>
                <th scope="col">{t('personHistory.actor')}</th>
                <th scope="col">{t('personHistory.action')}</th>
                <th scope="col">{t('personHistory.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.at, style)}</td>
                  <td className="nowrap">
                    {e.actorLogin ?? t('audit.system')}
                    {e.actorRole ? <span className="sub">{t(`roles.${e.actorRole}`)}</span> : null}
                  </td>
                  <th scope="row" className="cell-action">
                    {t(historyActionKey(e.action), { defaultValue: e.action })}
                    {e.entity ? <span className="sub">{t(`personHistory.entities.${e.entity}`, { defaultValue: e.entity })}</span> : null}
                  </th>
                  <td>
                    <Changes entry={e} ctx={ctx} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
