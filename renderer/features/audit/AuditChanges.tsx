import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../db/contract';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { changeLines } from './auditFormat';

function useValueText() {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined) return t('common.none');
    if (field === 'role' && typeof value === 'string') return t(`roles.${value}`, { defaultValue: value });
    if (field === 'active') return value === 1 || value === true ? t('common.yes') : t('common.no');
    if (field === 'reason' && typeof value === 'string') return t(`auditValues.reason_${value}`, { defaultValue: value });
    if (field.endsWith('_at') && typeof value === 'string') return formatDateTime(value, style) || value;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
  };
}

/** An entry's before/after as "field: old → new" lines. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const lines = changeLines(entry);
  if (lines.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <dl className="changes">
      {lines.map((l) => (
        <div key={l.field} className="change">
          <dt>{t(`auditFields.${l.field}`, { defaultValue: l.field })}</dt>
          <dd>
            {l.kind === 'set' ? (
              <span className="value-new">{valueText(l.field, l.after)}</span>
            ) : l.kind === 'removed' ? (
              <>
                <del className="value-old">{valueText(l.field, l.before)}</del> <span className="muted">({t('audit.removed')})</span>
              </>
            ) : (
              <>
                <del className="value-old">{valueText(l.field, l.before)}</del>
                <span aria-hidden="true"> → </span>
                <ins className="value-new">{valueText(l.field, l.after)}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
