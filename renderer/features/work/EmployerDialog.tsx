import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employer } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { TextAreaField } from '../contacts/controls';
import { CheckboxField } from '../people/fields';
import { isKana } from '../people/personFormat';
import { parseCount } from './codes';
import { useFieldErrors } from './formErrors';
import { useSaveEmployer } from './queries';

type F = 'name' | 'nameKana' | 'industry' | 'municipality' | 'address' | 'contactName' | 'phone' | 'capacity' | 'notes';
const ORDER: readonly F[] = ['name', 'nameKana', 'industry', 'municipality', 'address', 'contactName', 'phone', 'capacity', 'notes'];
const SERVICE: Record<string, F> = Object.fromEntries(ORDER.map((f) => [f, f]));
const MESSAGES = { 'VALIDATION:name': 'employers.nameRequired', 'VALIDATION:nameKana': 'employers.kanaOnly', 'VALIDATION:capacity': 'employers.capacityInvalid' };

/** Registers a cooperating employer (協力雇用主), or edits one. */
export function EmployerDialog({ employer, onClose, onSaved }: { employer: Employer | null; onClose: () => void; onSaved: (e: Employer) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    name: employer?.name ?? '',
    nameKana: employer?.nameKana ?? '',
    industry: employer?.industry ?? '',
    municipality: employer?.municipality ?? '',
    address: employer?.address ?? '',
    contactName: employer?.contactName ?? '',
    phone: employer?.phone ?? '',
    capacity: employer ? String(employer.capacity) : '1',
    notes: employer?.notes ?? '',
  });
  const [accepts, setAccepts] = useState(employer?.acceptsDrugOffences ?? true);
  const [active, setActive] = useState(employer?.active ?? true);
  const errors = useFieldErrors(ORDER, SERVICE, MESSAGES);
  const save = useSaveEmployer();

  const text = (f: Exclude<F, 'notes'>, opts: { required?: boolean; max: number; hint?: string; inputMode?: 'tel' | 'numeric' }) => (
    <TextField
      ref={errors.register(f)}
      label={t(`employers.${f}`)}
      value={v[f]}
      onChange={(x) => {
        setV((s) => ({ ...s, [f]: x }));
        errors.clear(f);
      }}
      error={errors.errorOf(f)}
      required={opts.required}
      maxLength={opts.max}
      hint={opts.hint}
      inputMode={opts.inputMode}
      autoComplete="off"
      autoFocus={f === 'name'}
    />
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<F, string>> = {};
    const capacity = parseCount(v.capacity);
    if (!v.name.trim()) next.name = t('employers.nameRequired');
    if (!isKana(v.nameKana)) next.nameKana = t('employers.kanaOnly');
    if (capacity === null) next.capacity = t('employers.capacityInvalid');
    if (!errors.check(next) || capacity === null) return;
    save.mutate(
      {
        ...(employer ? { id: employer.id } : {}),
        name: v.name.trim(),
        nameKana: v.nameKana.trim(),
        industry: v.industry.trim(),
        municipality: v.municipality.trim(),
        address: v.address.trim(),
        contactName: v.contactName.trim(),
        phone: v.phone.trim(),
        capacity,
        acceptsDrugOffences: accepts,
        active,
        notes: v.notes.trim(),
      },
      { onSuccess: onSaved, onError: errors.fail },
    );
  }

  return (
    <Dialog title={employer ? t('employers.editTitle', { name: employer.name }) : t('employers.addTitle')} onClose={onClose}>
      <form className="stack work-dialog" noValidate onSubmit={submit}>
        <div className="grid-2">
          {text('name', { required: true, max: 120 })}
          {text('nameKana', { max: 80 })}
          {text('industry', { max: 80 })}
          {text('municipality', { max: 80 })}
          {text('address', { max: 200 })}
          {text('contactName', { max: 80 })}
          {text('phone', { max: 40, inputMode: 'tel' })}
          {text('capacity', { max: 5, inputMode: 'numeric' })}
        </div>
        <CheckboxField label={t('employers.acceptsDrugLabel')} checked={accepts} onChange={setAccepts} />
        <CheckboxField label={t('employers.activeLabel')} checked={active} onChange={setActive} />
        <TextAreaField
          ref={errors.register('notes')}
          label={t('employers.notes')}
          value={v.notes}
          onChange={(x) => setV((s) => ({ ...s, notes: x }))}
          rows={2}
          maxLength={2000}
          error={errors.errorOf('notes')}
        />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : employer ? t('common.save') : t('employers.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
