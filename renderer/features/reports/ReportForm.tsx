import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { useDateStyle } from '../../i18n/useFormat';
import { SelectField } from '../contacts/controls';
import { formatDate } from '../../i18n/dates';
import {
  fiscalYearChoices,
  periodRange,
  queryFrom,
  quarterMonths,
  type DraftError,
  type PeriodKind,
  type Quarter,
  type ReportDraft,
  type ReportQuery,
  type ScopeKind,
} from './period';
import { useCaseOfficers, useUnits } from './queries';

const PERIOD_KINDS: PeriodKind[] = ['fiscalYear', 'quarter', 'month', 'custom'];
const SCOPE_KINDS: ScopeKind[] = ['office', 'unit', 'officer'];
const QUARTERS: Quarter[] = [1, 2, 3, 4];

/** Which control a problem belongs to, so its sentence shows under that control. */
const ERROR_FIELD: Record<DraftError, 'month' | 'from' | 'to' | 'unit' | 'officer'> = {
  month: 'month',
  from: 'from',
  to: 'to',
  order: 'to',
  tooLong: 'to',
  unit: 'unit',
  officer: 'officer',
};

/**
 * Period (fiscal year, quarter, month or a date range) and scope (office, unit, officer) of a
 * report. An officer has no scope to choose: their report is always on their own cases.
 */
export function ReportForm({
  draft,
  onDraft,
  own,
  today,
  running,
  onRun,
}: {
  draft: ReportDraft;
  onDraft: (next: ReportDraft) => void;
  own: { officerId: string } | null;
  today: string;
  running: boolean;
  onRun: (query: ReportQuery) => void;
}) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const [error, setError] = useState<DraftError | null>(null);
  const units = useUnits(!own && draft.scopeKind === 'unit');
  const officers = useCaseOfficers(!own && draft.scopeKind === 'officer');
  const set = (patch: Partial<ReportDraft>) => {
    setError(null);
    onDraft({ ...draft, ...patch });
  };
  const errorFor = (f: (typeof ERROR_FIELD)[DraftError]) => (error && ERROR_FIELD[error] === f ? t(`reports.form.errors.${error}`) : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = queryFrom(draft, own);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onRun(result.query);
  };

  const years = fiscalYearChoices(today).map((y) => ({ value: String(y), label: t('reports.form.fiscalYearOption', { year: y }) }));
  const preview = queryFrom(draft, own);
  const range = preview.ok ? periodRange(preview.query.period) : null;

  return (
    <form className="rp-form no-print" onSubmit={submit} noValidate aria-label={t('reports.form.title')}>
      <div className="rp-form-row">
        <SelectField
          className="rp-field"
          label={t('reports.form.period')}
          value={draft.periodKind}
          options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reports.form.periodKinds.${k}`) }))}
          onChange={(k) => set({ periodKind: k })}
        />
        {draft.periodKind === 'fiscalYear' || draft.periodKind === 'quarter' ? (
          <SelectField
            className="rp-field"
            label={t('reports.form.fiscalYear')}
            value={String(draft.fiscalYear)}
            options={years}
            onChange={(y) => set({ fiscalYear: Number(y) })}
          />
        ) : null}
        {draft.periodKind === 'quarter' ? (
          <SelectField
            className="rp-field rp-field-wide"
            label={t('reports.form.quarter')}
            value={String(draft.quarter)}
            options={QUARTERS.map((q) => {
              const [first, last] = quarterMonths(q);
              return { value: String(q), label: t('reports.form.quarterOption', { n: q, first, last }) };
            })}
            onChange={(q) => set({ quarter: Number(q) as Quarter })}
          />
        ) : null}
        {draft.periodKind === 'month' ? (
          <TextField
            className="rp-field"
            type="month"
            label={t('reports.form.month')}
            value={draft.month}
            onChange={(v) => set({ month: v })}
            error={errorFor('month')}
            placeholder="2026-11"
          />
        ) : null}
        {draft.periodKind === 'custom' ? (
          <>
            <TextField className="rp-field" type="date" label={t('reports.form.from')} value={draft.from} onChange={(v) => set({ from: v })} error={errorFor('from')} />
            <TextField className="rp-field" type="date" label={t('reports.form.to')} value={draft.to} onChange={(v) => set({ to: v })} error={errorFor('to')} />
          </>
        ) : null}
        {own ? (
          <p className="rp-own-scope">{t('reports.form.ownScope')}</p>
        ) : (
          <>
            <SelectField
              className="rp-field"
              label={t('reports.form.scope')}
              value={draft.scopeKind}
              options={SCOPE_KINDS.map((k) => ({ value: k, label: t(`reports.form.scopeKinds.${k}`) }))}
              onChange={(k) => set({ scopeKind: k })}
            />
            {draft.scopeKind === 'unit' ? (
              <SelectField
                className="rp-field rp-field-wide"
                label={t('reports.form.unit')}
                value={draft.unit}
                options={[{ value: '', label: t('reports.form.unitChoose') }, ...(units.data ?? []).map((u) => ({ value: u, label: u }))]}
                onChange={(u) => set({ unit: u })}
                error={errorFor('unit')}
                hint={units.data && units.data.length === 0 ? t('reports.form.noUnits') : undefined}
              />
            ) : null}
            {draft.scopeKind === 'officer' ? (
              <SelectField
                className="rp-field rp-field-wide"
                label={t('reports.form.officer')}
                value={draft.officerId}
                options={[{ value: '', label: t('reports.form.officerChoose') }, ...officers.map((o) => ({ value: o.id, label: o.name }))]}
                onChange={(id) => set({ officerId: id })}
                error={errorFor('officer')}
              />
            ) : null}
          </>
        )}
        <div className="rp-form-actions">
          <button type="submit" className="button-primary" disabled={running}>
            {running ? t('reports.form.running') : t('reports.form.run')}
          </button>
        </div>
      </div>
      {range ? (
        <p className="hint rp-range">
          {t('reports.form.rangeHint', { from: formatDate(range.from, style), to: formatDate(range.to, style) })}
        </p>
      ) : null}
    </form>
  );
}
