import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupSettings } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageHeading } from '../../components/PageHeading';
import { useWholeNumber, WholeNumberField } from '../../components/WholeNumberField';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { canRestore, formatBytes } from '../sync/model';
import { RestoreDialog } from './RestoreDialog';

export const backupKey = ['backup'] as const;

function ScheduleForm({ settings }: { settings: BackupSettings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const hours = useWholeNumber(settings.intervalHours, 1, 168);
  const keep = useWholeNumber(settings.keep, 1, 60);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (input: BackupSettings) => call('backup.settings.update', input),
    onSuccess: (next) => {
      setSaved(t('backup.settingsSaved', { hours: next.intervalHours, keep: next.keep }));
      void qc.invalidateQueries({ queryKey: backupKey });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const h = hours.read(t('backup.invalid'));
    const k = keep.read(t('backup.invalid'));
    if (h === null) return hours.focus();
    if (k === null) return keep.focus();
    save.mutate({ intervalHours: h, keep: k });
  }

  return (
    <section className="card backup-schedule" aria-labelledby="backup-settings-title">
      <h2 id="backup-settings-title">{t('backup.settingsSection')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <div className="grid-2">
          <WholeNumberField {...hours.field} label={t('backup.interval')} hint={t('backup.intervalHint')} />
          <WholeNumberField {...keep.field} label={t('backup.keep')} hint={t('backup.keepHint')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
        <StatusNotice>{saved}</StatusNotice>
        <ErrorAlert>{save.isError ? errorText(save.error) : null}</ErrorAlert>
      </form>
    </section>
  );
}

function BackupTable({ backups, schema, onRestore }: { backups: BackupInfo[]; schema: number; onRestore: (b: BackupInfo) => void }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const columns: DataColumn[] = [
    { key: 'at', label: t('backup.at') },
    { key: 'kind', label: t('backup.kind') },
    { key: 'size', label: t('backup.size'), numeric: true },
    { key: 'schema', label: t('backup.schema') },
    { key: 'restore', label: t('backup.restore'), actions: true },
  ];
  return (
    <DataTable columns={columns} className="backup-table">
      {backups.map((b) => (
        <tr key={b.name}>
          <th scope="row">
            {formatDateTime(b.at, style)}
            <span className="sub backup-name">{b.name}</span>
          </th>
          <td>
            <span className={`pill ${b.kind === 'aside' ? 'pill-off' : 'pill-ok'}`}>{t(`backup.kinds.${b.kind}`)}</span>
          </td>
          <td className="col-num">{formatBytes(b.bytes)}</td>
          <td>{b.schemaVersion === null ? t('common.none') : t('backup.schemaValue', { n: b.schemaVersion })}</td>
          <td className="col-actions">
            {canRestore(b, schema) ? (
              <button
                type="button"
                className="button-secondary button-small"
                onClick={() => onRestore(b)}
                aria-label={`${t('backup.restore')} ${formatDateTime(b.at, style)}`}
              >
                {t('backup.restore')}
              </button>
            ) : (
              <span className="muted">{t('backup.restoreNewer')}</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Administrator: backups now and on a schedule, and restore with a confirmation that says what happens. */
export function BackupPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { refresh } = useSession();
  const overview = useQuery({ queryKey: backupKey, queryFn: () => call('backup.list', {}) });
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const create = useMutation({
    mutationFn: () => call('backup.create', {}),
    onSuccess: (b) => {
      setNotice(t('backup.created', { name: b.name }));
      void qc.invalidateQueries({ queryKey: backupKey });
    },
  });
  useEffect(() => {
    if (create.isPending || restoring) setNotice(null);
  }, [create.isPending, restoring]);

  const data = overview.data;
  return (
    <>
      <PageHeading
        actions={
          <button type="button" className="button-primary" onClick={() => create.mutate()} disabled={create.isPending}>
            {create.isPending ? t('backup.creating') : t('backup.createNow')}
          </button>
        }
      >
        {t('backup.title')}
      </PageHeading>
      <p className="lead">{t('backup.intro')}</p>
      {data ? <p className="muted backup-folder">{t('backup.folder', { folder: data.folder })}</p> : null}
      {create.isPending ? (
        <div role="status" className="sync-progress">
          <progress aria-label={t('backup.creating')} />
        </div>
      ) : null}
      <StatusNotice>{notice}</StatusNotice>
      <ErrorAlert>{create.isError ? errorText(create.error) : overview.isError ? errorText(overview.error) : null}</ErrorAlert>
      <section className="section" aria-labelledby="backup-list-title">
        <div className="section-heading">
          <h2 id="backup-list-title">{t('backup.listSection')}</h2>
          {data ? <span className="muted">{t('backup.count', { n: data.backups.length })}</span> : null}
        </div>
        {overview.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        {data && data.backups.length === 0 ? (
          <EmptyState title={t('backup.emptyTitle')}>
            <p>{t('backup.emptyText')}</p>
          </EmptyState>
        ) : null}
        {data && data.backups.length > 0 ? <BackupTable backups={data.backups} schema={data.schemaVersion} onRestore={setRestoring} /> : null}
        {data ? <p className="muted">{t('backup.otherKept', { aside: data.kept.aside, migration: data.kept.migration })}</p> : null}
      </section>
      {data ? <ScheduleForm key={`${data.settings.intervalHours}-${data.settings.keep}`} settings={data.settings} /> : null}
      {restoring ? (
        <RestoreDialog
          backup={restoring}
          schemaVersion={data?.schemaVersion ?? 0}
          asideKept={data?.kept.aside ?? 0}
          onClose={() => setRestoring(null)}
          onRestored={(result) => {
            setRestoring(null);
            setNotice(t('backup.restored', { name: result.restored, aside: result.aside }));
            // Every screen's data came from the database that was just replaced.
            void qc.invalidateQueries();
            void refresh();
          }}
        />
      ) : null}
    </>
  );
}
