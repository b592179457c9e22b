import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { useFieldErrors } from '../../components/useFieldErrors';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { LockoutNotice, useLockedOut } from './LockoutNotice';
import type { LockedStatus } from './SessionContext';
import { isValidLogin, normalizeLogin, passphraseProblem } from './validation';

type FieldName = 'login' | 'code' | 'passphrase' | 'confirm';

interface Props {
  status: LockedStatus;
  onUnlocked: () => Promise<void>;
  onAttemptFailed: () => Promise<void>;
  onBack: () => void;
}

export function RecoverForm({ status, onUnlocked, onAttemptFailed, onBack }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const min = status.policy.minPassphraseLength;
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, bind } = useFieldErrors<FieldName>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    login: useRef<HTMLInputElement>(null),
    code: useRef<HTMLInputElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const { lockedOut, remainingMs } = useLockedOut(status.lockedUntil);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || lockedOut) return;
    const next: Partial<Record<FieldName, string>> = {};
    if (!isValidLogin(login)) next.login = t('fields.loginInvalid');
    if (!code.trim()) next.code = t('recover.codeRequired');
    const problem = passphraseProblem(passphrase, confirm, min);
    if (problem === 'required') next.passphrase = t('fields.passphraseRequired');
    else if (problem === 'tooShort') next.passphrase = t('fields.passphraseTooShort', { min });
    else if (problem === 'mismatch') next.confirm = t('fields.passphraseMismatch');
    setErrors(next);
    const first = (Object.keys(refs) as FieldName[]).find((k) => next[k]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('session.recover', {
        login: normalizeLogin(login),
        recoveryCode: code.trim(),
        newPassphrase: passphrase,
      });
      await onUnlocked();
    } catch (err) {
      setError(err);
      await onAttemptFailed();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('recover.title')}</PageHeading>
      <p className="lead">{t('recover.intro')}</p>
      {lockedOut && status.lockedUntil ? <LockoutNotice lockedUntil={status.lockedUntil} remainingMs={remainingMs} /> : null}
      <ErrorAlert>{error ? errorText(error, { lockedUntil: status.lockedUntil, minLength: min }) : null}</ErrorAlert>
      <form onSubmit={submit} noValidate className="stack">
        <div className="grid-2">
          <TextField
            ref={refs.login}
            label={t('fields.login')}
            value={login}
            onChange={bind('login', setLogin)}
            error={errors.login}
            required
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={32}
          />
          <TextField
            ref={refs.code}
            label={t('recover.code')}
            value={code}
            onChange={bind('code', setCode)}
            hint={t('recover.codeHint')}
            error={errors.code}
            required
            className="field-mono"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={200}
          />
          <NewPassphraseFields
            label={t('fields.newPassphrase')}
            confirmLabel={t('fields.newPassphraseConfirm')}
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
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy || lockedOut}>
            {busy ? t('common.working') : t('recover.submit')}
          </button>
          <button type="button" className="button-link" onClick={onBack}>
            {t('recover.back')}
          </button>
        </div>
      </form>
    </>
  );
}
