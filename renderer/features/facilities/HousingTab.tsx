import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExitDestination, Placement } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { SelectField, TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useFormErrors } from '../contacts/useFormErrors';
import { useJapanNow } from '../contacts/useJapanNow';
import type { PersonTabProps } from '../person/types';
import { EXIT_DESTINATION_OPTIONS, overCapacityOf, type OverCapacity } from './model';
import { useCreatePlacement, useEndPlacement, useFacilities, usePlacements } from './queries';

type PlaceField = 'facility' | 'start' | 'plannedEnd';
const PLACE_ORDER: readonly PlaceField[] = ['facility', 'start', 'plannedEnd'];
const PLACE_SERVICE: Record<string, PlaceField> = { facilityId: 'facility', startedOn: 'start', plannedEndOn: 'plannedEnd' };

function PlacementForm({ caseId, onPlaced }: { caseId: string; onPlaced: (p: Placement) => void }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { today } = useJapanNow();
  const facilities = useFacilities({ activeOnly: true });
  const [facilityId, setFacilityId] = useState('');
  const [start, setStart] = useState<string | null>(null);
  const [plannedEnd, setPlannedEnd] = useState('');
  const [warning, setWarning] = useState<OverCapacity | null>(null);
  const errors = useFormErrors(PLACE_ORDER, PLACE_SERVICE);
  const create = useCreatePlacement();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const shownStart = start ?? today;
  const list = facilities.data ?? [];
  const chosen = list.find((f) => f.id === facilityId);

  function send(confirmOverCapacity: boolean) {
    const startedOn = parseDateText(shownStart);
    const end = plannedEnd.trim() === '' ? null : parseDateText(plannedEnd);
    const next: Partial<Record<PlaceField, string>> = {};
    if (!facilityId) next.facility = t('families.housing.facilityRequired');
    if (!startedOn) next.start = t('daily.common.dateInvalid');
    if (plannedEnd.trim() !== '' && !end) next.plannedEnd = t('daily.common.dateInvalid');
    if (!errors.check(next) || !startedOn) return;
    create.mutate(
      { caseId, facilityId, startedOn, ...(end ? { plannedEndOn: end } : {}), confirmOverCapacity },
      {
        onSuccess: (p) => {
          setWarning(null);
          setFacilityId('');
          setStart(null);
          setPlannedEnd('');
          onPlaced(p);
        },
        onError: (err) => {
          const full = overCapacityOf(err);
          if (full && !confirmOverCapacity) {
            setWarning(full);
            return;
          }
          setWarning(null);
          errors.fail(err);
        },
      },
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    send(false);
  }

  const facilityLabel = (f: (typeof list)[number]) =>
    t('families.housing.facilityOption', { name: f.name, kind: t(`families.facilityKinds.${f.kind}`), occupied: f.occupiedToday, capacity: f.capacity });
  const registerFacility = errors.register('facility');
  const facilityEl = useRef<HTMLSelectElement | null>(null);

  return (
    <section className="card" aria-labelledby="placement-form-title">
      <h2 id="placement-form-title">{t('families.housing.formTitle')}</h2>
      {facilities.data && list.length === 0 ? <p className="muted">{t('families.housing.noFacilities')}</p> : null}
      <form onSubmit={submit} noValidate className="stack">
        <div className="daily-grid fam-place-grid">
          <SelectField<string>
            ref={(el) => {
              facilityEl.current = el;
              registerFacility(el);
            }}
            className="daily-span-2"
            label={t('families.housing.facility')}
            value={facilityId}
            onChange={(v) => {
              setFacilityId(v);
              setWarning(null);
              errors.clear('facility');
            }}
            options={[{ value: '', label: t('families.housing.chooseFacility') }, ...list.map((f) => ({ value: f.id, label: facilityLabel(f) }))]}
            error={errors.errorOf('facility')}
            required
          />
          <DateTextField
            ref={errors.register('start')}
            kind="date"
            label={t('families.housing.start')}
            value={shownStart}
            onChange={(v) => {
              setStart(v);
              setWarning(null);
              errors.clear('start');
            }}
            error={errors.errorOf('start')}
            required
          />
          <DateTextField
            ref={errors.register('plannedEnd')}
            kind="date"
            label={t('families.housing.plannedEnd')}
            value={plannedEnd}
            onChange={(v) => {
              setPlannedEnd(v);
              setWarning(null);
              errors.clear('plannedEnd');
            }}
            error={errors.errorOf('plannedEnd')}
          />
        </div>
        {warning ? (
          <div className="alert alert-warning fam-capacity-warning" role="alert">
            <p className="alert-title">{t('families.housing.fullTitle')}</p>
            <p>
              {t('families.housing.fullBody', {
                name: chosen?.name ?? '',
                capacity: warning.capacity,
                occupied: warning.occupied,
                date: warning.date ? formatDate(warning.date, style) : formatDate(shownStart, style),
              })}
            </p>
            <p>{t('families.housing.fullQuestion')}</p>
            <div className="form-actions">
              <button ref={confirmRef} autoFocus type="button" className="button-primary fam-button-warn" disabled={create.isPending} onClick={() => send(true)}>
                {t('families.housing.placeAnyway')}
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setWarning(null);
                  facilityEl.current?.focus();
                }}
              >
                {t('families.housing.chooseAnother')}
              </button>
            </div>
          </div>
        ) : null}
        <ErrorAlert>{errors.general}</ErrorAlert>
        {warning ? null : (
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={create.isPending || list.length === 0}>
              {create.isPending ? t('common.saving') : t('families.housing.place')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

type EndField = 'end' | 'destination' | 'reason';
const END_ORDER: readonly EndField[] = ['end', 'destination', 'reason'];
const END_SERVICE: Record<string, EndField> = { endedOn: 'end', exitDestination: 'destination', exitReason: 'reason' };

function EndDialog({ placement, onClose, onEnded }: { placement: Placement; onClose: () => void; onEnded: (p: Placement) => void }) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [end, setEnd] = useState(today);
  const [destination, setDestination] = useState<ExitDestination | ''>('');
  const [reason, setReason] = useState('');
  const errors = useFormErrors(END_ORDER, END_SERVICE);
  const endPlacement = useEndPlacement();

  function submit(e: FormEvent) {
    e.preventDefault();
    const endedOn = parseDateText(end);
    const next: Partial<Record<EndField, string>> = {};
    if (!endedOn) next.end = t('daily.common.dateInvalid');
    if (destination === '') next.destination = t('families.housing.destinationRequired');
    if (!errors.check(next) || !endedOn || destination === '') return;
    endPlacement.mutate({ id: placement.id, endedOn, exitDestination: destination, exitReason: reason.trim() }, { onSuccess: onEnded, onError: errors.fail });
  }

  return (
    <Dialog title={t('families.housing.endTitle', { name: placement.facilityName })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <div className="grid-2">
          <DateTextField
            ref={errors.register('end')}
            kind="date"
            label={t('families.housing.actualEnd')}
            value={end}
            onChange={(v) => {
              setEnd(v);
              errors.clear('end');
            }}
            error={errors.errorOf('end')}
            required
            autoFocus
          />
          <SelectField<ExitDestination | ''>
            ref={errors.register('destination')}
            label={t('families.housing.destination')}
            value={destination}
            onChange={(v) => {
              setDestination(v);
              errors.clear('destination');
            }}
            options={[{ value: '', label: t('families.housing.chooseDestination') }, ...EXIT_DESTINATION_OPTIONS.map((d) => ({ value: d, label: t(`families.destinations.${d}`) }))]}
            error={errors.errorOf('destination')}
            required
          />
        </div>
        <TextAreaField ref={errors.register('reason')} label={t('families.housing.exitReason')} value={reason} onChange={setReason} rows={2} maxLength={1000} hint={t('families.housing.exitReasonHint')} error={errors.errorOf('reason')} />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={endPlacement.isPending}>
            {endPlacement.isPending ? t('common.saving') : t('families.housing.endSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The person page's housing tab: placements (委託) in facilities, with the over-capacity warning. */
export function HousingTab({ caseId }: PersonTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const placements = usePlacements({ caseId });
  const [notice, setNotice] = useState<string | null>(null);
  const [ending, setEnding] = useState<Placement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const none = t('common.none');
  const rows = placements.data ?? [];

  return (
    <div className="daily-tab">
      <PlacementForm
        caseId={caseId}
        onPlaced={(p) => setNotice(t('families.housing.placed', { name: p.facilityName, date: formatDate(p.startedOn, style) }))}
      />
      <StatusNotice>{notice}</StatusNotice>
      <section className="section" aria-labelledby="placements-title">
        <div className="section-heading">
          <h2 id="placements-title" ref={heading} tabIndex={-1}>
            {t('families.housing.listTitle')}
          </h2>
          {placements.data ? <span className="muted">{t('families.count', { n: rows.length })}</span> : null}
        </div>
        {placements.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        <ErrorAlert>{placements.isError ? errorText(placements.error) : null}</ErrorAlert>
        {placements.data && rows.length === 0 ? <p className="empty-line muted">{t('families.housing.empty')}</p> : null}
        {rows.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table fam-placements-table">
              <caption className="visually-hidden">{t('families.housing.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('families.housing.facility')}</th>
                  <th scope="col">{t('families.housing.start')}</th>
                  <th scope="col">{t('families.housing.plannedEnd')}</th>
                  <th scope="col">{t('families.housing.actualEnd')}</th>
                  <th scope="col">{t('families.housing.exit')}</th>
                  <th scope="col" className="col-num">{t('families.housing.stay')}</th>
                  <th scope="col" className="col-actions">{t('families.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.facilityName}
                      <span className="sub">{t(`families.facilityKinds.${p.facilityKind}`)}</span>
                    </th>
                    <td className="nowrap">{formatDate(p.startedOn, style)}</td>
                    <td className="nowrap">{p.plannedEndOn ? formatDate(p.plannedEndOn, style) : <span className="muted">{none}</span>}</td>
                    <td className="nowrap">
                      {p.endedOn ? formatDate(p.endedOn, style) : <span className="pill pill-scheduled">{t('families.housing.living')}</span>}
                    </td>
                    <td>
                      {p.exitDestination ? t(`families.destinations.${p.exitDestination}`) : <span className="muted">{none}</span>}
                      {p.exitReason ? <span className="sub">{p.exitReason}</span> : null}
                    </td>
                    <td className="col-num">{t('families.days', { n: p.stayDays })}</td>
                    <td className="col-actions">
                      {p.endedOn === null ? (
                        <button type="button" className="button-small" aria-label={`${t('families.housing.end')}: ${p.facilityName}`} onClick={() => setEnding(p)}>
                          {t('families.housing.end')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {ending ? (
        <EndDialog
          placement={ending}
          onClose={() => setEnding(null)}
          onEnded={(p) => {
            setEnding(null);
            setNotice(t('families.housing.ended', { name: p.facilityName, date: formatDate(p.endedOn ?? '', style) }));
            heading.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
