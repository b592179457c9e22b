import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { PageHeading } from '../../components/PageHeading';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useErrorText } from '../../i18n/useFormat';
import { AccountFields, useAccountForm, useAccountProblems, type AccountField } from './AccountFields';

/** Offered on the first-run screen: this computer becomes an officer's laptop, not a new office. */
export function JoinOffer({ onJoin }: { onJoin: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="join-offer" aria-labelledby="join-offer-title">
      <div>
        <h2 id="join-offer-title">{t('join.offerTitle')}</h2>
        <p>{t('join.offerText')}</p>
      </div>
      <button type="button" className="button-secondary" onClick={onJoin}>
        {t('join.offerButton')}
      </button>
    </section>
  );
}

/**
 * A laptop's first run: a local encrypted store for the officer who will use it. The recovery code
 * is shown next, as after an office setup; enrolment with the office continues on the Sync page.
 */
export function JoinScreen({ policy, onDone, onBack }: { policy: Policy; onDone: (recoveryCode: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const min = policy.minPassphraseLength;
  const account = useAccountForm();
  const accountProblems = useAccountProblems();
  const { errors, setErrors, bind } = useFieldErrors<AccountField>();
  const join = useMutation({
    mutationFn: () => call('session.join', account.input()),
    onSuccess: (r) => onDone(r.recoveryCode),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = accountProblems(account, min);
    setErrors(next);
    const first = (Object.keys(account.refs) as AccountField[]).find((k) => next[k]);
    if (first) return account.refs[first].current?.focus();
    join.mutate();
  }

  return (
    <AuthLayout wide>
      <PageHeading>{t('join.title')}</PageHeading>
      <p className="lead">{t('join.intro')}</p>
      <form onSubmit={submit} noValidate className="stack">
        <fieldset>
          <legend>{t('join.userSection')}</legend>
          <AccountFields form={account} minLength={min} errors={errors} bind={bind} />
        </fieldset>
        <ErrorAlert>{join.isError ? errorText(join.error, { minLength: min }) : null}</ErrorAlert>
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={onBack} disabled={join.isPending}>
            {t('join.back')}
          </button>
          <button type="submit" className="button-primary" disabled={join.isPending}>
            {join.isPending ? t('join.submitting') : t('join.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
