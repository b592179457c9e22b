import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { isValidLogin, normalizeLogin, passphraseProblem } from './validation';

/** The first user's account, asked for when an office is set up and when a laptop joins one. */
export type AccountField = 'login' | 'displayName' | 'passphrase' | 'confirm';

export function useAccountForm() {
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const refs = {
    login: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  return {
    values: { login, displayName, passphrase, confirm },
    setters: { login: setLogin, displayName: setDisplayName, passphrase: setPassphrase, confirm: setConfirm },
    refs,
    /** What the services take: the login normalized, the name trimmed. */
    input: () => ({ login: normalizeLogin(login), displayName: displayName.trim(), passphrase }),
  };
}

export type AccountForm = ReturnType<typeof useAccountForm>;

/** The messages for the account's fields that are not filled in correctly. */
export function useAccountProblems(): (form: AccountForm, min: number) => Partial<Record<AccountField, string>> {
  const { t } = useTranslation();
  return ({ values }, min) => {
    const next: Partial<Record<AccountField, string>> = {};
    if (!isValidLogin(values.login)) next.login = t('fields.loginInvalid');
    if (!values.displayName.trim()) next.displayName = t('fields.displayNameRequired');
    const problem = passphraseProblem(values.passphrase, values.confirm, min);
    if (problem === 'required') next.passphrase = t('fields.passphraseRequired');
    else if (problem === 'tooShort') next.passphrase = t('fields.passphraseTooShort', { min });
    else if (problem === 'mismatch') next.confirm = t('fields.passphraseMismatch');
    return next;
  };
}

export function AccountFields({
  form,
  minLength,
  errors,
  bind,
}: {
  form: AccountForm;
  minLength: number;
  errors: Partial<Record<AccountField, string>>;
  bind: (name: AccountField, setter: (value: string) => void) => (value: string) => void;
}) {
  const { t } = useTranslation();
  const { values, setters, refs } = form;
  return (
    <div className="grid-2">
      <TextField
        ref={refs.login}
        label={t('fields.login')}
        value={values.login}
        onChange={bind('login', setters.login)}
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
        value={values.displayName}
        onChange={bind('displayName', setters.displayName)}
        error={errors.displayName}
        required
        maxLength={80}
        autoComplete="name"
      />
      <NewPassphraseFields
        label={t('fields.passphrase')}
        confirmLabel={t('fields.passphraseConfirm')}
        passphrase={values.passphrase}
        confirm={values.confirm}
        onPassphrase={bind('passphrase', setters.passphrase)}
        onConfirm={bind('confirm', setters.confirm)}
        minLength={minLength}
        errors={errors}
        passphraseRef={refs.passphrase}
        confirmRef={refs.confirm}
      />
    </div>
  );
}
