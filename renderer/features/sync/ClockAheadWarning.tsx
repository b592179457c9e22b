import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../db/contract';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { shortId } from './model';

/**
 * Changes that arrived with a clock far ahead of this computer's are kept but not trusted (see
 * db/sync/merge.ts). Says which device it was and what to do: correct that device's date and time.
 */
export function ClockAheadWarning({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const latest = status.clockAheadLatest;
  if (!status.clockAhead || !latest) return null;
  const device =
    latest.role === 'office'
      ? t('sync.clockAheadOffice')
      : latest.officerName
        ? t('sync.clockAheadLaptop', { name: latest.officerName })
        : t('sync.clockAheadUnknown', { id: shortId(latest.device) });
  return (
    <div className="alert alert-warning" role="status" aria-labelledby="sync-clock-ahead-title">
      <p className="alert-title" id="sync-clock-ahead-title">
        {t('sync.clockAheadTitle', { device })}
      </p>
      <p>
        {t('sync.clockAheadText', {
          n: status.clockAhead,
          device,
          clock: formatDateTime(latest.clockAt, style),
          detected: formatDateTime(latest.detectedAt, style),
        })}
      </p>
      <p>{t('sync.clockAheadWhat', { device })}</p>
    </div>
  );
}
