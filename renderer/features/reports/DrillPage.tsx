import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillRow, DrillTarget } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { useNavigation } from '../shell/pages';
import type { ReportQuery } from './period';
import { moveRow } from './listKeys';
import { useDrill, useReport, useReportRequest } from './queries';

const ROW_HEIGHT = 44;

/**
 * The rows behind a figure, however many: only those near the view are in the DOM. Each row's
 * name is a button that opens the person's page on that case; ↑/↓ move between rows.
 */
function DrillList({ rows, onOpen, returnTo }: { rows: DrillRow[]; onOpen: (row: DrillRow, index: number) => void; returnTo: number | null }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(returnTo ?? 0);
  const [focusWanted, setFocusWanted] = useState(returnTo !== null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialOffset: returnTo ? Math.max(0, returnTo - 3) * ROW_HEIGHT : 0,
  });

  useEffect(() => {
    if (!focusWanted) return;
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${active}"] button`);
    if (button) {
      button.focus();
      setFocusWanted(false);
    }
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = moveRow(e.key, active, rows.length, page);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    setFocusWanted(true);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const cols = ['name', 'officer', 'category', 'detail'] as const;
  const items = virtualizer.getVirtualItems();
  // Roving focus: one row button is in the Tab order, the active one, or the first shown if it scrolled away.
  const tabbable = items.some((i) => i.index === active) ? active : (items[0]?.index ?? 0);
  return (
    <div className="rp-drill-table" role="table" aria-rowcount={rows.length + 1} aria-label={t('reports.drill.title')}>
      <div role="rowgroup" className="rp-drill-head">
        <div role="row" aria-rowindex={1} className="rp-drill-row">
          {cols.map((c) => (
            <div role="columnheader" key={c} className={`rp-drill-cell rp-drill-${c}`}>
              {t(`reports.drill.columns.${c}`)}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="rp-drill-scroll" role="rowgroup" onKeyDown={onKeyDown}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = rows[v.index]!;
            return (
              <div
                role="row"
                key={r.caseId}
                aria-rowindex={v.index + 2}
                data-index={v.index}
                className="rp-drill-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}
              >
                <div role="cell" className="rp-drill-cell rp-drill-name">
                  <button
                    type="button"
                    className="link-button"
                    tabIndex={v.index === tabbable ? 0 : -1}
                    aria-label={t('reports.drill.open', { name: r.name })}
                    onFocus={() => setActive(v.index)}
                    onClick={() => onOpen(r, v.index)}
                  >
                    {r.name}
                  </button>
                </div>
                <div role="cell" className="rp-drill-cell rp-drill-officer">
                  {r.officerName}
                </div>
                <div role="cell" className="rp-drill-cell rp-drill-category">
                  {r.category}
                </div>
                <div role="cell" className="rp-drill-cell rp-drill-detail">
                  {r.detail}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The row last opened from a list, so Back from the person's page lands on it again. */
let lastOpened: { list: string; index: number } | null = null;

/** The cases behind one number of a report; Back returns to the same report. */
export function DrillPage({ query, target, label }: { query: ReportQuery; target: DrillTarget; label: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { navigate, back, canGoBack } = useNavigation();
  const request = useReportRequest(query)!;
  const drill = useDrill(request, target);
  const report = useReport(request);
  const goBack = () => (canGoBack ? back() : navigate({ page: 'reports', query }, { replace: true }));
  const data = drill.data;
  const listKey = JSON.stringify([request, target]);
  const [returnTo] = useState(() => (lastOpened?.list === listKey ? lastOpened.index : null));
  const open = (row: DrillRow, index: number) => {
    lastOpened = { list: listKey, index };
    navigate({ page: 'person', superviseeId: row.personId, caseId: row.caseId });
  };
  return (
    <div className="rp-drill-page">
      <button type="button" className="back-button" onClick={goBack}>
        <span aria-hidden="true">← </span>
        {t('reports.drill.back')}
      </button>
      <PageHeading>{data?.title ?? label}</PageHeading>
      {report.data ? (
        <p className="lead">{t('reports.drill.context', { period: report.data.periodLabel, scope: report.data.scopeLabel })}</p>
      ) : null}
      <ErrorAlert>{drill.isError ? errorText(drill.error) : null}</ErrorAlert>
      {drill.isPending ? <p role="status">{t('app.loading')}</p> : null}
      {data ? (
        <>
          <p className="rp-drill-count" role="status">
            {t('reports.drill.count', { total: data.total })}
            {data.rows.length > 0 ? <span className="hint"> — {t('reports.drill.keyboardHint')}</span> : null}
          </p>
          {data.rows.length === 0 ? (
            <EmptyState title={t('reports.drill.empty.title')}>
              <p>{t('reports.drill.empty.body')}</p>
            </EmptyState>
          ) : (
            <DrillList rows={data.rows} onOpen={open} returnTo={returnTo !== null && returnTo < data.rows.length ? returnTo : null} />
          )}
        </>
      ) : null}
    </div>
  );
}
