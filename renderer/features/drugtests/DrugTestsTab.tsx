import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrugTest } from '../../../db/contract';
import { isApiError } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { isFlaggedResult } from '../contacts/codes';
import type { CaseTabProps } from '../contacts/ContactsTab';
import { addDays } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { DrugTestForm } from './DrugTestForm';
import { useDrugTests } from './queries';

const FLAG_WINDOW_DAYS = 90;

/** Shown instead of the tab when the services refuse: the results exist but are withheld. */
export function RestrictedNotice({ officer }: { officer: string | null }) {
  const { t } = useTranslation();
  const who = officer ?? t('daily.drugTests.noOfficer');
  return (
    <section className="daily-restricted" aria-labelledby="drug-tests-restricted-title">
      <svg className="daily-restricted-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="5" y="11" width="14" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <div>
        <h2 id="drug-tests-restricted-title">{t('daily.drugTests.restrictedTitle')}</h2>
        <p>{t('daily.drugTests.restrictedBody', { officer: who })}</p>
        <p>{t('daily.drugTests.restrictedNotEmpty')}</p>
        <p>{t('daily.drugTests.restrictedAsk', { officer: who })}</p>
      </div>
    </section>
  );
}

function ResultPill({ test }: { test: DrugTest }) {
  const { t } = useTranslation();
  const flagged = isFlaggedResult(test.result);
  const cls = flagged ? 'pill pill-daily-flag' : test.result === 'negative' ? 'pill pill-ok' : 'pill pill-off';
  return (
    <span className={cls}>
      {flagged ? (
        <svg className="daily-flag-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M3 1v14M3 2h9l-2 3.5L12 9H3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
        </svg>
      ) : null}
      {t(`daily.drugTests.results.${test.result}`)}
    </span>
  );
}

function DrugTestTable({ tests }: { tests: readonly DrugTest[] }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (
    <div className="table-wrap">
      <table className="data-table drug-tests-table">
        <caption className="visually-hidden">{t('daily.drugTests.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('daily.drugTests.date')}</th>
            <th scope="col">{t('daily.drugTests.result')}</th>
            <th scope="col">{t('daily.drugTests.method')}</th>
            <th scope="col">{t('daily.drugTests.substances')}</th>
            <th scope="col">{t('daily.drugTests.colConsent')}</th>
            <th scope="col">{t('daily.drugTests.followUp')}</th>
          </tr>
        </thead>
        <tbody>
          {tests.map((d) => (
            <tr key={d.id} className={isFlaggedResult(d.result) ? 'row-flagged' : undefined}>
              <th scope="row" className="nowrap">
                {formatDate(d.testedOn, style)}
              </th>
              <td>
                <ResultPill test={d} />
              </td>
              <td>{t(`daily.drugTests.methods.${d.method}`)}</td>
              <td>{d.substances.map((s) => t(`daily.drugTypes.${s}`)).join(t('daily.common.listSeparator'))}</td>
              <td>{d.consent ? t('common.yes') : t('common.no')}</td>
              <td className="daily-notes-cell">{d.followUp || <span className="muted">{t('common.none')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The drug tests tab: restricted to the case's officer, supervisors and administrators. */
export function DrugTestsTab({ person, caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const { today } = useJapanNow();
  const tests = useDrugTests(caseId);
  const [notice, setNotice] = useState<string | null>(null);

  if (tests.isError && isApiError(tests.error, 'FORBIDDEN')) {
    return <RestrictedNotice officer={person.officer?.displayName ?? null} />;
  }
  if (tests.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (tests.isError) return <ErrorAlert>{errorText(tests.error)}</ErrorAlert>;

  // As on the caseload: a positive or refused test in the last 90 days (today included) flags the case.
  const since = addDays(today, -(FLAG_WINDOW_DAYS - 1));
  const flagged = tests.data.find((d) => isFlaggedResult(d.result) && d.testedOn >= since && d.testedOn <= today);
  return (
    <div className="daily-tab">
      {flagged ? (
        <div className="daily-flag-banner" role="note">
          <p className="daily-flag-banner-title">
            {t('daily.drugTests.flagTitle', {
              result: t(`daily.drugTests.results.${flagged.result}`),
              date: formatDate(flagged.testedOn, style),
            })}
          </p>
          <p>{t('daily.drugTests.flagBody')}</p>
        </div>
      ) : null}
      <DrugTestForm
        caseId={caseId}
        initialSubstances={person.person.drugTypes}
        onRecorded={(d) =>
          setNotice(
            t('daily.drugTests.recorded', {
              result: t(`daily.drugTests.results.${d.result}`),
              date: formatDate(d.testedOn, style),
            }),
          )
        }
      />
      <StatusNotice>{notice}</StatusNotice>
      <section className="section" aria-labelledby="drug-tests-title">
        <div className="section-heading">
          <h2 id="drug-tests-title">{t('daily.drugTests.listTitle')}</h2>
          <span className="muted">{t('daily.common.count', { n: tests.data.length })}</span>
        </div>
        {tests.data.length === 0 ? (
          <p className="empty-line muted">{t('daily.drugTests.empty')}</p>
        ) : (
          <DrugTestTable tests={tests.data} />
        )}
      </section>
    </div>
  );
}
