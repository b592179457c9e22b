import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { useErrorText } from '../../i18n/useFormat';
import { useAuditVerify } from './queries';

export function AuditVerify() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const verify = useAuditVerify();
  const result = verify.data;
  return (
    <div className="verify">
      <button type="button" className="button-secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div role="status" className="verify-result">
        {result ? (
          result.ok ? (
            <p className="verify-ok">{t('audit.verifyOk', { checked: result.checked })}</p>
          ) : (
            <p className="verify-broken">{t('audit.verifyBroken', { id: result.firstBrokenId, checked: result.checked })}</p>
          )
        ) : null}
      </div>
      <ErrorAlert>{verify.isError ? errorText(verify.error) : null}</ErrorAlert>
    </div>
  );
}
