import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../db/contract';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { OfficerSelect, VpoSelect } from '../people/AssignFields';
import { BackButton } from '../people/BackButton';
import { CaseFields } from '../people/CaseFields';
import { ErrorCount, FormActions } from '../people/FormParts';
import { buildCase, CASE_FORM_FIELDS, checkCase, EMPTY_CASE_FORM, type CaseFormState } from '../people/caseForm';
import { kanaName, kanjiName, todayInJapan } from '../people/personFormat';
import { focusNamed, useFormErrors, useFormSetter } from '../people/useFormErrors';
import { useNavigation } from '../shell/pages';
import { usePerson, usePersonMutation } from './queries';

const FIELDS = ['officerId', 'vpoId', ...CASE_FORM_FIELDS] as const;

/** 新しい事件: a new case (a new sentence, a new parole) for a person already registered. */
export function OpenCasePage({ superviseeId }: { superviseeId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const person = usePerson(superviseeId);
  if (person.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (person.isError) {
    return (
      <>
        <BackButton />
        <h1 tabIndex={-1}>{t('openCase.title')}</h1>
        <ErrorAlert>{isApiError(person.error, 'NOT_FOUND') ? t('person.notFound') : errorText(person.error)}</ErrorAlert>
      </>
    );
  }
  return <OpenCaseForm detail={person.data} />;
}

function OpenCaseForm({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { navigate, back } = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayInJapan();
  const p = detail.person;
  const [s, setState] = useState<CaseFormState>(EMPTY_CASE_FORM);
  const [officerId, setOfficerId] = useState(p.officerId ?? '');
  const [vpoId, setVpoId] = useState(p.vpoId ?? '');
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(FIELDS);
  const set = useFormSetter(setState, clear);
  const open = usePersonMutation('cases.open', p.id);
  const running = detail.cases.filter((c) => c.status !== 'terminated');

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkCase(s);
    const first = setClientErrors(Object.fromEntries(Object.entries(found).map(([f, key]) => [f, t(key)])));
    if (first) return focusNamed(formRef.current, first);
    open.mutate(
      {
        superviseeId: p.id,
        ...buildCase(s),
        // Only a change is sent: the service keeps the person's officer and VPO otherwise.
        ...(officerId && officerId !== p.officerId ? { officerId } : {}),
        ...(vpoId !== (p.vpoId ?? '') ? { vpoId: vpoId || null } : {}),
      },
      {
        onSuccess: (kase) => {
          // The person page comes back showing the new case, in place of the one this page was opened from.
          back();
          navigate({ page: 'person', superviseeId: p.id, caseId: kase.id, tab: 'case', notice: 'caseOpened' }, { replace: true });
        },
        onError: (error) => {
          const d = isApiError(error, 'OVERLAP') ? error.details : undefined;
          const field = d?.field;
          if (!d || typeof field !== 'string' || !FIELDS.includes(field as (typeof FIELDS)[number])) {
            return focusNamed(formRef.current, setServerError(error));
          }
          const end = typeof d.endDate === 'string' ? formatDate(d.endDate, style) : t('openCase.endUnknown');
          const message = t('openCase.overlap', { caseNumber: String(d.caseNumber), start: formatDate(String(d.startDate), style), end });
          focusNamed(formRef.current, setClientErrors({ [field]: message }));
        },
      },
    );
  }

  return (
    <>
      <BackButton />
      <PageHeading>{t('openCase.title')}</PageHeading>
      <p className="open-case-person">
        <span lang="ja">{kanjiName(p)}</span>
        <span className="muted" lang="ja">
          {' '}
          （{kanaName(p)}）
        </span>
      </p>
      <p className="lead">{t('openCase.intro')}</p>
      {running.length > 0 ? (
        <p className="hint open-case-running">
          {t('openCase.running', {
            cases: running
              .map((c) => (c.plannedEndDate ? t('openCase.runningCase', { caseNumber: c.caseNumber, end: formatDate(c.plannedEndDate, style) }) : c.caseNumber))
              .join(t('personHistory.separator')),
          })}
        </p>
      ) : null}
      <form ref={formRef} onSubmit={submit} noValidate className="intake-form">
        <ErrorCount n={Object.keys(errors).length} />
        <section className="card" aria-labelledby="open-case-assign">
          <h2 id="open-case-assign">{t('intake.assignSection')}</h2>
          <div className="grid-2">
            <OfficerSelect
              value={officerId}
              onChange={(v) => {
                setOfficerId(v);
                clear('officerId');
              }}
              error={errors.officerId ?? null}
              currentName={p.officerId ? (detail.officer?.displayName ?? null) : undefined}
              hint={t('openCase.assignHint')}
            />
            <VpoSelect
              value={vpoId}
              onChange={(v) => {
                setVpoId(v);
                clear('vpoId');
              }}
              error={errors.vpoId ?? null}
            />
          </div>
        </section>
        <CaseFields state={s} set={set} errors={errors} today={today} />
        <FormActions formError={formError} busy={open.isPending} submitLabel={t('openCase.submit')} onCancel={back} />
      </form>
    </>
  );
}
