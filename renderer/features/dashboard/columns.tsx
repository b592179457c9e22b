import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { CaseloadRow } from '../../../db/contract';
import { formatDate, type DateStyle } from '../../i18n/dates';
import { shownFlags } from './model';

/** A row of the table: its position in the whole list, and the case once its page has loaded. */
export interface Slot {
  index: number;
  row: CaseloadRow | null;
}

/** Relative widths (the table is laid out fixed, so columns do not jump as rows scroll in). */
export const COLUMN_WEIGHTS: Record<string, number> = {
  name: 12,
  caseNumber: 9,
  category: 12,
  intensity: 6,
  drugs: 10,
  officer: 9,
  vpo: 9,
  endDate: 12,
  lastContact: 12,
  flagCount: 14,
};

const col = createColumnHelper<Slot>();

function Dash() {
  return <span className="muted">—</span>;
}

export function FlagBadges({ row, t }: { row: CaseloadRow; t: TFunction }) {
  const flags = shownFlags(row.flags, row.drugTestsVisible);
  if (flags.length === 0) return <span className="visually-hidden">{t('caseload.noFlags')}</span>;
  return (
    <ul className="cl-badges">
      {flags.map((f) => (
        <li key={f} className={`cl-badge cl-badge-${f}`}>
          {t(`caseload.flags.${f}`)}
        </li>
      ))}
    </ul>
  );
}

/** The columns: ids of sortable ones are the service's sort keys. */
export function caseloadColumns(t: TFunction, style: DateStyle): ColumnDef<Slot, string>[] {
  const date = (iso: string) => formatDate(iso, style);
  return [
    col.accessor((s) => s.row?.kana ?? '', {
      id: 'name',
      header: () => t('caseload.cols.name'),
      cell: ({ row: { original: s } }) =>
        s.row ? (
          <>
            <span className="cl-name">{s.row.name}</span>
            <span className="sub">{s.row.kana}</span>
          </>
        ) : null,
    }),
    col.accessor((s) => s.row?.caseNumber ?? '', {
      id: 'caseNumber',
      header: () => t('caseload.cols.caseNumber'),
      cell: ({ row: { original: s } }) => (s.row ? <span className="mono cl-case-number">{s.row.caseNumber}</span> : null),
    }),
    col.accessor((s): string => s.row?.category ?? '', {
      id: 'category',
      header: () => t('caseload.cols.category'),
      cell: ({ row: { original: s } }) => {
        const r = s.row;
        if (!r) return null;
        return (
          <>
            <span className="cl-category">{t(`peopleCodes.categoryShort.${r.category}`)}</span>
            {r.partial ? <span className="cl-tag">{t('peopleCodes.categoryShort.partial')}</span> : null}
            {r.status !== 'active' ? <span className={`cl-tag cl-status-${r.status}`}>{t(`peopleCodes.status.${r.status}`)}</span> : null}
            <span className="sub">{t(`peopleCodes.phaseKind.${r.phaseKind}`)}</span>
          </>
        );
      },
    }),
    col.accessor((s) => s.row?.intensity ?? '', {
      id: 'intensity',
      header: () => t('caseload.cols.intensity'),
      cell: ({ row: { original: s } }) => (s.row ? <span className="cl-level">{s.row.intensity}</span> : null),
    }),
    col.accessor((s) => (s.row?.drugTypes ?? []).join(','), {
      id: 'drugs',
      enableSorting: false,
      header: () => t('caseload.cols.drugs'),
      cell: ({ row: { original: s } }) =>
        s.row ? (
          s.row.drugTypes.length ? (
            <ul className="cl-drugs">
              {s.row.drugTypes.map((d) => (
                <li key={d}>{t(`peopleCodes.drug.${d}`)}</li>
              ))}
            </ul>
          ) : (
            <Dash />
          )
        ) : null,
    }),
    col.accessor((s) => s.row?.officerName ?? '', {
      id: 'officer',
      header: () => t('caseload.cols.officer'),
      cell: ({ row: { original: s } }) => (s.row ? (s.row.officerName ?? <Dash />) : null),
    }),
    col.accessor((s) => s.row?.vpoName ?? '', {
      id: 'vpo',
      enableSorting: false,
      header: () => t('caseload.cols.vpo'),
      cell: ({ row: { original: s } }) => (s.row ? (s.row.vpoName ?? <Dash />) : null),
    }),
    col.accessor((s) => s.row?.plannedEndDate ?? '', {
      id: 'endDate',
      header: () => t('caseload.cols.endDate'),
      cell: ({ row: { original: s } }) => {
        const r = s.row;
        if (!r) return null;
        if (r.status === 'terminated' && r.terminationDate) return t('people.endedOn', { date: date(r.terminationDate) });
        if (r.plannedEndDate === null) return <span className="muted">{t('person.endUnknown')}</span>;
        return date(r.plannedEndDate);
      },
    }),
    col.accessor((s) => s.row?.lastContactDate ?? '', {
      id: 'lastContact',
      header: () => t('caseload.cols.lastContact'),
      cell: ({ row: { original: s } }) =>
        s.row ? s.row.lastContactDate ? date(s.row.lastContactDate) : <span className="muted">{t('caseload.noContact')}</span> : null,
    }),
    col.accessor((s) => String(s.row?.flagCount ?? 0), {
      id: 'flagCount',
      header: () => t('caseload.cols.flags'),
      cell: ({ row: { original: s } }) => (s.row ? <FlagBadges row={s.row} t={t} /> : null),
    }),
  ];
}
