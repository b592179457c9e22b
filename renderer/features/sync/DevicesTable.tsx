import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncDevice } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { shortId } from './model';
import { useInvalidateAfterSync } from './queries';

function RevokeDialog({ device, onClose, onDone }: { device: SyncDevice; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const revoke = useMutation({ mutationFn: () => call('sync.devices.revoke', { deviceId: device.deviceId }), onSuccess: onDone });
  return (
    <Dialog title={t('sync.revokeTitle')} onClose={onClose} busy={revoke.isPending}>
      <div className="stack">
        <p>{t('sync.revokeText', { officer: device.officerName ?? t('sync.officeMachine'), keyId: device.keyId })}</p>
        <ErrorAlert>{revoke.isError ? errorText(revoke.error) : null}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button-danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
            {t('sync.revokeConfirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** The peers this installation exchanges bundles with; administrators can revoke one. */
export function DevicesTable({ devices, canRevoke }: { devices: SyncDevice[]; canRevoke: boolean }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const invalidate = useInvalidateAfterSync();
  const [revoking, setRevoking] = useState<SyncDevice | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const columns: DataColumn[] = [
    { key: 'officer', label: t('sync.officer') },
    { key: 'key', label: t('sync.keyId') },
    { key: 'status', label: t('sync.status') },
    { key: 'enrolled', label: t('sync.enrolledAt') },
    { key: 'seen', label: t('sync.lastSeen') },
    ...(canRevoke ? [{ key: 'revoke', label: t('sync.revoke'), actions: true }] : []),
  ];
  if (devices.length === 0) {
    return (
      <EmptyState title={t('sync.devicesEmpty')}>
        <p>{t('sync.devicesEmptyHelp')}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <StatusNotice>{notice}</StatusNotice>
      <DataTable columns={columns}>
        {devices.map((d) => (
          <tr key={d.deviceId} className={d.status === 'revoked' ? 'row-inactive' : undefined}>
            <th scope="row">
              {d.officerName ?? t('sync.officeMachine')}
              <span className="sub">
                {t('sync.deviceId')} {shortId(d.deviceId)}
              </span>
            </th>
            <td className="mono">{d.keyId}</td>
            <td>
              {d.status === 'active' ? (
                <span className="pill pill-ok">{t('sync.statusActive')}</span>
              ) : (
                <span className="pill pill-off">{t('sync.statusRevoked', { time: d.revokedAt ? formatDateTime(d.revokedAt, style) : '' })}</span>
              )}
            </td>
            <td>{formatDateTime(d.enrolledAt, style)}</td>
            <td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt, style) : t('sync.never')}</td>
            {canRevoke ? (
              <td className="col-actions">
                {d.status === 'active' ? (
                  <button
                    type="button"
                    className="button-secondary button-small"
                    onClick={() => setRevoking(d)}
                    aria-label={`${t('sync.revoke')}: ${d.officerName ?? t('sync.officeMachine')}`}
                  >
                    {t('sync.revoke')}
                  </button>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      {revoking ? (
        <RevokeDialog
          device={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            setNotice(t('sync.revoked'));
            void invalidate();
          }}
        />
      ) : null}
    </>
  );
}
