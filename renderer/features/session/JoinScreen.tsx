import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { TextField } from '../../components/Field';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { PageHeading } from '../../components/PageHeading';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useErrorText } from '../../i18n/useFormat';
import { isValidLogin, normalizeLogin, passphraseProblem } from './validation';

type FieldName = 'login' | 'displayName' | 'passphrase' | 'confirm';

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
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, bind } = useFieldErrors<FieldName>();
  const refs = {
    login: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const join = useMutation({
    mutationFn: () => call('session.join', { login: normalizeLogin(login), displayName: displayName.trim(), passphrase }),
    onSuccess: (r) => onDone(r.recoveryCode),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<FieldName, string>> = {};
    if (!isValidLogin(login)) next.login = t('fields.loginInvalid');
    if (!displayName.trim()) next.displayName = t('fields.displayNameRequired');
    const problem = passphraseProblem(passphrase, confirm, min);
    if (problem === 'required') next.passphrase = t('fields.passphraseRequired');
    else if (problem === 'tooShort') next.passphrase = t('fields.passphraseTooShort', { min });
    else if (problem === 'mismatch') next.confirm = t('fields.passphraseMismatch');
    setErrors(next);
    const first = (Object.keys(refs) as FieldName[]).find((k) => next[k]);
    if (first) return refs[first].current?.focus();
    join.mutate();
  }

  return (
    <AuthLayout wide>
      <PageHeading>{t('join.title')}</PageHeading>
      <p className="lead">{t('join.intro')}</p>
      <form onSubmit={submit} noValidate className="stack">
        <fieldset>
          <legend>{t('join.userSection')}</legend>
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
