import { useTranslation } from 'react-i18next';
import { LiveDateField } from './DateFields';
import { addMonths } from './japanDates';

/** Previous / next / this month, and a month field to jump anywhere. */
export function MonthSwitcher({ month, current, onChange }: { month: string; current: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="month-switcher" role="group" aria-label={t('daily.standard.monthSwitcher')}>
      <button type="button" className="button-small" onClick={() => onChange(addMonths(month, -1))}>
        <span aria-hidden="true">‹ </span>
        {t('daily.standard.prev')}
      </button>
      <LiveDateField kind="month" className="daily-field-inline" label={t('daily.standard.month')} value={month} onValue={onChange} />
      <button type="button" className="button-small" onClick={() => onChange(addMonths(month, 1))}>
        {t('daily.standard.next')}
        <span aria-hidden="true"> ›</span>
      </button>
      <button type="button" className="button-small" onClick={() => onChange(current)} disabled={month === current}>
        {t('daily.standard.current')}
      </button>
    </div>
  );
}
