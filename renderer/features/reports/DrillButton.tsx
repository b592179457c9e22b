import type { ReactNode } from 'react';
import type { DrillTarget } from '../../../db/contract';

export type OnDrill = (target: DrillTarget, title: string) => void;

/** The number's identity on the page, so coming back from its list puts the focus on it again. */
export function drillKey(target: DrillTarget): string {
  return 'figureId' in target ? target.figureId : [target.tableId, target.rowKey, target.columnId ?? ''].join('|');
}

/**
 * A report number that opens the list of cases behind it. `spoken` is its accessible name, which
 * says what the number is and what pressing it does ("overdue cases: 12 — show cases").
 */
export function DrillButton({
  spoken,
  title,
  target,
  onDrill,
  tabIndex,
  children,
}: {
  spoken: string;
  title: string;
  target: DrillTarget;
  onDrill: OnDrill;
  /** Set in a virtualized table, where one number at a time is in the Tab order. */
  tabIndex?: number;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="rp-drill"
      aria-label={spoken}
      data-drill={drillKey(target)}
      tabIndex={tabIndex}
      onClick={() => onDrill(target, title)}
    >
      {children}
    </button>
  );
}
