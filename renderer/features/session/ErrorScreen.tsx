import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../db/errors';
import { isApiError } from '../../api';
import { AuthLayout } from '../../components/AuthLayout';
import { PageHeading } from '../../components/PageHeading';

const WITH_HELP: ReadonlySet<ErrorCode> = new Set([
  'DB_MISSING',
  'DB_WRONG_KEY',
  'DB_CORRUPT',
  'DB_PLAINTEXT',
  'DB_TOO_NEW',
  'SLOTS_MISSING',
  'SLOTS_MALFORMED',
]);

function describe(error: unknown): { code: ErrorCode | null; message: string | null } {
  if (isApiError(error)) return { code: error.code, message: error.message };
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : null;
    return { code: error.code as ErrorCode, message };
  }
  return { code: null, message: null };
}

/**
 * Shown when the office database cannot be opened. It explains and offers only a retry: nothing
 * here deletes, resets or re-creates data.
 */
export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const { code, message } = describe(error);
  const text = code ? t(`errors.${code}`, { defaultValue: t('errors.INTERNAL') }) : t('errorVariants.noBridge');
  const help = code && WITH_HELP.has(code) ? t(`errorHelp.${code}`) : t('errorHelp.default');
  return (
    <AuthLayout wide>
      <div className="error-screen">
        <PageHeading>{t('errorScreen.title')}</PageHeading>
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{text}</p>
          <p>{t('errorScreen.nothingDeleted')}</p>
        </div>
        <h2>{t('errorScreen.whatToDo')}</h2>
        <p>{help}</p>
        {code ? (
          <p className="error-code">
            {t('errorScreen.code')}: <code>{code}</code>
          </p>
        ) : null}
        {message ? (
          <details className="technical">
            <summary>{t('errorScreen.technical')}</summary>
            <pre>{message}</pre>
          </details>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button-primary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    </AuthLayout>
  );
}
