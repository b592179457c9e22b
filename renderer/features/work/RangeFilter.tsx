import { useTranslation } from 'react-i18next';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';

export interface RangeText {
  from: string;
  to: string;
}

/** The range a list asks for: each end that reads as a date, or none; `bad` when one does not read. */
export function rangeOf(r: RangeText): { from?: string; to?: string; fromBad: boolean; toBad: boolean; reversed: boolean } {
  const from = r.from.trim() ? parseDateText(r.from) : null;
  const to = r.to.trim() ? parseDateText(r.to) : null;
  const fromBad = r.from.trim() !== '' && from === null;
  const toBad = r.to.trim() !== '' && to === null;
  const reversed = !!from && !!to && to < from;
  return { ...(from ? { from } : {}), ...(to && !reversed ? { to } : {}), fromBad, toBad, reversed };
}

/** Two typed dates (year–month–day) bounding an office-wide list; empty means no limit. */
export function RangeFilter({ value, onChange }: { value: RangeText; onChange: (r: RangeText) => void }) {
  const { t } = useTranslation();
  const r = rangeOf(value);
  return (
    <>
      <DateTextField
        kind="date"
        label={t('workLists.from')}
        value={value.from}
        onChange={(from) => onChange({ ...value, from })}
        error={r.fromBad ? t('work.common.dateInvalid') : null}
      />
      <DateTextField
        kind="date"
        label={t('workLists.to')}
        value={value.to}
        onChange={(to) => onChange({ ...value, to })}
        error={r.toBad ? t('work.common.dateInvalid') : r.reversed ? t('work.common.endBeforeStart') : null}
      />
    </>
  );
}
