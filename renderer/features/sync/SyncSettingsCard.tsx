import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { useWholeNumber, WholeNumberField } from '../../components/WholeNumberField';
import { useErrorText } from '../../i18n/useFormat';
import { useInvalidateAfterSync } from './queries';

/** The sync folder (chosen with the desktop's folder dialog) and the automatic export interval. */
export function SyncSettingsCard({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const invalidate = useInvalidateAfterSync();
  const hours = useWholeNumber(status.intervalHours, 1, 24);
  const [notice, setNotice] = useState<string | null>(null);
  const choose = useMutation({
    mutationFn: () => call('sync.folder.choose', {}),
    onSuccess: (r) => {
      if (r.folder) setNotice(t('sync.folderSaved'));
      void invalidate();
    },
  });
  const save = useMutation({
    mutationFn: (intervalHours: number) => call('sync.settings.update', { intervalHours }),
    onSuccess: (s) => {
      setNotice(t('sync.intervalSaved', { n: s.intervalHours }));
      void invalidate();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const n = hours.read(t('sync.intervalInvalid'));
    if (n === null) return hours.focus();
    save.mutate(n);
  }

  return (
    <section className="card" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">{t('sync.folderSection')}</h2>
      <div className="sync-folder">
        <div>
          <p className="sync-label">{t('sync.folder')}</p>
          <p className={status.folder ? 'sync-path' : 'muted'}>{status.folder ?? t('sync.folderNone')}</p>
        </div>
        <button type="button" className="button-secondary" onClick={() => choose.mutate()} disabled={choose.isPending}>
          {t('sync.chooseFolder')}
        </button>
      </div>
      <form onSubmit={submit} noValidate className="sync-interval">
        <WholeNumberField {...hours.field} label={t('sync.interval')} hint={t('sync.intervalHint')} className="field-narrow" />
        <button type="submit" className="button-secondary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </form>
      <StatusNotice>{notice}</StatusNotice>
      <ErrorAlert>{choose.isError ? errorText(choose.error) : save.isError ? errorText(save.error) : null}</ErrorAlert>
    </section>
  );
}
