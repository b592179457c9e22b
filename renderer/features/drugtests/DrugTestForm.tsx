import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrugTest, DrugTestMethod, DrugTestResult, DrugType } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { DRUG_TEST_METHOD_OPTIONS, DRUG_TEST_RESULT_OPTIONS, DRUG_TYPE_OPTIONS } from '../contacts/codes';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useFormErrors } from '../contacts/useFormErrors';
import { useJapanNow } from '../contacts/useJapanNow';
import { useRecordDrugTest } from './queries';
import { drugTestProblems, type DrugTestField as FieldName } from './validation';

const ORDER: readonly FieldName[] = ['date', 'method', 'substances', 'result', 'consent', 'followUp'];
const SERVICE_FIELDS: Record<string, FieldName> = {
  testedOn: 'date',
  method: 'method',
  substances: 'substances',
  result: 'result',
  consent: 'consent',
  followUp: 'followUp',
};

interface Props {
  caseId: string;
  /** Preselected substances: the drugs recorded for the person. */
  initialSubstances: readonly DrugType[];
  onRecorded: (test: DrugTest) => void;
}

/** Records a drug test. The result has no default: it is chosen every time. */
export function DrugTestForm({ caseId, initialSubstances, onRecorded }: Props) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [date, setDate] = useState<string | null>(null);
  const [method, setMethod] = useState<DrugTestMethod>('urine_kit');
  const [substances, setSubstances] = useState<DrugType[]>(() =>
    initialSubstances.length > 0 ? [...initialSubstances] : ['stimulants'],
  );
  const [result, setResult] = useState<DrugTestResult | null>(null);
  const [consent, setConsent] = useState(false);
  const [followUp, setFollowUp] = useState('');
  const errors = useFormErrors(ORDER, SERVICE_FIELDS);
  const record = useRecordDrugTest();
  const shownDate = date ?? today;

  function submit(e: FormEvent) {
    e.preventDefault();
    const day = parseDateText(shownDate);
    const problems = drugTestProblems({ date: day ?? shownDate, today, substances, result, consent });
    const next = Object.fromEntries(Object.entries(problems).map(([k, key]) => [k, t(key)])) as Partial<Record<FieldName, string>>;
    if (!errors.check(next) || result === null || !day) return;
    record.mutate(
      { caseId, testedOn: day, method, substances, result, consent, followUp: followUp.trim() },
      {
        onSuccess: (test) => {
          setDate(null);
          setResult(null);
          setConsent(false);
          setFollowUp('');
          onRecorded(test);
        },
        onError: errors.fail,
      },
    );
  }

  return (
    <section className="card" aria-labelledby="drug-test-form-title">
      <h2 id="drug-test-form-title">{t('daily.drugTests.formTitle')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <div className="daily-grid">
          <DateTextField
            ref={errors.register('date')}
            kind="date"
            label={t('daily.drugTests.date')}
            value={shownDate}
            onChange={(v) => {
              setDate(v);
              errors.clear('date');
            }}
            error={errors.errorOf('date')}
            required
          />
          <SelectField<DrugTestMethod>
            ref={errors.register('method')}
            label={t('daily.drugTests.method')}
            value={method}
            onChange={setMethod}
            options={DRUG_TEST_METHOD_OPTIONS.map((m) => ({ value: m, label: t(`daily.drugTests.methods.${m}`) }))}
            error={errors.errorOf('method')}
          />
        </div>
        <CheckboxGroup<DrugType>
          ref={errors.register('substances')}
          legend={t('daily.drugTests.substances')}
          className="daily-choice-inline"
          options={DRUG_TYPE_OPTIONS.map((d) => ({ value: d, label: t(`daily.drugTypes.${d}`) }))}
          values={substances}
          onChange={(v) => {
            setSubstances(v);
            errors.clear('substances');
          }}
          error={errors.errorOf('substances')}
          required
        />
        <RadioGroup<DrugTestResult>
          ref={errors.register('result')}
          legend={t('daily.drugTests.result')}
          name="drug-test-result"
          className="daily-choice-inline"
          options={DRUG_TEST_RESULT_OPTIONS.map((r) => ({ value: r, label: t(`daily.drugTests.results.${r}`) }))}
          value={result}
          onChange={(v) => {
            setResult(v);
            errors.clear('result');
            errors.clear('consent');
          }}
          error={errors.errorOf('result')}
          required
        />
        <CheckboxField
          ref={errors.register('consent')}
          label={t('daily.drugTests.consent')}
          checked={consent}
          onChange={(v) => {
            setConsent(v);
            errors.clear('consent');
          }}
          hint={t('daily.drugTests.consentHint')}
          error={errors.errorOf('consent')}
        />
        <TextAreaField
          ref={errors.register('followUp')}
          label={t('daily.drugTests.followUp')}
          value={followUp}
          onChange={setFollowUp}
          rows={2}
          maxLength={2000}
          hint={t('daily.drugTests.followUpHint')}
          error={errors.errorOf('followUp')}
        />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={record.isPending}>
            {record.isPending ? t('common.saving') : t('daily.drugTests.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
