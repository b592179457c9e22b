import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSection } from '../../../db/contract';
import type { OnDrill } from './DrillButton';
import { FigureList } from './FigureList';
import { ReportTableView } from './ReportTableView';

/** One headed block of the report; in print each starts on a new A4 page. */
export function ReportSectionView({ section, onDrill, returnKey = null }: { section: ReportSection; onDrill: OnDrill; returnKey?: string | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="rp-section" aria-labelledby={headingId} data-section={section.id}>
      <h2 id={headingId} className="rp-section-title">
        {section.title}
      </h2>
      <FigureList figures={section.figures} caption={section.title} onDrill={onDrill} />
      {section.tables.map((table) => (
        <ReportTableView key={table.id} table={table} onDrill={onDrill} returnKey={returnKey} />
      ))}
      {section.notes.length > 0 ? (
        <div className="rp-notes">
          <h3>{t('reports.notes')}</h3>
          <ul>
            {section.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
