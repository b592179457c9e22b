import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupSettings } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { TextField } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { canRestore, formatBytes, parseWhole } from '../sync/model';
import { RestoreDialog } from './RestoreDialog';

export const backupKey = ['backup'] as const;

function ScheduleForm({ settings }: { settings: BackupSettings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [hours, setHours] = useState(String(settings.intervalHours));
  const [keep, setKeep] = useState(String(settings.keep));
  const [errors, setErrors] = useState<{ hours?: string; keep?: string }>({});
  const [saved, setSaved] = useState<string | null>(null);
  const hoursRef = useRef<HTMLInputElement>(null);
  const keepRef = useRef<HTMLInputElement>(null);
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
    const h = parseWhole(hours, 1, 168);
    const k = parseWhole(keep, 1, 60);
    setErrors({ ...(h === null ? { hours: t('backup.invalid') } : {}), ...(k === null ? { keep: t('backup.invalid') } : {}) });
    if (h === null) return hoursRef.current?.focus();
    if (k === null) return keepRef.current?.focus();
    save.mutate({ intervalHours: h, keep: k });
  }

  return (
    <section className="card backup-schedule" aria-labelledby="backup-settings-title">
      <h2 id="backup-settings-title">{t('backup.settingsSection')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <div className="grid-2">
          <TextField
            ref={hoursRef}
            label={t('backup.interval')}
            type="number"
            inputMode="numeric"
            min={1}
            max={168}
            value={hours}
            onChange={setHours}
            hint={t('backup.intervalHint')}
            error={errors.hours ?? null}
          />
          <TextField
            ref={keepRef}
            label={t('backup.keep')}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            value={keep}
            onChange={setKeep}
            hint={t('backup.keepHint')}
            error={errors.keep ?? null}
          />
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
  return (
    <div className="table-wrap">
      <table className="data-table backup-table">
        <thead>
          <tr>
            <th scope="col">{t('backup.at')}</th>
            <th scope="col">{t('backup.kind')}</th>
            <th scope="col" className="col-num">
              {t('backup.size')}
            </th>
            <th scope="col">{t('backup.schema')}</th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">{t('backup.restore')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
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
      </section>
      {data ? <ScheduleForm key={`${data.settings.intervalHours}-${data.settings.keep}`} settings={data.settings} /> : null}
      {restoring ? (
        <RestoreDialog
          backup={restoring}
          schemaVersion={data?.schemaVersion ?? 0}
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
