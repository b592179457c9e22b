import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportOrg, SupportOrgKind } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { SelectField, TextAreaField } from '../contacts/controls';
import { CheckboxField } from '../people/fields';
import { useFieldErrors } from '../work/formErrors';
import { ORG_KIND_OPTIONS, useSaveOrg } from './queries';

type F = 'name' | 'kind' | 'address' | 'phone' | 'notes';
const ORDER: readonly F[] = ['name', 'kind', 'address', 'phone', 'notes'];
const SERVICE: Record<string, F> = Object.fromEntries(ORDER.map((f) => [f, f]));

/** Adds a medical institution or NGO to the directory, or edits one. */
export function OrgDialog({ org, onClose, onSaved }: { org: SupportOrg | null; onClose: () => void; onSaved: (o: SupportOrg) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(org?.name ?? '');
  const [kind, setKind] = useState<SupportOrgKind>(org?.kind ?? 'darc');
  const [address, setAddress] = useState(org?.address ?? '');
  const [phone, setPhone] = useState(org?.phone ?? '');
  const [notes, setNotes] = useState(org?.notes ?? '');
  const [active, setActive] = useState(org?.active ?? true);
  const errors = useFieldErrors(ORDER, SERVICE, { 'VALIDATION:name': 'supportLinks.orgs.nameRequired' });
  const save = useSaveOrg();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!errors.check(name.trim() ? {} : { name: t('supportLinks.orgs.nameRequired') })) return;
    save.mutate(
      { ...(org ? { id: org.id } : {}), name: name.trim(), kind, address: address.trim(), phone: phone.trim(), notes: notes.trim(), active },
      { onSuccess: onSaved, onError: errors.fail },
    );
  }

  return (
    <Dialog title={org ? t('supportLinks.orgs.editTitle', { name: org.name }) : t('supportLinks.orgs.addTitle')} onClose={onClose}>
      <form className="stack work-dialog" noValidate onSubmit={submit}>
        <div className="grid-2">
          <TextField
            ref={errors.register('name')}
            label={t('supportLinks.orgs.name')}
            value={name}
            onChange={(v) => {
              setName(v);
              errors.clear('name');
            }}
            error={errors.errorOf('name')}
            required
            maxLength={120}
            autoComplete="off"
            autoFocus
          />
          <SelectField<SupportOrgKind>
            ref={errors.register('kind')}
            label={t('supportLinks.orgs.kind')}
            value={kind}
            onChange={setKind}
            options={ORG_KIND_OPTIONS.map((k) => ({ value: k, label: t(`supportLinks.kinds.${k}`) }))}
            error={errors.errorOf('kind')}
            required
          />
          <TextField ref={errors.register('address')} label={t('supportLinks.orgs.address')} value={address} onChange={setAddress} error={errors.errorOf('address')} maxLength={200} autoComplete="off" />
          <TextField ref={errors.register('phone')} label={t('supportLinks.orgs.phone')} value={phone} onChange={setPhone} error={errors.errorOf('phone')} maxLength={40} inputMode="tel" autoComplete="off" />
        </div>
        <CheckboxField label={t('supportLinks.orgs.activeLabel')} checked={active} onChange={setActive} />
        <TextAreaField ref={errors.register('notes')} label={t('supportLinks.orgs.notes')} value={notes} onChange={setNotes} rows={2} maxLength={2000} error={errors.errorOf('notes')} />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : org ? t('common.save') : t('supportLinks.orgs.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
