import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCategory, EmploymentStatus } from '../../../db/contract';
import { TextField } from '../../components/Field';
import { useIntensityLevels } from '../person/queries';
import { CATEGORY_CODES, EMPLOYMENT_CODES } from './codes';
import { SelectField, TextAreaField } from './fields';
import { RuleFields, type CaseFormProps } from './RuleFields';

/**
 * The case section of a form: case number, category (号種) with the inputs its date rule needs,
 * intensity level, employment at the start and the guidelines. Intake and "open a new case" use it.
 */
export function CaseFields({ state: s, set, errors, today }: CaseFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const levels = useIntensityLevels();
  const err = (f: string) => errors[f] ?? null;

  // The level starts at B (or the first level) once the contact-standards table has loaded.
  useEffect(() => {
    const list = levels.data;
    if (!list || list.length === 0 || s.intensityLevel) return;
    set('intensityLevel')(list.find((l) => l.id === 'B')?.id ?? list[0]!.id);
  }, [levels.data, s.intensityLevel, set]);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('intake.caseSection')}</h2>
      <div className="grid-3">
        <TextField name="caseNumber" className="field-mono" label={t('person.caseNumber')} hint={t('intake.caseNumberHint')} value={s.caseNumber} onChange={set('caseNumber')} error={err('caseNumber')} required maxLength={40} autoComplete="off" spellCheck={false} />
        <SelectField
          name="rule.category"
          className="span-2"
          label={t('intake.category')}
          required
          placeholder={t('intake.choose')}
          value={s.category}
          onChange={(v) => set('category', 'rule.category')(v as CaseCategory)}
          options={CATEGORY_CODES.map((c) => ({ value: c, label: t(`peopleCodes.category.${c}`) }))}
          error={err('rule.category')}
        />
      </div>
      <RuleFields state={s} set={set} errors={errors} today={today} />
      <div className="grid-3 section-gap">
        <SelectField
          name="intensityLevel"
          label={t('person.intensity')}
          hint={t('intake.intensityHint')}
          required
          value={s.intensityLevel}
          onChange={set('intensityLevel')}
          options={(levels.data ?? []).map((l) => ({ value: l.id, label: l.label }))}
          error={err('intensityLevel')}
        />
        <SelectField
          name="employmentAtStart"
          label={t('person.employmentAtStart')}
          placeholder={t('intake.notKnownYet')}
          value={s.employmentAtStart}
          onChange={(v) => set('employmentAtStart')(v as EmploymentStatus | '')}
          options={EMPLOYMENT_CODES.map((c) => ({ value: c, label: t(`peopleCodes.employment.${c}`) }))}
          error={err('employmentAtStart')}
        />
      </div>
      <TextAreaField className="section-gap" name="guidelines" label={t('person.guidelines')} hint={t('person.guidelinesHint')} value={s.guidelines} onChange={set('guidelines')} error={err('guidelines')} maxLength={4000} rows={2} />
      <p className="hint section-gap">{t('intake.phasesAfterSave')}</p>
    </section>
  );
}
