import { useTranslation } from 'react-i18next';
import type { ReportFigure } from '../../../db/contract';
import { usePrefs } from '../../preferences/usePrefs';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatValue, formatWithUnit, NOT_APPLICABLE, showsUnit } from './format';

/**
 * A section's headline figures as a three-column table: what it is, its value with the unit, and
 * its definition, so the definition is read (and printed) beside the number, not hidden in a tooltip.
 */
export function FigureList({ figures, caption, onDrill }: { figures: ReportFigure[]; caption: string; onDrill: OnDrill }) {
  const { t } = useTranslation();
  const { lang } = usePrefs();
  if (figures.length === 0) return null;
  return (
    <table className="data-table rp-figures">
      <caption className="visually-hidden">{caption}</caption>
      <colgroup>
        <col className="rp-fig-label" />
        <col className="rp-fig-value" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('reports.figure.item')}</th>
          <th scope="col" className="col-num">{t('reports.figure.value')}</th>
          <th scope="col">{t('reports.figure.definition')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => {
          const unitText = showsUnit(f.unit, lang) ? t(`reports.units.${f.unit}`, { count: f.value ?? 0 }) : '';
          const text = formatWithUnit(f.value, f.unit, lang, unitText);
          // The number large, its unit small beside it; "—" alone when not applicable.
          const shown = (
            <>
              <span className="rp-value">{formatValue(f.value, f.unit, lang)}</span>
              {f.value === null || unitText === '' ? null : <span className="rp-unit">{unitText}</span>}
            </>
          );
          return (
            <tr key={f.id} data-figure={f.id} data-unit={f.unit}>
              <th scope="row">{f.label}</th>
              <td className="rp-fig-value">
                {f.drill && f.value !== null ? (
                  <DrillButton
                    spoken={t('reports.figure.drill', { label: f.label, value: text })}
                    title={f.label}
                    target={{ figureId: f.id }}
                    onDrill={onDrill}
                  >
                    {shown}
                  </DrillButton>
                ) : (
                  shown
                )}
              </td>
              <td className="rp-fig-definition">
                {f.definition}
                {f.value === null ? (
                  <span className="rp-na-note">
                    {' '}
                    ({NOT_APPLICABLE}: {t('reports.figure.notApplicable')})
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
