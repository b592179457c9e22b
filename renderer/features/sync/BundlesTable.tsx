import { useTranslation } from 'react-i18next';
import type { SyncBundleEntry, SyncDevice } from '../../../db/contract';
import { ApiError } from '../../api';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { formatBytes, shortId } from './model';

/** Recent bundles in and out, with each one's result in words. */
export function BundlesTable({ bundles, devices }: { bundles: SyncBundleEntry[]; devices: SyncDevice[] }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const peerName = (b: SyncBundleEntry) => {
    if (b.peerName) return b.peerName;
    const d = devices.find((x) => x.deviceId === b.peer);
    if (d) return d.officerName ?? t('sync.officeMachine');
    return shortId(b.peer);
  };
  if (bundles.length === 0) {
    return (
      <EmptyState title={t('sync.bundlesEmpty')}>
        <p>{t('sync.bundlesEmptyHelp')}</p>
      </EmptyState>
    );
  }
  const columns: DataColumn[] = [
    { key: 'at', label: t('sync.at') },
    { key: 'direction', label: t('sync.direction') },
    { key: 'peer', label: t('sync.peer') },
    { key: 'ops', label: t('sync.ops'), numeric: true },
    { key: 'size', label: t('sync.size'), numeric: true },
    { key: 'result', label: t('sync.result') },
  ];
  return (
    <DataTable columns={columns} className="sync-bundles">
      {bundles.map((b) => (
        <tr key={`${b.direction}-${b.bundleId}-${b.at}`}>
          <th scope="row">{formatDateTime(b.at, style)}</th>
          <td>{b.direction === 'in' ? t('sync.directionIn') : t('sync.directionOut')}</td>
          <td>{peerName(b)}</td>
          <td className="col-num">{b.ops.toLocaleString()}</td>
          <td className="col-num">{formatBytes(b.bytes)}</td>
          <td>
            {b.stale ? (
              <span className="pill">{t('sync.resultStaleShort')}</span>
            ) : b.ok ? (
              <span className="pill pill-ok">{t('sync.resultOkShort')}</span>
            ) : (
              <span className="sync-failed">{errorText(new ApiError(b.code ?? 'INTERNAL', 'recorded failure'))}</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
