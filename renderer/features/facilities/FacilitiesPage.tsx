import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facility, FacilityKind } from '../../../db/contract';
import { FACILITY_KIND_OPTIONS } from './model';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { CheckboxField, SelectField } from '../contacts/controls';
import { FacilityDialog } from './FacilityDialog';
import { OccupancyView } from './OccupancyView';
import { useFacilities } from './queries';

/** Offenders rehabilitation facilities, self-reliance preparation homes and DARC residences, with occupancy. */
export function FacilitiesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [kind, setKind] = useState<FacilityKind | ''>('');
  const [drugOnly, setDrugOnly] = useState(false);
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const facilities = useFacilities({ activeOnly: !showInactive, ...(kind ? { kind } : {}), ...(drugOnly ? { drugFocused: true } : {}) });
  const all = useFacilities({ activeOnly: false });
  const rows = facilities.data ?? [];
  const filtered = kind !== '' || drugOnly;
  const none = t('common.none');

  return (
    <>
      <PageHeading
        actions={
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            {t('families.facilities.add')}
          </button>
        }
      >
        {t('families.facilities.title')}
      </PageHeading>
      <p className="lead">{t('families.facilities.intro')}</p>
      <StatusNotice>{notice}</StatusNotice>
      <div className="toolbar fam-toolbar">
        <SelectField<FacilityKind | ''>
          label={t('families.facilities.kind')}
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: t('families.facilities.allKinds') }, ...FACILITY_KIND_OPTIONS.map((k) => ({ value: k, label: t(`families.facilityKinds.${k}`) }))]}
        />
        <CheckboxField label={t('families.facilities.drugOnly')} checked={drugOnly} onChange={setDrugOnly} />
        <CheckboxField label={t('families.facilities.showInactive')} checked={showInactive} onChange={setShowInactive} />
      </div>
      <ErrorAlert>{facilities.isError ? errorText(facilities.error) : null}</ErrorAlert>
      {facilities.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {facilities.data && rows.length === 0 && !filtered ? (
        <EmptyState title={t('families.facilities.emptyTitle')}>
          <p>{t('families.facilities.emptyBody')}</p>
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            {t('families.facilities.add')}
          </button>
        </EmptyState>
      ) : null}
      {facilities.data && rows.length === 0 && filtered ? <p className="muted empty-line">{t('families.facilities.noMatch')}</p> : null}
      {rows.length > 0 ? (
        <section className="section" aria-labelledby="facility-list-title">
          <div className="section-heading">
            <h2 id="facility-list-title">{t('families.facilities.list')}</h2>
            <span className="muted">{t('families.count', { n: rows.length })}</span>
          </div>
          <div className="table-wrap">
            <table className="data-table fam-facility-table">
              <caption className="visually-hidden">{t('families.facilities.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('families.facilities.name')}</th>
                  <th scope="col">{t('families.facilities.kind')}</th>
                  <th scope="col" className="col-num">{t('families.facilities.capacity')}</th>
                  <th scope="col" className="col-num">{t('families.facilities.occupiedToday')}</th>
                  <th scope="col">{t('families.facilities.available')}</th>
                  <th scope="col">{t('families.facilities.phone')}</th>
                  <th scope="col" className="col-actions">{t('families.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((f) => (
                  <tr key={f.id} className={f.active ? undefined : 'row-inactive'}>
                    <th scope="row">
                      {f.name}
                      {f.address ? <span className="sub">{f.address}</span> : null}
                    </th>
                    <td>
                      {t(`families.facilityKinds.${f.kind}`)}
                      <span className="fam-tags">
                        {f.drugFocused ? <span className="pill pill-attention">{t('families.facilities.drugFocused')}</span> : null}
                        {!f.active ? <span className="pill pill-off">{t('families.facilities.inactive')}</span> : null}
                      </span>
                    </td>
                    <td className="col-num">{f.capacity}</td>
                    <td className="col-num">{f.occupiedToday}</td>
                    <td>
                      {f.available <= 0 ? (
                        <span className="pill fam-pill-full">{f.available < 0 ? t('families.facilities.over', { n: -f.available }) : t('families.facilities.full')}</span>
                      ) : (
                        <span className="pill pill-ok">{t('families.facilities.free', { n: f.available })}</span>
                      )}
                    </td>
                    <td className="nowrap">{f.phone || <span className="muted">{none}</span>}</td>
                    <td className="col-actions">
                      <button type="button" className="button-small" aria-label={`${t('families.edit')}: ${f.name}`} onClick={() => setEditing(f)}>
                        {t('families.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {all.data && all.data.length > 0 ? <OccupancyView facilities={all.data} /> : null}
      {editing ? (
        <FacilityDialog
          facility={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setNotice(t(editing === 'new' ? 'families.facilities.added' : 'families.facilities.saved', { name: saved.name }));
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
