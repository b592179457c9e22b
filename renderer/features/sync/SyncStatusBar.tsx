import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { useNavigation } from '../shell/pages';
import { useSyncStatus } from './queries';

/** The frame's status bar: when the last export ran and whether it worked; open conflicts. */
export function SyncStatusBar() {
  const { t } = useTranslation();
  const style = useDateStyle();
  const { navigate } = useNavigation();
  const status = useSyncStatus({ poll: true });
  const s = status.data;
  if (!s) return null;
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
      {s.openConflicts > 0 ? (
        <button type="button" className="status-bar-item status-bar-attention" onClick={() => navigate({ page: 'conflicts' })}>
          {t('syncStatusBar.conflicts', { n: s.openConflicts })}
        </button>
      ) : null}
    </footer>
  );
}
