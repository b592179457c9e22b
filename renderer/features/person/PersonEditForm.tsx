import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrugType, InputOf, PersonDetail, Sex } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { OfficerSelect, VpoSelect } from '../people/AssignFields';
import { DRUG_TYPE_CODES, SEX_CODES } from '../people/codes';
import { CheckboxGroup, DateField, RadioGroup, TextAreaField } from '../people/fields';
import { ageOn, isIsoDate, isKana, isRomaji, todayInJapan } from '../people/personFormat';
import { focusNamed, useFormErrors } from '../people/useFormErrors';
import { useSession } from '../session/SessionContext';
import { usePersonMutation } from './queries';

const FIELDS = [
  'familyName',
  'givenName',
  'familyKana',
  'givenKana',
  'familyRomaji',
  'givenRomaji',
  'birthDate',
  'sex',
  'phone',
  'address',
  'languageNeeds',
  'drugTypes',
  'offences',
  'priorConvictions',
  'officerId',
  'vpoId',
] as const;

/** Edits the person's own details; only what changed is written (and shows in the history). */
export function PersonEditForm({ person, onCancel, onSaved }: { person: PersonDetail; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const isAdmin = useSession().status.user.role === 'administrator';
  const formRef = useRef<HTMLFormElement>(null);
  const p = person.person;
  const [s, setS] = useState({
    familyName: p.familyName,
    givenName: p.givenName,
    familyKana: p.familyKana,
    givenKana: p.givenKana,
    familyRomaji: p.familyRomaji,
    givenRomaji: p.givenRomaji,
    birthDate: p.birthDate,
    sex: p.sex as Sex,
    phone: p.phone,
    address: p.address,
    languageNeeds: p.languageNeeds,
    drugTypes: p.drugTypes,
    offences: p.offences,
    priorConvictions: String(p.priorConvictions),
    officerId: p.officerId ?? '',
    vpoId: p.vpoId ?? '',
  });
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(FIELDS);
  const update = usePersonMutation('supervisees.update', p.id);
  const today = todayInJapan();
  const age = ageOn(s.birthDate, today);

  function set<K extends keyof typeof s>(key: K) {
    return (v: (typeof s)[K]) => {
      setS((prev) => ({ ...prev, [key]: v }));
      clear(key);
    };
  }
  const err = (f: string) => errors[f] ?? null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!s.familyName.trim()) next.familyName = t('peopleErrors.familyNameRequired');
    if (!s.familyKana.trim()) next.familyKana = t('peopleErrors.familyKanaRequired');
    else if (!isKana(s.familyKana)) next.familyKana = t('peopleErrors.kanaOnly');
    if (!isKana(s.givenKana)) next.givenKana = t('peopleErrors.kanaOnly');
    if (!isRomaji(s.familyRomaji)) next.familyRomaji = t('peopleErrors.romajiOnly');
    if (!isRomaji(s.givenRomaji)) next.givenRomaji = t('peopleErrors.romajiOnly');
    if (!isIsoDate(s.birthDate)) next.birthDate = t('peopleErrors.dateInvalid');
    else if (s.birthDate > today) next.birthDate = t('peopleErrors.birthFuture');
    if (!/^\d{1,2}$/.test(s.priorConvictions.trim())) next.priorConvictions = t('peopleErrors.priorConvictions');
    const first = setClientErrors(next);
    if (first) return focusNamed(formRef.current, first);
    const input: InputOf<'supervisees.update'> = {
      id: p.id,
      familyName: s.familyName.trim(),
      givenName: s.givenName.trim(),
      familyKana: s.familyKana.trim(),
      givenKana: s.givenKana.trim(),
      familyRomaji: s.familyRomaji.trim(),
      givenRomaji: s.givenRomaji.trim(),
      birthDate: s.birthDate,
      sex: s.sex,
      phone: s.phone.trim(),
      address: s.address.trim(),
      languageNeeds: s.languageNeeds.trim(),
      drugTypes: s.drugTypes,
      offences: s.offences.trim(),
      priorConvictions: Number(s.priorConvictions.trim()),
      vpoId: s.vpoId || null,
      // Only administrators can pick from the user list; others leave the assignment as it is.
      ...(isAdmin && s.officerId !== (p.officerId ?? '') ? { officerId: s.officerId || null } : {}),
    };
    update.mutate(input, { onSuccess: onSaved, onError: (error) => focusNamed(formRef.current, setServerError(error)) });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="stack">
      <div className="grid-3">
        <TextField name="familyName" label={t('person.familyName')} value={s.familyName} onChange={set('familyName')} error={err('familyName')} required maxLength={40} autoFocus />
        <TextField name="familyKana" label={t('person.familyKana')} value={s.familyKana} onChange={set('familyKana')} error={err('familyKana')} required maxLength={80} />
        <TextField name="familyRomaji" label={t('person.familyRomaji')} value={s.familyRomaji} onChange={set('familyRomaji')} error={err('familyRomaji')} maxLength={80} spellCheck={false} />
        <TextField name="givenName" label={t('person.givenName')} value={s.givenName} onChange={set('givenName')} error={err('givenName')} maxLength={40} />
        <TextField name="givenKana" label={t('person.givenKana')} value={s.givenKana} onChange={set('givenKana')} error={err('givenKana')} maxLength={80} />
        <TextField name="givenRomaji" label={t('person.givenRomaji')} value={s.givenRomaji} onChange={set('givenRomaji')} error={err('givenRomaji')} maxLength={80} spellCheck={false} />
        <DateField name="birthDate" label={t('person.birthDate')} value={s.birthDate} onChange={set('birthDate')} error={err('birthDate')} required max={today} hint={age === null ? undefined : t('person.age', { n: age })} />
        <RadioGroup<Sex>
          legend={t('person.sex')}
          name="sex"
          options={SEX_CODES.map((c) => ({ value: c, label: t(`peopleCodes.sex.${c}`) }))}
          value={s.sex}
          onChange={set('sex')}
          error={err('sex')}
        />
        <TextField name="phone" label={t('person.phone')} value={s.phone} onChange={set('phone')} error={err('phone')} maxLength={40} inputMode="tel" />
      </div>
      <div className="grid-2">
        <TextField name="address" label={t('person.address')} value={s.address} onChange={set('address')} error={err('address')} maxLength={200} />
        <TextField name="languageNeeds" label={t('person.languageNeeds')} value={s.languageNeeds} onChange={set('languageNeeds')} error={err('languageNeeds')} maxLength={200} />
      </div>
      <CheckboxGroup<DrugType>
        name="drugTypes"
        legend={t('person.drugTypes')}
        options={DRUG_TYPE_CODES.map((c) => ({ value: c, label: t(`peopleCodes.drug.${c}`) }))}
        value={s.drugTypes}
        onChange={set('drugTypes')}
        error={err('drugTypes')}
      />
      <div className="grid-offence">
        <TextAreaField name="offences" label={t('person.offences')} value={s.offences} onChange={set('offences')} error={err('offences')} maxLength={1000} rows={2} />
        <TextField name="priorConvictions" className="field-narrow" label={t('person.priorConvictions')} value={s.priorConvictions} onChange={set('priorConvictions')} error={err('priorConvictions')} inputMode="numeric" maxLength={2} />
      </div>
      <div className="grid-2">
        <OfficerSelect value={s.officerId} onChange={set('officerId')} error={err('officerId')} currentName={person.officer?.displayName ?? null} />
        <VpoSelect value={s.vpoId} onChange={set('vpoId')} error={err('vpoId')} />
      </div>
      <ErrorAlert>{formError}</ErrorAlert>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
