import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { TextField } from '../../components/Field';
import { useFieldErrors } from '../../components/useFieldErrors';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { DemoOffer } from './DemoOffer';
import { JoinOffer, JoinScreen } from './JoinScreen';
import { AccountFields, useAccountForm, useAccountProblems, type AccountField } from './AccountFields';

type FieldName = 'officeName' | AccountField;

export function SetupScreen({
  policy,
  onDone,
  onDemoOpened,
}: {
  policy: Policy;
  onDone: (recoveryCode: string) => void;
  onDemoOpened: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const min = policy.minPassphraseLength;
  const [officeName, setOfficeName] = useState('');
  const account = useAccountForm();
  const accountProblems = useAccountProblems();
  const { errors, setErrors, bind } = useFieldErrors<FieldName>();
  const [joining, setJoining] = useState(false);
  const refs = { officeName: useRef<HTMLInputElement>(null), ...account.refs };

  const setup = useMutation({
    mutationFn: () => {
      const { login, displayName, passphrase } = account.input();
      return call('session.setup', { officeName: officeName.trim(), adminLogin: login, adminDisplayName: displayName, passphrase });
    },
    onSuccess: (result) => onDone(result.recoveryCode),
  });

  function validate(): Partial<Record<FieldName, string>> {
    const next: Partial<Record<FieldName, string>> = accountProblems(account, min);
    if (!officeName.trim()) next.officeName = t('setup.officeNameRequired');
    return next;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = validate();
    setErrors(next);
    const first = (Object.keys(refs) as FieldName[]).find((k) => next[k]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setup.mutate();
  }

  if (joining) return <JoinScreen policy={policy} onDone={onDone} onBack={() => setJoining(false)} />;
  return (
    <AuthLayout wide>
      <PageHeading>{t('setup.title')}</PageHeading>
      <p className="lead">{t('setup.intro')}</p>
      <JoinOffer onJoin={() => setJoining(true)} />
      <form onSubmit={submit} noValidate className="stack">
        <fieldset>
          <legend>{t('setup.officeSection')}</legend>
          <TextField
            ref={refs.officeName}
            label={t('setup.officeName')}
            value={officeName}
            onChange={bind('officeName', setOfficeName)}
            hint={t('setup.officeNameHint')}
            error={errors.officeName}
            required
            maxLength={120}
            autoComplete="organization"
          />
        </fieldset>
        <fieldset>
          <legend>{t('setup.adminSection')}</legend>
          <AccountFields form={account} minLength={min} errors={errors} bind={bind} />
        </fieldset>
        <ErrorAlert>{setup.isError ? errorText(setup.error, { minLength: min }) : null}</ErrorAlert>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={setup.isPending}>
            {setup.isPending ? t('setup.submitting') : t('setup.submit')}
          </button>
        </div>
      </form>
      <DemoOffer onOpened={onDemoOpened} />
    </AuthLayout>
  );
}
