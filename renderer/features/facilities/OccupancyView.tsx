import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facility } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { SelectField } from '../contacts/controls';
import { LiveDateField } from '../contacts/DateFields';
import { formatMonth } from '../contacts/format';
import { addMonths, firstOfMonth, lastOfMonth, monthOf } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { byFacility, oneDecimal, percent, rateTone } from './model';
import { useOccupancy } from './queries';

/** Occupancy per facility per month: placements, average residents, occupancy rate and average stay. */
export function OccupancyView({ facilities }: { facilities: readonly Facility[] }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const { today } = useJapanNow();
  const thisMonth = monthOf(today);
  const [fromMonth, setFromMonth] = useState(() => addMonths(thisMonth, -5));
  const [toMonth, setToMonth] = useState(thisMonth);
  const [facilityId, setFacilityId] = useState('');
  const from = fromMonth <= toMonth ? fromMonth : toMonth;
  const to = fromMonth <= toMonth ? toMonth : fromMonth;
  const occ = useOccupancy({ from: firstOfMonth(from), to: lastOfMonth(to), ...(facilityId ? { facilityId } : {}) });
  const groups = occ.data ? byFacility(occ.data) : [];
  const none = t('common.none');

  return (
    <section className="section" aria-labelledby="occupancy-title">
      <div className="section-heading">
        <h2 id="occupancy-title">{t('families.occupancy.title')}</h2>
      </div>
      <p className="hint">{t('families.occupancy.intro')}</p>
      <div className="toolbar fam-toolbar">
        <LiveDateField kind="month" label={t('families.occupancy.from')} value={fromMonth} onValue={setFromMonth} />
        <LiveDateField kind="month" label={t('families.occupancy.to')} value={toMonth} onValue={setToMonth} />
        <SelectField<string>
          label={t('families.occupancy.facility')}
          value={facilityId}
          onChange={setFacilityId}
          options={[{ value: '', label: t('families.occupancy.allFacilities') }, ...facilities.map((f) => ({ value: f.id, label: f.name }))]}
        />
      </div>
      <ErrorAlert>{occ.isError ? errorText(occ.error) : null}</ErrorAlert>
      {occ.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {occ.data && groups.length === 0 ? <p className="muted empty-line">{t('families.occupancy.empty')}</p> : null}
      {groups.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table fam-occupancy-table">
            <caption className="visually-hidden">{t('families.occupancy.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('families.occupancy.facility')}</th>
                <th scope="col">{t('families.occupancy.month')}</th>
                <th scope="col" className="col-num">{t('families.occupancy.placements')}</th>
                <th scope="col" className="col-num">{t('families.occupancy.averageResidents')}</th>
                <th scope="col" className="col-num">{t('families.occupancy.rate')}</th>
                <th scope="col" className="col-num">{t('families.occupancy.ended')}</th>
                <th scope="col" className="col-num">{t('families.occupancy.averageStay')}</th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.facilityId} className="fam-occupancy-group">
                {g.months.map((m, i) => {
                  const tone = rateTone(m.occupancyRate);
                  return (
                    <tr key={m.month}>
                      {i === 0 ? (
                        <th scope="rowgroup" rowSpan={g.months.length} className="fam-occupancy-facility">
                          {g.facilityName}
                          <span className="sub">{t('families.occupancy.capacityNow', { n: g.capacity })}</span>
                        </th>
                      ) : null}
                      <td className="nowrap">
                        {formatMonth(m.month, style)}
                        {m.days === 0 ? <span className="sub">{t('families.occupancy.notCounted')}</span> : null}
                      </td>
                      <td className="col-num">{m.placementsActive}</td>
                      <td className="col-num">{oneDecimal(m.averageResidents)}</td>
                      <td className="col-num">
                        {m.days === 0 || m.occupancyRate === null ? (
                          <span className="muted">{none}</span>
                        ) : (
                          <span className={`fam-rate fam-rate-${tone}`}>
                            {percent(m.occupancyRate)}
                            {tone === 'full' ? <span className="visually-hidden"> {t('families.occupancy.fullNote')}</span> : null}
                          </span>
                        )}
                      </td>
                      <td className="col-num">{m.placementsEnded}</td>
                      <td className="col-num">
                        {m.averageStayDays === null ? <span className="muted">{none}</span> : t('families.days', { n: oneDecimal(m.averageStayDays) })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
      ) : null}
    </section>
  );
}
