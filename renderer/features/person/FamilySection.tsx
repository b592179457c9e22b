import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FamilyMember, FamilyRelation, PersonDetail, SeminarParticipation } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { RELATION_CODES, SEMINAR_CODES } from '../people/codes';
import { CheckboxField, SelectField, TextAreaField } from '../people/fields';
import { isKana } from '../people/personFormat';
import { focusNamed, useFormErrors } from '../people/useFormErrors';
import { usePersonMutation } from './queries';

const FIELDS = ['name', 'nameKana', 'relation', 'contact', 'seminarParticipation', 'notes'] as const;

function FamilyDialog({
  superviseeId,
  member,
  onClose,
  onSaved,
}: {
  superviseeId: string;
  member: FamilyMember | null;
  onClose: () => void;
  onSaved: (m: FamilyMember) => void;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [s, setS] = useState({
    name: member?.name ?? '',
    nameKana: member?.nameKana ?? '',
    relation: (member?.relation ?? '') as FamilyRelation | '',
    isGuarantor: member?.isGuarantor ?? false,
    contact: member?.contact ?? '',
    seminarParticipation: (member?.seminarParticipation ?? 'none') as SeminarParticipation,
    guardianInstructed: member?.guardianInstructed ?? false,
    notes: member?.notes ?? '',
  });
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(FIELDS);
  const save = usePersonMutation('family.save', superviseeId);
  function set<K extends keyof typeof s>(key: K) {
    return (v: (typeof s)[K]) => {
      setS((prev) => ({ ...prev, [key]: v }));
      clear(key);
    };
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!s.name.trim()) next.name = t('family.nameRequired');
    if (!isKana(s.nameKana)) next.nameKana = t('peopleErrors.kanaOnly');
    if (!s.relation) next.relation = t('family.relationRequired');
    const first = setClientErrors(next);
    if (first) return focusNamed(formRef.current, first);
    save.mutate(
      {
        superviseeId,
        ...(member ? { id: member.id } : {}),
        name: s.name.trim(),
        nameKana: s.nameKana.trim(),
        relation: s.relation as FamilyRelation,
        isGuarantor: s.isGuarantor,
        contact: s.contact.trim(),
        seminarParticipation: s.seminarParticipation,
        guardianInstructed: s.guardianInstructed,
        notes: s.notes.trim(),
      },
      { onSuccess: onSaved, onError: (error) => focusNamed(formRef.current, setServerError(error)) },
    );
  }

  return (
    <Dialog title={member ? t('family.editTitle', { name: member.name }) : t('family.addTitle')} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        <div className="grid-2">
          <TextField name="name" label={t('family.name')} value={s.name} onChange={set('name')} error={errors.name} required maxLength={80} autoFocus />
          <TextField name="nameKana" label={t('family.nameKana')} value={s.nameKana} onChange={set('nameKana')} error={errors.nameKana} maxLength={80} />
          <SelectField
            name="relation"
            label={t('family.relation')}
            required
            placeholder={t('intake.choose')}
            value={s.relation}
            onChange={(v) => set('relation')(v as FamilyRelation)}
            options={RELATION_CODES.map((c) => ({ value: c, label: t(`peopleCodes.relation.${c}`) }))}
            error={errors.relation}
          />
          <TextField name="contact" label={t('family.contact')} value={s.contact} onChange={set('contact')} error={errors.contact} maxLength={200} />
          <SelectField
            name="seminarParticipation"
            label={t('family.seminar')}
            hint={t('family.seminarHint')}
            value={s.seminarParticipation}
            onChange={(v) => set('seminarParticipation')(v as SeminarParticipation)}
            options={SEMINAR_CODES.map((c) => ({ value: c, label: t(`peopleCodes.seminar.${c}`) }))}
            error={errors.seminarParticipation}
          />
        </div>
        <CheckboxField label={t('family.isGuarantor')} checked={s.isGuarantor} onChange={set('isGuarantor')} />
        <CheckboxField
          label={t('family.guardianInstructed')}
          hint={t('family.guardianInstructedHint')}
          checked={s.guardianInstructed}
          onChange={set('guardianInstructed')}
        />
        <TextAreaField name="notes" label={t('family.notes')} value={s.notes} onChange={set('notes')} error={errors.notes} maxLength={2000} rows={2} />
        <ErrorAlert>{formError}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Family members and the guarantor (引受人・家族), with seminar participation. */
export function FamilySection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<FamilyMember | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const family = person.family;
  return (
    <section className="card" aria-labelledby="overview-family">
      <div className="card-heading">
        <h2 id="overview-family">{t('family.title')}</h2>
        <button type="button" className="button-secondary" onClick={() => setEditing('new')}>
          {t('family.add')}
        </button>
      </div>
      <StatusNotice>{notice}</StatusNotice>
      {family.length === 0 ? (
        <p className="muted">{t('family.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('family.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('family.name')}</th>
                <th scope="col">{t('family.relation')}</th>
                <th scope="col">{t('family.contact')}</th>
                <th scope="col">{t('family.seminar')}</th>
                <th scope="col">{t('family.notes')}</th>
                <th scope="col" className="col-actions">
                  {t('vpos.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {family.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    {m.nameKana ? <span className="sub">{m.nameKana}</span> : null}
                  </th>
                  <td>
                    {t(`peopleCodes.relation.${m.relation}`)}
                    {m.isGuarantor ? <span className="badge badge-info">{t('family.guarantor')}</span> : null}
                  </td>
                  <td>{m.contact || <span className="muted">{t('common.none')}</span>}</td>
                  <td>
                    {t(`peopleCodes.seminar.${m.seminarParticipation}`)}
                    {m.guardianInstructed ? <span className="sub">{t('family.guardianInstructedShort')}</span> : null}
                  </td>
                  <td className="cell-notes">{m.notes || <span className="muted">{t('common.none')}</span>}</td>
                  <td className="col-actions">
                    <button type="button" className="button-small" aria-label={`${t('person.edit')}: ${m.name}`} onClick={() => setEditing(m)}>
                      {t('person.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <FamilyDialog
          superviseeId={person.person.id}
          member={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setNotice(editing === 'new' ? t('family.added', { name: m.name }) : t('family.saved', { name: m.name }));
            setEditing(null);
          }}
        />
      ) : null}
    </section>
  );
}
