import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, RestoreResult } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';

/** Says what a restore does before doing it, shows progress, and reports a refusal in plain words. */
export function RestoreDialog({
  backup,
  schemaVersion,
  onClose,
  onRestored,
}: {
  backup: BackupInfo;
  schemaVersion: number;
  onClose: () => void;
  onRestored: (r: RestoreResult) => void;
}) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const restore = useMutation({ mutationFn: () => call('backup.restore', { name: backup.name }), onSuccess: onRestored });
  const asideExample = `aside-…-v${schemaVersion}.db`;
  return (
    <Dialog title={t('backup.restoreTitle')} onClose={() => (restore.isPending ? undefined : onClose())}>
      <div className="stack restore-dialog">
        <p>
          <strong>{t('backup.restoreWhat', { time: formatDateTime(backup.at, style) })}</strong>
          <span className="sub backup-name">{backup.name}</span>
        </p>
        <p>{t('backup.restoreSteps', { aside: asideExample })}</p>
        <p className="alert alert-info">{t('backup.restoreLoss')}</p>
        {restore.isPending ? (
          <div role="status" className="sync-progress">
            <p>{t('backup.restoring')}</p>
            <progress aria-label={t('backup.restoring')} />
          </div>
        ) : null}
        <ErrorAlert>{restore.isError ? errorText(restore.error) : null}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose} disabled={restore.isPending}>
            {restore.isError ? t('common.close') : t('common.cancel')}
          </button>
          {restore.isError ? null : (
            <button type="button" className="button-danger" onClick={() => restore.mutate()} disabled={restore.isPending}>
              {restore.isPending ? t('backup.restoring') : t('backup.restoreConfirm')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
