import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, RestoreResult } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';

/**
 * Says what a restore does before doing it, shows progress, and reports a refusal in plain words.
 * While the restore runs it cannot be closed (Escape included) and keeps focus where it was.
 */
export function RestoreDialog({
  backup,
  schemaVersion,
  asideKept,
  onClose,
  onRestored,
}: {
  backup: BackupInfo;
  schemaVersion: number;
  /** How many databases set aside by a restore stay in the backups folder. */
  asideKept: number;
  onClose: () => void;
  onRestored: (r: RestoreResult) => void;
}) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const restore = useMutation({ mutationFn: () => call('backup.restore', { name: backup.name }), onSuccess: onRestored });
  const busy = restore.isPending;
  const closeRef = useRef<HTMLButtonElement>(null);
  // The confirm button goes away on a refusal: focus moves to Close rather than to the page.
  useEffect(() => {
    if (restore.isError) closeRef.current?.focus();
  }, [restore.isError]);
  const asideExample = `aside-…-v${schemaVersion}.db`;
  // While it runs the buttons stay focusable (aria-disabled, not disabled) so focus stays put.
  return (
    <Dialog title={t('backup.restoreTitle')} busy={busy} onClose={() => (busy ? undefined : onClose())}>
      <div className="stack restore-dialog">
        <p>
          <strong>{t('backup.restoreWhat', { time: formatDateTime(backup.at, style) })}</strong>
          <span className="sub backup-name">{backup.name}</span>
        </p>
        <p>{t('backup.restoreSteps', { aside: asideExample })}</p>
        <p className="alert alert-info">{t('backup.restoreLoss')}</p>
        <p className="muted">{t('backup.restoreAsideKept', { n: asideKept })}</p>
        <div role="status" className="sync-progress">
          {busy ? (
            <>
              <p>
                {t('backup.restoring')} {t('backup.restoreWait')}
              </p>
              <progress aria-label={t('backup.restoring')} />
            </>
          ) : null}
        </div>
        <ErrorAlert>{restore.isError ? errorText(restore.error) : null}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button ref={closeRef} type="button" className="button-secondary" onClick={() => (busy ? undefined : onClose())} aria-disabled={busy || undefined}>
            {restore.isError ? t('common.close') : t('common.cancel')}
          </button>
          {restore.isError ? null : (
            <button type="button" className="button-danger" onClick={() => (busy ? undefined : restore.mutate())} aria-disabled={busy || undefined}>
              {busy ? t('backup.restoring') : t('backup.restoreConfirm')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
