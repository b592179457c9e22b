import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { PageHeading } from '../../components/PageHeading';
import { groupRecoveryCode } from './validation';

/** Shows the office recovery code exactly once, right after setup. */
export function RecoveryCodeScreen({ code, onContinue }: { code: string; onContinue: () => void }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const checkId = useId();
  const codeId = useId();
  const groups = groupRecoveryCode(code);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (confirmed) onContinue();
  }

  return (
    <AuthLayout wide>
      <PageHeading>{t('recovery.title')}</PageHeading>
      <p className="lead">{t('recovery.intro')}</p>
      <p id={codeId} className="recovery-label">
        {t('recovery.codeLabel', { groups: groups.length })}
      </p>
      <div className="recovery-code" role="group" aria-labelledby={codeId} translate="no">
        {groups.map((g, i) => (
          <span key={i} className="recovery-group">
            {g}
          </span>
        ))}
      </div>
      <p className="recovery-instructions">{t('recovery.instructions')}</p>
      <form onSubmit={submit} className="stack">
        <div className="checkbox">
          <input id={checkId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <label htmlFor={checkId}>{t('recovery.confirm')}</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={!confirmed}>
            {t('recovery.continue')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
