import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { PassphraseField, TextField } from '../../components/Field';
import { useFieldErrors } from '../../components/useFieldErrors';
import { StrengthMeter } from '../../components/StrengthMeter';
import { useErrorText } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { isValidLogin, normalizeLogin, passphraseProblem } from '../session/validation';
import { useAddUser } from './queries';
import { ROLE_OPTIONS } from './roles';

type FieldName = 'login' | 'displayName' | 'passphrase';

export function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const min = useSession().status.policy.minPassphraseLength;
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [passphrase, setPassphrase] = useState('');
  const { errors, setErrors, bind } = useFieldErrors<FieldName>();
  const refs = {
    login: useRef<HTMLInputElement>(null),
    displayName: useRef<HTMLInputElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
  };
  const add = useAddUser();

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<FieldName, string>> = {};
    if (!isValidLogin(login)) next.login = t('fields.loginInvalid');
    if (!displayName.trim()) next.displayName = t('fields.displayNameRequired');
    const problem = passphraseProblem(passphrase, null, min);
    if (problem === 'required') next.passphrase = t('fields.passphraseRequired');
    else if (problem === 'tooShort') next.passphrase = t('fields.passphraseTooShort', { min });
    setErrors(next);
    const first = (Object.keys(refs) as FieldName[]).find((k) => next[k]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    add.mutate(
      { login: normalizeLogin(login), displayName: displayName.trim(), role, passphrase },
      {
        onSuccess: (user) => {
          setLogin('');
          setDisplayName('');
          setRole('officer');
          setPassphrase('');
          onAdded(user);
          refs.login.current?.focus();
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('users.addTitle')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <div className="grid-4">
          <TextField
            ref={refs.login}
            label={t('fields.login')}
            value={login}
            onChange={bind('login', setLogin)}
            hint={t('fields.loginHint')}
            error={errors.login}
            required
            maxLength={32}
            autoComplete="off"
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
            autoComplete="off"
          />
          <div className="field">
            <label htmlFor="add-user-role">{t('fields.role')}</label>
            <div className="field-control">
              <select id="add-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLE_OPTIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div>
            <PassphraseField
              ref={refs.passphrase}
              label={t('users.tempPassphrase')}
              value={passphrase}
              onChange={bind('passphrase', setPassphrase)}
              error={errors.passphrase}
              required
              autoComplete="new-password"
            />
            <StrengthMeter passphrase={passphrase} minLength={min} />
          </div>
        </div>
        <p className="hint">{t('users.tempPassphraseHint')}</p>
        <ErrorAlert>{add.isError ? errorText(add.error, { minLength: min }) : null}</ErrorAlert>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={add.isPending}>
            {add.isPending ? t('common.saving') : t('users.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
