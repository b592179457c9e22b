import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { JUVENILE_TERM_CODES, type JuvenileTerm } from './codes';
import { CheckboxField, DateField, SelectField } from './fields';
import type { CaseFormState } from './caseForm';

export type CaseFormSetter = <K extends keyof CaseFormState>(key: K, field?: string) => (v: CaseFormState[K]) => void;

/** The inputs the date rules need for the chosen category (号種), and nothing else. */
/** What a part of the case form gets: the state, its setter, the messages by field, and today. */
export interface CaseFormProps {
  state: CaseFormState;
  set: CaseFormSetter;
  errors: Record<string, string>;
  today: string;
}

export function RuleFields({ state: s, set, errors, today }: CaseFormProps) {
  const { t } = useTranslation();
  const err = (f: string) => errors[f] ?? null;
  const date = (key: keyof CaseFormState & string, label: string, hint?: string, max?: string) => (
    <DateField
      name={`rule.${key}`}
      label={label}
      hint={hint}
      required
      value={s[key] as string}
      onChange={set(key, `rule.${key}`) as (v: string) => void}
      error={err(`rule.${key}`)}
      {...(max ? { max } : {})}
    />
  );
  const term = (
    <div className="term-fields">
      <TextField
        name="rule.suspensionYears"
        className="field-narrow"
        label={t('intake.suspensionYears')}
        required
        value={s.suspensionYears}
        onChange={set('suspensionYears', 'rule.suspensionYears')}
        error={err('rule.suspensionYears')}
        inputMode="numeric"
        maxLength={2}
        autoComplete="off"
      />
      <TextField
        name="rule.suspensionMonths"
        className="field-narrow"
        label={t('intake.suspensionMonths')}
        value={s.suspensionMonths}
        onChange={set('suspensionMonths', 'rule.suspensionMonths')}
        error={err('rule.suspensionMonths')}
        inputMode="numeric"
        maxLength={2}
        autoComplete="off"
      />
    </div>
  );

  switch (s.category) {
    case '1':
      return (
        <div className="rule-fields grid-3">
          {date('decisionDate', t('intake.decisionDate'), undefined, today)}
          <SelectField
            name="rule.juvenileTerm"
            label={t('intake.juvenileTerm')}
            required
            value={s.juvenileTerm}
            onChange={(v) => set('juvenileTerm', 'rule.juvenileTerm')(v as JuvenileTerm)}
            options={JUVENILE_TERM_CODES.map((c) => ({ value: c, label: t(`peopleCodes.juvenileTerm.${c}`) }))}
            error={err('rule.juvenileTerm')}
          />
        </div>
      );
    case '2':
    case '5':
      return (
        <div className="rule-fields grid-3">
          {date('releaseDate', t('intake.juvenileReleaseDate'))}
          {date('endDate', t('intake.endDate'), t('intake.endDateHint'))}
        </div>
      );
    case '3':
      return (
        <div className="rule-fields grid-3">
          {date('releaseDate', t('intake.paroleDate'))}
          {date('sentenceEndDate', t('intake.sentenceEndDate'), t('intake.sentenceEndDateHint'))}
        </div>
      );
    case '4':
      return (
        <div className="rule-fields grid-3">
          {date('judgmentFinalDate', t('intake.judgmentFinalDate'), t('intake.judgmentFinalDateHint'))}
          <fieldset className="term-fieldset">
            <legend>{t('intake.suspensionTerm')}</legend>
            {term}
            <p className="hint">{t('intake.suspensionTermHint')}</p>
          </fieldset>
        </div>
      );
    case 'partial':
      return (
        <div className="rule-fields">
          <CheckboxField
            label={t('intake.paroled')}
            hint={t('intake.paroledHint')}
            checked={s.paroled}
            onChange={set('paroled', 'rule.paroleReleaseDate')}
          />
          <div className="grid-3 section-gap">
            {s.paroled ? date('paroleReleaseDate', t('intake.paroleDate')) : null}
            {date('unsuspendedEndDate', t('intake.unsuspendedEndDate'), t('intake.unsuspendedEndDateHint'))}
            <fieldset className="term-fieldset">
              <legend>{t('intake.partialTerm')}</legend>
              {term}
              <p className="hint">{t('intake.partialTermHint')}</p>
            </fieldset>
          </div>
        </div>
      );
    default:
      return <p className="hint rule-fields">{t('intake.chooseCategoryFirst')}</p>;
  }
}
