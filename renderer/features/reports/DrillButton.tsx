import type { ReactNode } from 'react';
import type { DrillTarget } from '../../../db/contract';

export type OnDrill = (target: DrillTarget, title: string) => void;

/**
 * A report number that opens the list of cases behind it. `spoken` is its accessible name, which
 * says what the number is and what pressing it does ("overdue cases: 12 — show cases").
 */
export function DrillButton({
  spoken,
  title,
  target,
  onDrill,
  children,
}: {
  spoken: string;
  title: string;
  target: DrillTarget;
  onDrill: OnDrill;
  children: ReactNode;
}) {
  return (
    <button type="button" className="rp-drill" aria-label={spoken} onClick={() => onDrill(target, title)}>
      {children}
    </button>
  );
}
