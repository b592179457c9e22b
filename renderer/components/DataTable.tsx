import type { ReactNode } from 'react';

export interface DataColumn {
  key: string;
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** A column of row buttons: its header is for screen readers only. */
  actions?: boolean;
}

/** The shell of a simple list table: scrolling wrapper, column headers, and the rows given. */
export function DataTable({ columns, className, children }: { columns: DataColumn[]; className?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'col-num' : c.actions ? 'col-actions' : undefined}>
                {c.actions ? <span className="visually-hidden">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
