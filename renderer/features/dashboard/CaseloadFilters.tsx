import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCategory, CaseloadStatus, DrugType } from '../../../db/contract';
import { CATEGORY_CODES, DRUG_TYPE_CODES } from '../people/codes';
import { SelectField } from '../people/fields';
import { useIntensityLevels } from '../person/queries';
import { clearFilters, FLAG_ORDER, hasFilters, STATUS_OPTIONS, toggleFlag, type CaseloadView, type Scope } from './model';
import type { FlagCounts, OfficerOption } from './queries';

/**
 * The flags as a group of checkboxes, each with the number of cases that have it ("3 overdue
 * contacts"): ticking one is the quick filter; ticking several shows the cases with all of them.
 */
export function FlagFilter({
  view,
  counts,
  onChange,
}: {
  view: CaseloadView;
  counts: FlagCounts | undefined;
  onChange: (view: CaseloadView) => void;
}) {
  const { t } = useTranslation();
  const helpId = useId();
  return (
    <fieldset className="cl-flags" aria-describedby={helpId}>
      <legend>{t('caseload.flagsLegend')}</legend>
      <div className="cl-flag-options">
        {FLAG_ORDER.map((flag) => {
          const on = view.filters.flags.includes(flag);
          const n = counts?.[flag];
          const label = t(`caseload.flags.${flag}`);
          return (
            <label key={flag} className={`cl-flag-chip cl-flag-${flag}${on ? ' is-on' : ''}${n === 0 ? ' is-zero' : ''}`}>
              <input
                type="checkbox"
                checked={on}
                onChange={(e) =>
                  onChange({ ...view, filters: { ...view.filters, flags: toggleFlag(view.filters.flags, flag, e.target.checked) } })
                }
              />
              <span>
                {n === undefined
                  ? t('caseload.flagCountPending', { label })
                  : // A plural key: i18next picks …_one or …_other from the count.
                    t(`caseload.flagCounts.${flag}`, { count: n })}
              </span>
            </label>
          );
        })}
      </div>
      <details className="cl-flag-help" id={helpId}>
        <summary>{t('caseload.flagHelpTitle')}</summary>
        <dl>
          {FLAG_ORDER.map((flag) => (
            <div key={flag}>
              <dt>{t(`caseload.flags.${flag}`)}</dt>
              <dd>{t(`caseload.flagHelp.${flag}`)}</dd>
            </div>
          ))}
        </dl>
        <p>{t('caseload.flagTabHelp')}</p>
      </details>
    </fieldset>
  );
}

/** Scope (for supervisors and administrators), officer, category, drug, level and status. */
export function FilterBar({
  view,
  mayUnit,
  officers,
  onChange,
  showColumnFilters,
}: {
  view: CaseloadView;
  mayUnit: boolean;
  officers: OfficerOption[];
  onChange: (view: CaseloadView) => void;
  showColumnFilters: boolean;
}) {
  const { t } = useTranslation();
  const levels = useIntensityLevels();
  const f = view.filters;
  const set = (patch: Partial<CaseloadView['filters']>) => onChange({ ...view, filters: { ...f, ...patch } });
  return (
    <div className="cl-filter-bar" role="group" aria-label={t('caseload.filtersLabel')}>
      {mayUnit ? (
        <SelectField
          label={t('caseload.scope')}
          value={view.scope}
          onChange={(v) => onChange({ ...view, scope: v as Scope, filters: { ...f, officerId: '' } })}
          options={[
            { value: 'mine', label: t('caseload.scopeMine') },
            { value: 'unit', label: t('caseload.scopeUnit') },
          ]}
        />
      ) : null}
      {mayUnit && view.scope === 'unit' ? (
        <SelectField
          label={t('caseload.officer')}
          value={f.officerId}
          onChange={(v) => set({ officerId: v })}
          placeholder={t('caseload.officerAll')}
          options={officers.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : null}
      {showColumnFilters ? (
        <>
          <SelectField
            label={t('caseload.category')}
            value={f.category}
            onChange={(v) => set({ category: v as CaseCategory | '' })}
            placeholder={t('caseload.all')}
            options={CATEGORY_CODES.map((c) => ({ value: c, label: t(`peopleCodes.categoryShort.${c}`) }))}
          />
          <SelectField
            label={t('caseload.drug')}
            value={f.drugType}
            onChange={(v) => set({ drugType: v as DrugType | '' })}
            placeholder={t('caseload.all')}
            options={DRUG_TYPE_CODES.map((d) => ({ value: d, label: t(`peopleCodes.drug.${d}`) }))}
          />
          <SelectField
            label={t('caseload.intensity')}
            value={f.intensity}
            onChange={(v) => set({ intensity: v })}
            placeholder={t('caseload.all')}
            options={(levels.data ?? []).map((s) => ({
              value: s.id,
              label: s.label ? t('caseload.intensityOption', { level: s.id, label: s.label }) : s.id,
            }))}
          />
          <SelectField
            className="cl-field-wide"
            label={t('caseload.status')}
            value={f.status}
            onChange={(v) => set({ status: v as CaseloadStatus })}
            options={STATUS_OPTIONS.map((s) => ({ value: s, label: t(`caseload.statuses.${s}`) }))}
          />
          <div className="cl-filter-actions">
            <button
              type="button"
              className="button-secondary"
              disabled={!hasFilters(f)}
              onClick={() => onChange(clearFilters(view))}
            >
              {t('caseload.clearFilters')}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
