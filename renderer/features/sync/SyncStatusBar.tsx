import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { useNavigation } from '../shell/pages';
import { useInvalidateAfterSync, useSyncStatus } from './queries';

/**
 * The frame's status bar: when the last export and import ran and whether they worked (imports
 * also come from the scheduler's folder watch); open conflicts; a device whose clock is ahead.
 */
export function SyncStatusBar() {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { navigate } = useNavigation();
  const status = useSyncStatus({ poll: true });
  const invalidate = useInvalidateAfterSync();
  const s = status.data;
  // An import this screen did not start (the folder watch) brings new case data: refetch it.
  const importedAt = s?.lastImport?.at ?? null;
  const seenImport = useRef(importedAt);
  useEffect(() => {
    if (importedAt === seenImport.current) return;
    seenImport.current = importedAt;
    void invalidate({ caseData: true });
  }, [importedAt, invalidate]);
  if (!s) return null;
  const lastIn = s.lastImport;
  const last = s.lastExport;
  let text: string;
  if (!s.role) text = t('syncStatusBar.notSetUp');
  else if (!last) text = t('syncStatusBar.never');
  else text = t(last.ok ? 'syncStatusBar.ok' : 'syncStatusBar.failed', { time: formatMoment(last.at, style, new Date()) });
  return (
    <footer className="status-bar" aria-label={t('syncStatusBar.label')}>
      <button
        type="button"
        className={`status-bar-item ${last && !last.ok ? 'status-bar-failed' : ''}`}
        onClick={() => navigate({ page: 'sync' })}
      >
        {text}
      </button>
      {s.role && lastIn ? (
        <button
          type="button"
          className={`status-bar-item ${lastIn.ok ? '' : 'status-bar-failed'}`}
          onClick={() => navigate({ page: 'sync' })}
        >
          {t(lastIn.ok ? 'syncStatusBar.importOk' : 'syncStatusBar.importFailed', { time: formatMoment(lastIn.at, style, new Date()), n: lastIn.bundles })}
        </button>
      ) : null}
      {s.clockAhead > 0 ? (
        <button type="button" className="status-bar-item status-bar-attention" onClick={() => navigate({ page: 'sync' })}>
          {t('syncStatusBar.clockAhead')}
        </button>
      ) : null}
      {s.openConflicts > 0 ? (
        <button type="button" className="status-bar-item status-bar-attention" onClick={() => navigate({ page: 'conflicts' })}>
          {t('syncStatusBar.conflicts', { n: s.openConflicts })}
        </button>
      ) : null}
    </footer>
  );
}
