import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { useErrorText } from '../../i18n/useFormat';
import { BackButton } from '../people/BackButton';
import { SelectField } from '../people/fields';
import { useSession } from '../session/SessionContext';
import { useNavigation } from '../shell/pages';
import { PersonHeader } from './PersonHeader';
import { usePerson } from './queries';
import { TabList } from './TabList';
import { PERSON_TABS } from './tabs';

/** One screen per supervisee: who they are, their case, and a tab for each part of the casework. */
export function PersonPage({
  superviseeId,
  tab,
  notice,
  caseId: initialCaseId,
}: {
  superviseeId: string;
  tab?: string | undefined;
  notice?: string | undefined;
  caseId?: string | undefined;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const role = useSession().status.user.role;
  const idBase = useId();
  const { navigate } = useNavigation();
  const person = usePerson(superviseeId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tabs = PERSON_TABS.filter((x) => !x.roles || x.roles.includes(role));
  const [selected, setSelected] = useState(tabs.some((x) => x.id === tab) ? tab! : (tabs[0]?.id ?? ''));
  const [caseId, setCaseId] = useState<string | null>(initialCaseId ?? null);
  // "Registered" (or "case opened") is said once: it goes when the officer moves on to another tab.
  const [created, setCreated] = useState(notice === 'created' || notice === 'caseOpened');
  const loaded = person.data !== undefined;

  // Before paint, like PageHeading: a key pressed as soon as the name shows is not lost.
  useLayoutEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (person.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (person.isError) {
    return (
      <>
        <BackButton />
        <h1 tabIndex={-1}>{t('person.notFoundTitle')}</h1>
        <ErrorAlert>{isApiError(person.error, 'NOT_FOUND') ? t('person.notFound') : errorText(person.error)}</ErrorAlert>
      </>
    );
  }
  const detail = person.data;
  const kase = detail.cases.find((c) => c.id === caseId) ?? detail.cases[0] ?? null;
  const current = tabs.find((x) => x.id === selected) ?? tabs[0];
  const Panel = current?.component;

  return (
    <div className="person-page">
      <BackButton />
      <PersonHeader person={detail} kase={kase} headingRef={headingRef} />
      <StatusNotice>{created ? t(notice === 'caseOpened' ? 'openCase.opened' : 'person.created', { caseNumber: kase?.caseNumber }) : null}</StatusNotice>
      <div className="person-case-actions">
        <button type="button" className="button-secondary" onClick={() => navigate({ page: 'openCase', superviseeId })}>
          {t('openCase.action')}
        </button>
      </div>
      {detail.cases.length > 1 && kase ? (
        <div className="case-picker">
          <SelectField
            label={t('person.chooseCase')}
            value={kase.id}
            onChange={setCaseId}
            options={detail.cases.map((c) => ({
              value: c.id,
              label: `${c.caseNumber}（${t(`peopleCodes.status.${c.status}`)}）`,
            }))}
          />
        </div>
      ) : null}
      {kase && current && Panel ? (
        <>
          <TabList
            tabs={tabs.map((x) => ({ id: x.id, label: t(x.labelKey) }))}
            selected={current.id}
            onSelect={(id) => {
              setSelected(id);
              setCreated(false);
            }}
            idBase={idBase}
            label={t('person.tabsLabel')}
          />
          <div
            role="tabpanel"
            id={`${idBase}-panel-${current.id}`}
            aria-labelledby={`${idBase}-tab-${current.id}`}
            className="tabpanel"
          >
            <Panel key={`${current.id}-${kase.id}`} person={detail} caseId={kase.id} />
          </div>
        </>
      ) : (
        <EmptyState title={t('person.noCaseTitle')}>
          <p>{t('person.noCase')}</p>
        </EmptyState>
      )}
    </div>
  );
}
