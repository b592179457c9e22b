import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { PassphraseField } from '../../components/Field';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useErrorText } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { passphraseProblem } from '../session/validation';

type FieldName = 'current' | 'next' | 'confirm';

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const min = useSession().status.policy.minPassphraseLength;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, bind } = useFieldErrors<FieldName>();
  const refs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const change = useMutation({
    mutationFn: () => call('users.changeOwnPassphrase', { currentPassphrase: current, newPassphrase: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    if (!current) found.current = t('fields.passphraseRequired');
    const problem = passphraseProblem(next, confirm, min);
    if (problem === 'required') found.next = t('fields.passphraseRequired');
    else if (problem === 'tooShort') found.next = t('fields.passphraseTooShort', { min });
    else if (problem === 'mismatch') found.confirm = t('fields.passphraseMismatch');
    setErrors(found);
    const first = (Object.keys(refs) as FieldName[]).find((k) => found[k]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    change.mutate();
  }

  return (
    <section className="card" aria-labelledby="passphrase-settings-title">
      <h2 id="passphrase-settings-title">{t('settings.passphraseSection')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <div className="grid-3">
          <PassphraseField
            ref={refs.current}
            label={t('fields.currentPassphrase')}
            value={current}
            onChange={bind('current', setCurrent)}
            error={errors.current}
            required
            autoComplete="current-password"
          />
          <NewPassphraseFields
            label={t('fields.newPassphrase')}
            confirmLabel={t('fields.newPassphraseConfirm')}
            passphrase={next}
            confirm={confirm}
            onPassphrase={bind('next', setNext)}
            onConfirm={bind('confirm', setConfirm)}
            minLength={min}
            errors={{ passphrase: errors.next, confirm: errors.confirm }}
            passphraseRef={refs.next}
            confirmRef={refs.confirm}
          />
        </div>
        <StatusNotice>{change.isSuccess ? t('settings.passphraseChanged') : null}</StatusNotice>
        <ErrorAlert>
          {change.isError
            ? errorText(change.error, { minLength: min, overrides: { WRONG_PASSPHRASE: 'settings.wrongCurrent' } })
            : null}
        </ErrorAlert>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={change.isPending}>
            {change.isPending ? t('common.saving') : t('settings.passphraseSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
