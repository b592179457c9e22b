import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseField } from './Field';
import { StrengthMeter } from './StrengthMeter';

interface Props {
  /** Labels differ between first-run setup ("Passphrase") and changes ("New passphrase"). */
  label: string;
  confirmLabel: string;
  passphrase: string;
  confirm: string;
  onPassphrase: (value: string) => void;
  onConfirm: (value: string) => void;
  minLength: number;
  errors: { passphrase?: string | undefined; confirm?: string | undefined };
  passphraseRef?: Ref<HTMLInputElement>;
  confirmRef?: Ref<HTMLInputElement>;
}

/** A new passphrase with its strength hint, and its confirmation: setup, recovery and change. */
export function NewPassphraseFields(p: Props) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <PassphraseField
          ref={p.passphraseRef}
          label={p.label}
          value={p.passphrase}
          onChange={p.onPassphrase}
          hint={t('fields.passphraseMinHint', { min: p.minLength })}
          error={p.errors.passphrase}
          required
          autoComplete="new-password"
        />
        <StrengthMeter passphrase={p.passphrase} minLength={p.minLength} />
      </div>
      <PassphraseField
        ref={p.confirmRef}
        label={p.confirmLabel}
        value={p.confirm}
        onChange={p.onConfirm}
        error={p.errors.confirm}
        required
        autoComplete="new-password"
      />
    </>
  );
}
