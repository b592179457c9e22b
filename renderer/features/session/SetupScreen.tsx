import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { TextField } from '../../components/Field';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { useFieldErrors } from '../../components/useFieldErrors';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { DemoOffer } from './DemoOffer';
import { JoinOffer, JoinScreen } from './JoinScreen';
import { isValidLogin, normalizeLogin, passphraseProblem } from './validation';

type FieldName = 'officeName' | 'login' | 'displayName' | 'passphrase' | 'confirm';

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
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, bind } = useFieldErrors<FieldName>();
  const [joining, setJoining] = useState(false);
  const refs = {
    officeName: useRef<HTMLInputElement>(null),
    login: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };

  const setup = useMutation({
    mutationFn: () =>
      call('session.setup', {
        officeName: officeName.trim(),
        adminLogin: normalizeLogin(login),
        adminDisplayName: displayName.trim(),
        passphrase,
      }),
    onSuccess: (result) => onDone(result.recoveryCode),
  });

  function validate(): Partial<Record<FieldName, string>> {
    const next: Partial<Record<FieldName, string>> = {};
    if (!officeName.trim()) next.officeName = t('setup.officeNameRequired');
    if (!isValidLogin(login)) next.login = t('fields.loginInvalid');
    if (!displayName.trim()) next.displayName = t('fields.displayNameRequired');
    const problem = passphraseProblem(passphrase, confirm, min);
    if (problem === 'required') next.passphrase = t('fields.passphraseRequired');
    else if (problem === 'tooShort') next.passphrase = t('fields.passphraseTooShort', { min });
    else if (problem === 'mismatch') next.confirm = t('fields.passphraseMismatch');
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
          <div className="grid-2">
            <TextField
              ref={refs.login}
              label={t('fields.login')}
              value={login}
              onChange={bind('login', setLogin)}
              hint={t('fields.loginHint')}
              error={errors.login}
              required
              maxLength={32}
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
            />
            <TextField
              ref={refs.displayName}
              label={t('fields.displayName')}
              value={displayName}
              onChange={bind('displayName', setDisplayName)}
              error={errors.displayName}
              required
              maxLength={80}
              autoComplete="name"
            />
            <NewPassphraseFields
              label={t('fields.passphrase')}
              confirmLabel={t('fields.passphraseConfirm')}
              passphrase={passphrase}
              confirm={confirm}
              onPassphrase={bind('passphrase', setPassphrase)}
              onConfirm={bind('confirm', setConfirm)}
              minLength={min}
              errors={errors}
              passphraseRef={refs.passphrase}
              confirmRef={refs.confirm}
            />
          </div>
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
