import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrugType, Sex } from '../../../db/contract';
import { TextField } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { usePersonMutation } from '../person/queries';
import { useSession } from '../session/SessionContext';
import { useNavigation } from '../shell/pages';
import { BackButton } from './BackButton';
import { CaseFields } from './CaseFields';
import type { CaseFormSetter } from './RuleFields';
import { DRUG_TYPE_CODES, SEX_CODES } from './codes';
import { CheckboxGroup, RadioGroup, TextAreaField } from './fields';
import { ErrorCount, FormActions } from './FormParts';
import { buildIntake, checkIntake, EMPTY_INTAKE, INTAKE_FIELDS, type IntakeState } from './intake';
import { OfficerSelect, VpoSelect } from './AssignFields';
import { ageOn, isIsoDate, todayInJapan } from './personFormat';
import { focusNamed, useFormErrors, useFormSetter } from './useFormErrors';

/** 新規受理: the person, the first case with its phases, and the general conditions, in one save. */
export function IntakePage() {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { navigate, back } = useNavigation();
  const me = useSession().status.user;
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayInJapan();
  const [s, setState] = useState<IntakeState>({ ...EMPTY_INTAKE, officerId: me.id });
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(INTAKE_FIELDS);
  const create = usePersonMutation('supervisees.create', null);
  const set = useFormSetter(setState, clear);
  const err = (f: string) => errors[f] ?? null;

  const age = ageOn(s.birthDate, today);
  const birthHint = useMemo(() => {
    if (!isIsoDate(s.birthDate)) return t('intake.birthDateHint');
    const written = formatDate(s.birthDate, style);
    return age === null ? written : `${written}・${t('person.age', { n: age })}`;
  }, [age, s.birthDate, style, t]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkIntake(s, today);
    const messages = Object.fromEntries(Object.entries(found).map(([f, key]) => [f, t(key)]));
    const first = setClientErrors(messages);
    if (first) return focusNamed(formRef.current, first);
    create.mutate(buildIntake(s), {
      onSuccess: (detail) =>
        navigate({ page: 'person', superviseeId: detail.person.id, tab: 'case', notice: 'created' }, { replace: true }),
      onError: (error) => focusNamed(formRef.current, setServerError(error)),
    });
  }


  return (
    <>
      <BackButton />
      <PageHeading>{t('intake.title')}</PageHeading>
      <p className="lead">{t('intake.intro')}</p>
      <form ref={formRef} onSubmit={submit} noValidate className="intake-form">
        <ErrorCount n={Object.keys(errors).length} />

        <section className="card" aria-labelledby="intake-person">
          <h2 id="intake-person">{t('intake.personSection')}</h2>
          <div className="name-grid">
            <TextField name="familyName" label={t('person.familyName')} value={s.familyName} onChange={set('familyName')} error={err('familyName')} required maxLength={40} autoComplete="off" autoFocus />
            <TextField name="givenName" label={t('person.givenName')} value={s.givenName} onChange={set('givenName')} error={err('givenName')} maxLength={40} autoComplete="off" />
            <TextField name="familyKana" label={t('person.familyKana')} value={s.familyKana} onChange={set('familyKana')} error={err('familyKana')} required maxLength={80} autoComplete="off" />
            <TextField name="givenKana" label={t('person.givenKana')} value={s.givenKana} onChange={set('givenKana')} error={err('givenKana')} maxLength={80} autoComplete="off" />
            <TextField name="familyRomaji" label={t('person.familyRomaji')} value={s.familyRomaji} onChange={set('familyRomaji')} error={err('familyRomaji')} maxLength={80} autoComplete="off" spellCheck={false} />
            <TextField name="givenRomaji" label={t('person.givenRomaji')} value={s.givenRomaji} onChange={set('givenRomaji')} error={err('givenRomaji')} maxLength={80} autoComplete="off" spellCheck={false} />
          </div>
          <p className="hint">{t('intake.namesHint')}</p>
          <div className="grid-person section-gap">
            <div className="field">
              <label htmlFor="intake-birth">
                {t('person.birthDate')}
                <span className="required-mark"> ({t('common.required')})</span>
              </label>
              <div className="field-control">
                <input
                  id="intake-birth"
                  name="birthDate"
                  type="date"
                  value={s.birthDate}
                  max={today}
                  required
                  onChange={(e) => set('birthDate')(e.target.value)}
                  aria-invalid={err('birthDate') ? true : undefined}
                  aria-describedby="intake-birth-error intake-birth-hint"
                />
              </div>
              {err('birthDate') ? (
                <p id="intake-birth-error" className="field-error">
                  {err('birthDate')}
                </p>
              ) : null}
              <p id="intake-birth-hint" className={age === null ? 'hint' : 'hint age-hint'} aria-live="polite">
                {birthHint}
              </p>
            </div>
            <RadioGroup<Sex>
              legend={t('person.sex')}
              name="sex"
              required
              options={SEX_CODES.map((c) => ({ value: c, label: t(`peopleCodes.sex.${c}`) }))}
              value={s.sex}
              onChange={set('sex')}
              error={err('sex')}
            />
            <TextField name="phone" label={t('person.phone')} value={s.phone} onChange={set('phone')} error={err('phone')} maxLength={40} inputMode="tel" autoComplete="off" />
          </div>
          <div className="grid-2 section-gap">
            <TextField name="address" label={t('person.address')} value={s.address} onChange={set('address')} error={err('address')} maxLength={200} autoComplete="off" />
            <TextField name="languageNeeds" label={t('person.languageNeeds')} hint={t('person.languageNeedsHint')} value={s.languageNeeds} onChange={set('languageNeeds')} error={err('languageNeeds')} maxLength={200} autoComplete="off" />
          </div>
        </section>

        <section className="card" aria-labelledby="intake-offence">
          <h2 id="intake-offence">{t('intake.offenceSection')}</h2>
          <CheckboxGroup<DrugType>
            name="drugTypes"
            legend={t('person.drugTypes')}
            options={DRUG_TYPE_CODES.map((c) => ({ value: c, label: t(`peopleCodes.drug.${c}`) }))}
            value={s.drugTypes}
            onChange={set('drugTypes')}
            error={err('drugTypes')}
          />
          <div className="grid-offence section-gap">
            <TextAreaField name="offences" label={t('person.offences')} hint={t('person.offencesHint')} value={s.offences} onChange={set('offences')} error={err('offences')} maxLength={1000} rows={2} />
            <TextField name="priorConvictions" className="field-narrow" label={t('person.priorConvictions')} value={s.priorConvictions} onChange={set('priorConvictions')} error={err('priorConvictions')} inputMode="numeric" maxLength={2} autoComplete="off" />
          </div>
        </section>

        <section className="card" aria-labelledby="intake-assign">
          <h2 id="intake-assign">{t('intake.assignSection')}</h2>
          <div className="grid-2">
            <OfficerSelect value={s.officerId} onChange={set('officerId')} error={err('officerId')} />
            <VpoSelect value={s.vpoId} onChange={set('vpoId')} error={err('vpoId')} />
          </div>
        </section>

        {/* IntakeState extends CaseFormState: a case key has the same type in both. */}
        <CaseFields state={s} set={set as CaseFormSetter} errors={errors} today={today} />

        <FormActions formError={formError} busy={create.isPending} submitLabel={t('intake.submit')} onCancel={back} />
      </form>
    </>
  );
}
