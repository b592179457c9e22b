import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';

/** Above a long form: how many fields need attention (each says why under it). */
export function ErrorCount({ n }: { n: number }) {
  const { t } = useTranslation();
  if (n === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('intake.fixErrors', { n })}</p>
    </div>
  );
}

/** The end of a page form: a message that belongs to no field, then save and cancel. */
export function FormActions({
  formError,
  busy,
  submitLabel,
  onCancel,
}: {
  formError: string | null;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert>{formError}</ErrorAlert>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
