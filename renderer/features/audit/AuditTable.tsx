import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../db/contract';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { AuditChanges } from './AuditChanges';
import { actionKey, shortId } from './auditFormat';

export function AuditTable({ rows }: { rows: AuditEntry[] }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (
    <div className="table-wrap">
      <table className="data-table audit-table">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-num">
              {t('audit.colId')}
            </th>
            <th scope="col" className="col-fit">
              {t('audit.colAt')}
            </th>
            <th scope="col">{t('audit.colActor')}</th>
            <th scope="col">{t('audit.colAction')}</th>
            <th scope="col">{t('audit.colTarget')}</th>
            <th scope="col">{t('audit.colChanges')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="col-num mono">{r.id}</td>
              <td className="col-fit">{formatDateTime(r.at, style)}</td>
              <td>
                {r.actorLogin ? (
                  <>
                    <span className="mono">{r.actorLogin}</span>
                    {r.actorRole ? <span className="sub">{t(`roles.${r.actorRole}`)}</span> : null}
                  </>
                ) : (
                  <span className="muted">{t('audit.system')}</span>
                )}
              </td>
              <th scope="row" className="cell-action">
                {t(actionKey(r.action), { defaultValue: r.action })}
                <span className="sub mono">{r.action}</span>
              </th>
              <td>
                {r.entity ? (
                  <>
                    {t(`auditEntities.${r.entity}`, { defaultValue: r.entity })}
                    {r.entityId ? (
                      <span className="sub mono" title={r.entityId}>
                        {shortId(r.entityId)}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">{t('common.none')}</span>
                )}
              </td>
              <td>
                <AuditChanges entry={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
