import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { PassphraseField } from '../../components/Field';
import { useFieldErrors } from '../../components/useFieldErrors';
import { StrengthMeter } from '../../components/StrengthMeter';
import { useErrorText } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { passphraseProblem } from '../session/validation';

interface Props {
  title: string;
  intro: string;
  submitLabel: string;
  onSubmit: (passphrase: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks an administrator for a new temporary passphrase (reset, or enabling a user again). */
export function TempPassphraseDialog({ title, intro, submitLabel, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const min = useSession().status.policy.minPassphraseLength;
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, bind } = useFieldErrors<'passphrase' | 'confirm'>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const passRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = passphraseProblem(passphrase, confirm, min);
    const next: { passphrase?: string; confirm?: string } = {};
    if (problem === 'required') next.passphrase = t('fields.passphraseRequired');
    else if (problem === 'tooShort') next.passphrase = t('fields.passphraseTooShort', { min });
    else if (problem === 'mismatch') next.confirm = t('fields.passphraseMismatch');
    setErrors(next);
    if (next.passphrase || next.confirm) {
      (next.passphrase ? passRef : confirmRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(passphrase);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <p>{intro}</p>
        <div>
          <PassphraseField
            ref={passRef}
            label={t('users.tempPassphrase')}
            value={passphrase}
            onChange={bind('passphrase', setPassphrase)}
            hint={t('fields.passphraseMinHint', { min })}
            error={errors.passphrase}
            required
            autoComplete="new-password"
            autoFocus
          />
          <StrengthMeter passphrase={passphrase} minLength={min} />
        </div>
        <PassphraseField
          ref={confirmRef}
          label={t('fields.passphraseConfirm')}
          value={confirm}
          onChange={bind('confirm', setConfirm)}
          error={errors.confirm}
          required
          autoComplete="new-password"
        />
        <ErrorAlert>{error ? errorText(error, { minLength: min }) : null}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('common.working') : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
