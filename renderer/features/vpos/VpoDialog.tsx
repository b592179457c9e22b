import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vpo } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { CheckboxField } from '../people/fields';
import { isKana } from '../people/personFormat';
import { focusNamed, useFormErrors } from '../people/useFormErrors';
import { useSaveVpo } from './queries';

const FIELDS = ['name', 'nameKana', 'district', 'phone'] as const;

/** Registers a volunteer probation officer (保護司), or edits one. */
export function VpoDialog({ vpo, onClose, onSaved }: { vpo: Vpo | null; onClose: () => void; onSaved: (vpo: Vpo) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(vpo?.name ?? '');
  const [nameKana, setNameKana] = useState(vpo?.nameKana ?? '');
  const [district, setDistrict] = useState(vpo?.district ?? '');
  const [phone, setPhone] = useState(vpo?.phone ?? '');
  const [active, setActive] = useState(vpo?.active ?? true);
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(FIELDS);
  const save = useSaveVpo();

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('vpos.nameRequired');
    if (!isKana(nameKana)) next.nameKana = t('peopleErrors.kanaOnly');
    const first = setClientErrors(next);
    if (first) return focusNamed(formRef.current, first);
    save.mutate(
      { ...(vpo ? { id: vpo.id } : {}), name: name.trim(), nameKana: nameKana.trim(), district: district.trim(), phone: phone.trim(), active },
      {
        onSuccess: (saved) => onSaved(saved),
        onError: (err) => focusNamed(formRef.current, setServerError(err)),
      },
    );
  }

  const bind = (field: string, set: (v: string) => void) => (v: string) => {
    set(v);
    clear(field);
  };

  return (
    <Dialog title={vpo ? t('vpos.editTitle', { name: vpo.name }) : t('vpos.addTitle')} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        <div className="grid-2">
          <TextField name="name" label={t('vpos.name')} value={name} onChange={bind('name', setName)} error={errors.name} required maxLength={80} autoFocus />
          <TextField name="nameKana" label={t('vpos.nameKana')} value={nameKana} onChange={bind('nameKana', setNameKana)} error={errors.nameKana} maxLength={80} />
          <TextField name="district" label={t('vpos.district')} value={district} onChange={bind('district', setDistrict)} error={errors.district} hint={t('vpos.districtHint')} maxLength={80} />
          <TextField name="phone" label={t('vpos.phone')} value={phone} onChange={bind('phone', setPhone)} error={errors.phone} maxLength={40} inputMode="tel" />
        </div>
        <CheckboxField label={t('vpos.activeLabel')} checked={active} onChange={setActive} hint={t('vpos.activeHint')} />
        <ErrorAlert>{formError}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : vpo ? t('common.save') : t('vpos.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
