import { useTranslation } from 'react-i18next';
import type { Report } from '../../../db/contract';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';

/** What the report is: office, period, scope, author and time. At the top of the screen and of the PDF. */
export function ReportHeader({ report }: { report: Report }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const items: [string, string][] = [
    [t('reports.header.office'), report.officeName],
    // The service's label already names the days (a month names itself).
    [t('reports.header.period'), report.periodLabel],
    [t('reports.header.scope'), report.scopeLabel],
    [t('reports.header.author'), report.author],
    [t('reports.header.generatedAt'), formatDateTime(report.generatedAt, style)],
  ];
  return (
    <header className="rp-doc-header">
      <p className="rp-doc-title">{t('reports.header.title')}</p>
      <dl className="rp-doc-meta">
        {items.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
