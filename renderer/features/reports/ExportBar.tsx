import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportExportFormat, ReportRequest } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { useErrorText } from '../../i18n/useFormat';
import { useExport } from './queries';

const FORMATS: ReportExportFormat[] = ['pdf', 'csv', 'xlsx', 'research'];

/**
 * PDF, CSV, Excel and the anonymized research extract of the report on screen. The PDF is the
 * print of this very page, so the page must show the same report while it is made. Says where the
 * file went, or that nothing was written when the Save dialog was cancelled.
 */
export function ExportBar({ request }: { request: ReportRequest }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const exporting = useExport(request);
  const [done, setDone] = useState<string | null>(null);
  const run = (format: ReportExportFormat) => {
    setDone(null);
    exporting.mutate(format, {
      onSuccess: (r) =>
        setDone(r.path ? t('reports.export.saved', { format: t(`reports.export.${format}`), path: r.path }) : t('reports.export.cancelled')),
    });
  };
  return (
    <section className="rp-export no-print" aria-labelledby="rp-export-title">
      <h2 id="rp-export-title" className="rp-export-title">
        {t('reports.export.title')}
      </h2>
      <div className="rp-export-buttons">
        {FORMATS.map((f) => (
          <button key={f} type="button" className="button-secondary" disabled={exporting.isPending} onClick={() => run(f)} aria-describedby={f === 'research' ? 'rp-research-hint' : undefined}>
            {t(`reports.export.${f}`)}
          </button>
        ))}
        {exporting.isPending ? <span className="rp-export-working">{t('reports.export.working')}</span> : null}
      </div>
      <p id="rp-research-hint" className="hint">
        {t('reports.export.researchHint')}
      </p>
      <StatusNotice>{done}</StatusNotice>
      <ErrorAlert>{exporting.isError ? errorText(exporting.error) : null}</ErrorAlert>
    </section>
  );
}
