import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facility, FacilityKind } from '../../../db/contract';
import { FACILITY_KIND_OPTIONS } from './model';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { CheckboxField, SelectField } from '../contacts/controls';
import { useFormErrors } from '../contacts/useFormErrors';
import { useSaveFacility } from './queries';

type FieldName = 'name' | 'kind' | 'capacity' | 'address' | 'phone';
const ORDER: readonly FieldName[] = ['name', 'kind', 'capacity', 'address', 'phone'];
const SERVICE_FIELDS: Record<string, FieldName> = { name: 'name', kind: 'kind', capacity: 'capacity', address: 'address', phone: 'phone' };

/** Adds a facility to the directory, or edits one. */
export function FacilityDialog({ facility, onClose, onSaved }: { facility: Facility | null; onClose: () => void; onSaved: (f: Facility) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(facility?.name ?? '');
  const [kind, setKind] = useState<FacilityKind>(facility?.kind ?? 'rehabilitation_facility');
  const [capacity, setCapacity] = useState(facility ? String(facility.capacity) : '');
  const [address, setAddress] = useState(facility?.address ?? '');
  const [phone, setPhone] = useState(facility?.phone ?? '');
  const [drugFocused, setDrugFocused] = useState(facility?.drugFocused ?? false);
  const [active, setActive] = useState(facility?.active ?? true);
  const errors = useFormErrors(ORDER, SERVICE_FIELDS);
  const save = useSaveFacility();

  function submit(e: FormEvent) {
    e.preventDefault();
    const cap = Number(capacity.normalize('NFKC').trim());
    const next: Partial<Record<FieldName, string>> = {};
    if (!name.trim()) next.name = t('families.facilities.nameRequired');
    if (capacity.trim() === '' || !Number.isInteger(cap) || cap < 0 || cap > 1000) next.capacity = t('families.facilities.capacityInvalid');
    if (!errors.check(next)) return;
    save.mutate(
      { ...(facility ? { id: facility.id } : {}), name: name.trim(), kind, capacity: cap, address: address.trim(), phone: phone.trim(), drugFocused, active },
      { onSuccess: onSaved, onError: errors.fail },
    );
  }

  const bind = (field: FieldName, set: (v: string) => void) => (v: string) => {
    set(v);
    errors.clear(field);
  };

  return (
    <Dialog title={facility ? t('families.facilities.editTitle', { name: facility.name }) : t('families.facilities.addTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <div className="grid-2">
          <TextField ref={errors.register('name')} label={t('families.facilities.name')} value={name} onChange={bind('name', setName)} error={errors.errorOf('name')} required maxLength={120} autoFocus />
          <SelectField<FacilityKind>
            ref={errors.register('kind')}
            label={t('families.facilities.kind')}
            value={kind}
            onChange={setKind}
            options={FACILITY_KIND_OPTIONS.map((k) => ({ value: k, label: t(`families.facilityKinds.${k}`) }))}
            error={errors.errorOf('kind')}
            required
          />
          <TextField
            ref={errors.register('capacity')}
            label={t('families.facilities.capacity')}
            value={capacity}
            onChange={bind('capacity', setCapacity)}
            error={errors.errorOf('capacity')}
            hint={t('families.facilities.capacityHint')}
            inputMode="numeric"
            className="field-narrow"
            required
            maxLength={4}
          />
          <TextField ref={errors.register('phone')} label={t('families.facilities.phone')} value={phone} onChange={bind('phone', setPhone)} error={errors.errorOf('phone')} inputMode="tel" maxLength={40} />
          <TextField ref={errors.register('address')} className="span-2" label={t('families.facilities.address')} value={address} onChange={bind('address', setAddress)} error={errors.errorOf('address')} maxLength={200} />
        </div>
        <CheckboxField label={t('families.facilities.drugFocusedLabel')} checked={drugFocused} onChange={setDrugFocused} hint={t('families.facilities.drugFocusedHint')} />
        <CheckboxField label={t('families.facilities.activeLabel')} checked={active} onChange={setActive} hint={t('families.facilities.activeHint')} />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : facility ? t('common.save') : t('families.facilities.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
