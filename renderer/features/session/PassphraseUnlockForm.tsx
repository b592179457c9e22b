import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Events } from '../../../db/contract';
import { call, isApiError } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { PassphraseField, TextField } from '../../components/Field';
import { useFieldErrors } from '../../components/useFieldErrors';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { LockoutNotice, useLockedOut } from './LockoutNotice';
import type { LockedStatus } from './SessionContext';
import { isValidLogin, normalizeLogin } from './validation';

interface Props {
  status: LockedStatus;
  lockReason: Events['session.locked']['reason'] | null;
  onUnlocked: () => Promise<void>;
  onAttemptFailed: () => Promise<void>;
  onUseRecovery: () => void;
}

export function PassphraseUnlockForm({ status, lockReason, onUnlocked, onAttemptFailed, onUseRecovery }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [login, setLogin] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const { errors: fieldError, setErrors: setFieldError, bind } = useFieldErrors<'login' | 'passphrase'>();
  const [busy, setBusy] = useState(false);
  const loginRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const { lockedOut, remainingMs } = useLockedOut(status.lockedUntil);

  useEffect(() => {
    loginRef.current?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || lockedOut) return;
    const problems: { login?: string; passphrase?: string } = {};
    if (!isValidLogin(login)) problems.login = t('fields.loginInvalid');
    if (!passphrase) problems.passphrase = t('fields.passphraseRequired');
    setFieldError(problems);
    if (problems.login || problems.passphrase) {
      (problems.login ? loginRef : passRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('session.unlock', { login: normalizeLogin(login), passphrase });
      setPassphrase('');
      await onUnlocked();
    } catch (err) {
      setError(err);
      setPassphrase('');
      await onAttemptFailed();
      passRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const hideError = lockedOut && isApiError(error, 'LOCKED_OUT');
  return (
    <>
      <PageHeading focusOnMount={false}>{t('unlock.title')}</PageHeading>
      <p className="office-name-line">{status.officeName}</p>
      <p className="lead">{t('unlock.intro')}</p>
      {lockReason ? (
        <StatusNotice tone="info">
          {lockReason === 'idle' ? t('unlock.lockedReasonIdle') : t('unlock.lockedReasonManual')}
        </StatusNotice>
      ) : null}
      {lockedOut && status.lockedUntil ? <LockoutNotice lockedUntil={status.lockedUntil} remainingMs={remainingMs} /> : null}
      <ErrorAlert>{error && !hideError ? errorText(error, { lockedUntil: status.lockedUntil }) : null}</ErrorAlert>
      {status.failedAttempts > 0 && !lockedOut ? (
        <p className="muted">{t('unlock.failedAttempts', { n: status.failedAttempts })}</p>
      ) : null}
      <form onSubmit={submit} noValidate className="stack">
        <TextField
          ref={loginRef}
          label={t('fields.login')}
          value={login}
          onChange={bind('login', setLogin)}
          error={fieldError.login}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={32}
        />
        <PassphraseField
          ref={passRef}
          label={t('fields.passphrase')}
          value={passphrase}
          onChange={bind('passphrase', setPassphrase)}
          error={fieldError.passphrase}
          autoComplete="current-password"
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy || lockedOut}>
            {busy ? t('unlock.submitting') : t('unlock.submit')}
          </button>
          <button type="button" className="button-link" onClick={onUseRecovery}>
            {t('unlock.useRecovery')}
          </button>
        </div>
      </form>
    </>
  );
}
