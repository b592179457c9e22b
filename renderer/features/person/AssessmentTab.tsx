import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, CaseDetail, CfpDomain, OverallRisk } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { CFP_DOMAIN_CODES, OVERALL_RISK_CODES, RATINGS } from '../people/codes';
import { DateField, RadioGroup, SelectField, TextAreaField } from '../people/fields';
import { isIsoDate, todayInJapan } from '../people/personFormat';
import { focusNamed, useFormErrors } from '../people/useFormErrors';
import { useAssessments, useIntensityLevels, usePersonMutation } from './queries';
import type { PersonTabProps } from './types';

type Rating = '0' | '1' | '2' | '3';
type DomainState = { risk: Rating | ''; strength: Rating | ''; notes: string };
const RATING_OPTIONS = RATINGS.map((r) => ({ value: String(r) as Rating, label: String(r) }));

function initialDomains(from: Assessment | null): Record<CfpDomain, DomainState> {
  return Object.fromEntries(
    CFP_DOMAIN_CODES.map((d) => {
      const r = from?.domains[d];
      return [d, r ? { risk: String(r.risk) as Rating, strength: String(r.strength) as Rating, notes: r.notes } : { risk: '', strength: '', notes: '' }];
    }),
  ) as Record<CfpDomain, DomainState>;
}

function RecordForm({ superviseeId, kase, onRecorded }: { superviseeId: string; kase: CaseDetail; onRecorded: () => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const levels = useIntensityLevels();
  const today = todayInJapan();
  const latest = kase.latestAssessment;
  const [assessedOn, setAssessedOn] = useState(today);
  const [domains, setDomains] = useState(() => initialDomains(latest));
  const [overallRisk, setOverallRisk] = useState<OverallRisk | ''>(latest?.overallRisk ?? '');
  const [intensityLevel, setIntensity] = useState(kase.intensityLevel);
  const [notes, setNotes] = useState('');
  const fields = ['assessedOn', 'domains', 'overallRisk', 'intensityLevel', 'notes'] as const;
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(fields);
  const record = usePersonMutation('assessments.record', superviseeId);

  function setDomain(d: CfpDomain, patch: Partial<DomainState>) {
    setDomains((prev) => ({ ...prev, [d]: { ...prev[d], ...patch } }));
    clear('domains');
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!isIsoDate(assessedOn)) next.assessedOn = t('peopleErrors.dateRequired');
    const missing = CFP_DOMAIN_CODES.filter((d) => domains[d].risk === '' || domains[d].strength === '');
    if (missing.length > 0) {
      next.domains = t('assessment.ratingsMissing', { list: missing.map((d) => t(`peopleCodes.domain.${d}`)).join(t('personHistory.separator')) });
    }
    if (!overallRisk) next.overallRisk = t('assessment.overallRequired');
    if (!intensityLevel) next.intensityLevel = t('peopleErrors.levelRequired');
    const first = setClientErrors(next);
    if (first === 'domains') {
      const d = missing[0]!;
      const name = domains[d].risk === '' ? `${d}.risk` : `${d}.strength`;
      return focusNamed(formRef.current, name);
    }
    if (first) return focusNamed(formRef.current, first);
    const rated = Object.fromEntries(
      CFP_DOMAIN_CODES.map((d) => [d, { risk: Number(domains[d].risk), strength: Number(domains[d].strength), notes: domains[d].notes.trim() }]),
    ) as Record<CfpDomain, { risk: number; strength: number; notes: string }>;
    record.mutate(
      { caseId: kase.id, assessedOn, overallRisk: overallRisk as OverallRisk, intensityLevel, domains: rated, notes: notes.trim() },
      { onSuccess: onRecorded, onError: (error) => focusNamed(formRef.current, setServerError(error)) },
    );
  }

  return (
    <section className="card" aria-labelledby="assessment-record">
      <h2 id="assessment-record">{latest ? t('assessment.reassess') : t('assessment.first')}</h2>
      {latest ? <p className="hint">{t('assessment.prefilled')}</p> : null}
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        <DateField
          name="assessedOn"
          className="field-date-narrow"
          label={t('assessment.assessedOn')}
          required
          max={today}
          value={assessedOn}
          onChange={(v) => {
            setAssessedOn(v);
            clear('assessedOn');
          }}
          error={errors.assessedOn}
        />
        <div className="table-wrap">
          <table className="data-table cfp-table">
            <caption className="visually-hidden">{t('assessment.domains')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.domain')}</th>
                <th scope="col">{t('assessment.risk')}</th>
                <th scope="col">{t('assessment.strength')}</th>
                <th scope="col">{t('assessment.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {CFP_DOMAIN_CODES.map((d) => {
                const label = t(`peopleCodes.domain.${d}`);
                return (
                  <tr key={d}>
                    <th scope="row">{label}</th>
                    <td>
                      <RadioGroup<Rating>
                        legend={`${label}: ${t('assessment.risk')}`}
                        legendHidden
                        className="segmented segmented-risk"
                        name={`${d}.risk`}
                        options={RATING_OPTIONS}
                        value={domains[d].risk}
                        onChange={(v) => setDomain(d, { risk: v })}
                      />
                    </td>
                    <td>
                      <RadioGroup<Rating>
                        legend={`${label}: ${t('assessment.strength')}`}
                        legendHidden
                        className="segmented segmented-strength"
                        name={`${d}.strength`}
                        options={RATING_OPTIONS}
                        value={domains[d].strength}
                        onChange={(v) => setDomain(d, { strength: v })}
                      />
                    </td>
                    <td>
                      <input
                        type="text"
                        className="cell-input"
                        aria-label={`${label}: ${t('assessment.notes')}`}
                        value={domains[d].notes}
                        maxLength={2000}
                        onChange={(e) => setDomain(d, { notes: e.target.value })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {errors.domains ? (
          <p className="field-error" role="alert">
            {errors.domains}
          </p>
        ) : null}
        <p className="hint">{t('assessment.scale')}</p>
        <div className="grid-3">
          <RadioGroup<OverallRisk>
            legend={t('assessment.overallRisk')}
            name="overallRisk"
            required
            options={OVERALL_RISK_CODES.map((c) => ({ value: c, label: t(`peopleCodes.risk.${c}`) }))}
            value={overallRisk}
            onChange={(v) => {
              setOverallRisk(v);
              clear('overallRisk');
            }}
            error={errors.overallRisk}
          />
          <SelectField
            name="intensityLevel"
            label={t('person.intensity')}
            hint={t('assessment.intensityHint')}
            required
            value={intensityLevel}
            onChange={(v) => {
              setIntensity(v);
              clear('intensityLevel');
            }}
            options={(levels.data ?? []).map((l) => ({ value: l.id, label: l.label }))}
            error={errors.intensityLevel}
          />
        </div>
        <TextAreaField name="notes" label={t('assessment.overallNotes')} value={notes} onChange={setNotes} maxLength={4000} rows={2} />
        <ErrorAlert>{formError}</ErrorAlert>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={record.isPending}>
            {record.isPending ? t('common.saving') : t('assessment.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AssessmentHistory({ superviseeId, caseId }: { superviseeId: string; caseId: string }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const list = useAssessments(superviseeId, caseId);
  return (
    <section className="card" aria-labelledby="assessment-history">
      <h2 id="assessment-history">{t('assessment.history')}</h2>
      <ErrorAlert>{list.isError ? errorText(list.error) : null}</ErrorAlert>
      {list.data && list.data.length === 0 ? <p className="muted">{t('assessment.none')}</p> : null}
      <ul className="assessment-list">
        {(list.data ?? []).map((a, i) => {
          const risk = CFP_DOMAIN_CODES.reduce((n, d) => n + a.domains[d].risk, 0);
          const strength = CFP_DOMAIN_CODES.reduce((n, d) => n + a.domains[d].strength, 0);
          return (
            <li key={a.id}>
              <details open={i === 0}>
                <summary>
                  <strong>{formatDate(a.assessedOn, style)}</strong>
                  <span className={`badge badge-risk-${a.overallRisk}`}>
                    {t('assessment.overallRisk')}: {t(`peopleCodes.risk.${a.overallRisk}`)}
                  </span>
                  <span>
                    {t('person.intensity')}: {a.intensityLevel}
                  </span>
                  <span className="muted">{t('assessment.totals', { risk, strength })}</span>
                  {a.assessedByName ? <span className="muted">{t('assessment.by', { name: a.assessedByName })}</span> : null}
                </summary>
                <table className="data-table cfp-summary">
                  <caption className="visually-hidden">{t('assessment.domains')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('assessment.domain')}</th>
                      <th scope="col" className="col-num">
                        {t('assessment.risk')}
                      </th>
                      <th scope="col" className="col-num">
                        {t('assessment.strength')}
                      </th>
                      <th scope="col">{t('assessment.notes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {CFP_DOMAIN_CODES.map((d) => (
                      <tr key={d}>
                        <th scope="row">{t(`peopleCodes.domain.${d}`)}</th>
                        <td className="col-num">{a.domains[d].risk}</td>
                        <td className="col-num">{a.domains[d].strength}</td>
                        <td>{a.domains[d].notes || <span className="muted">{t('common.none')}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {a.notes ? <p className="prewrap">{a.notes}</p> : null}
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** CFP assessment: 8 domains rated for risk and strength, the overall risk and the intensity level. */
export function AssessmentTab({ person, caseId }: PersonTabProps) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const kase = person.cases.find((c) => c.id === caseId);
  if (!kase) return null;
  return (
    <>
      <StatusNotice>{notice}</StatusNotice>
      {kase.status !== 'terminated' ? (
        <RecordForm
          key={kase.latestAssessment?.id ?? 'first'}
          superviseeId={person.person.id}
          kase={kase}
          onRecorded={() => setNotice(t('assessment.recorded'))}
        />
      ) : null}
      <AssessmentHistory superviseeId={person.person.id} caseId={kase.id} />
    </>
  );
}
