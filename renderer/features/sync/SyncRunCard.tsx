import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRunSummary, SyncStatus } from '../../../db/contract';
import { ApiError, call, subscribe } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { summarizeImport } from './model';
import { useInvalidateAfterSync } from './queries';

function LastRun({ label, run }: { label: string; run: SyncRunSummary | null }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  let text: string = t('sync.never');
  if (run) {
    const result = run.ok
      ? t('sync.resultOk', { n: run.bundles })
      : t('sync.resultFailed', { reason: errorText(new ApiError(run.code ?? 'INTERNAL', 'recorded failure')) });
    text = `${formatDateTime(run.at, style)} — ${result}`;
  }
  return (
    <>
      <dt>{label}</dt>
      <dd className={run && !run.ok ? 'sync-failed' : undefined}>{text}</dd>
    </>
  );
}

/** Export now / Import now with progress, and what happened the last time each ran. */
export function SyncRunCard({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const invalidate = useInvalidateAfterSync();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [tone, setTone] = useState<'success' | 'info'>('success');
  useEffect(() => subscribe('progress', (p) => (p.task === 'sync' ? setProgress({ done: p.done, total: p.total }) : undefined)), []);

  const exportNow = useMutation({
    mutationFn: () => call('sync.export', {}),
    onMutate: () => start(),
    onSuccess: (r) => {
      setNotice(r.bundles.length ? t('sync.exported', { n: r.bundles.length }) : t('sync.exportedNone'));
    },
    onSettled: () => finish(false),
  });
  // Without input: the sync folder's new bundles; with pick: the files chosen in the Open dialog.
  const importNow = useMutation({
    mutationFn: (input: { pick?: true }) => call('sync.import', input),
    onMutate: () => start(),
    onSuccess: (r, input) => {
      if (input.pick && r.results.length === 0) return; // the dialog was cancelled
      const s = summarizeImport(r.results);
      setNotice(s.files ? t('sync.imported', { n: s.files, applied: s.applied, conflicts: s.conflicts }) : t('sync.importedNone'));
      setTone(s.failures.length ? 'info' : 'success');
      setProblems([
        ...s.failures.map((f) => t('sync.importFailedFile', { file: f.file, reason: errorText(new ApiError(f.code, 'import failure')) })),
        ...s.duplicates.map((file) => t('sync.duplicate', { file })),
        ...s.stale.map((file) => t('sync.staleSkipped', { file })),
      ]);
    },
    onSettled: () => finish(true),
  });

  function start() {
    setNotice(null);
    setTone('success');
    setProblems([]);
    setProgress(null);
  }
  function finish(caseData: boolean) {
    setProgress(null);
    void invalidate({ caseData });
  }

  const busy = exportNow.isPending || importNow.isPending;
  const blocked = !status.folder || !status.enrolled;
  const error = exportNow.isError ? exportNow.error : importNow.isError ? importNow.error : null;
  return (
    <section className="card" aria-labelledby="sync-run-title">
      <h2 id="sync-run-title">{t('sync.runSection')}</h2>
      <div className="form-actions sync-run-actions">
        <button type="button" className="button-primary" onClick={() => exportNow.mutate()} disabled={busy || blocked}>
          {exportNow.isPending ? t('sync.exporting') : t('sync.exportNow')}
        </button>
        <button type="button" className="button-primary" onClick={() => importNow.mutate({})} disabled={busy || blocked}>
          {importNow.isPending && !importNow.variables?.pick ? t('sync.importing') : t('sync.importNow')}
        </button>
        <button type="button" className="button-secondary" onClick={() => importNow.mutate({ pick: true })} disabled={busy || !status.enrolled}>
          {importNow.isPending && importNow.variables?.pick ? t('sync.importing') : t('sync.importFiles')}
        </button>
      </div>
      {!status.folder ? <p className="hint">{t('sync.needFolderFirst')}</p> : null}
      {busy ? (
        <div role="status" className="sync-progress">
          <p>{exportNow.isPending ? t('sync.exporting') : t('sync.importing')}</p>
          {progress ? (
            <>
              <progress max={progress.total || 1} value={progress.done} aria-label={t('sync.runSection')} />
              <p className="hint">{t('sync.progress', progress)}</p>
            </>
          ) : (
            <progress aria-label={t('sync.runSection')} />
          )}
        </div>
      ) : null}
      <StatusNotice tone={tone}>{notice}</StatusNotice>
      {problems.length ? (
        <ul className="sync-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <ErrorAlert>{error ? errorText(error) : null}</ErrorAlert>
      <dl className="sync-facts">
        <LastRun label={t('sync.lastExport')} run={status.lastExport} />
        <LastRun label={t('sync.lastImport')} run={status.lastImport} />
      </dl>
    </section>
  );
}
