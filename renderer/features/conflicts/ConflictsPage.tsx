import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict, SyncConflictSide, SyncDevice } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { personKey } from '../person/queries';
import { useNavigation } from '../shell/pages';
import { displayValue, hlcInstant, shortId } from '../sync/model';
import { useConflicts, useDevices, useInvalidateAfterSync, useSyncStatus } from '../sync/queries';

type Choice = 'local' | 'remote';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function useRecordLabel() {
  const { t } = useTranslation();
  return (c: SyncConflict) =>
    t('conflicts.record', {
      entity: t(`conflictEntities.${c.entity}`, { defaultValue: c.entity }),
      field: t(`conflictFields.${c.field}`, { defaultValue: c.field }),
    });
}

/** The person a supervisee row is, by name, with a way to their page. */
function PersonLine({ id }: { id: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const person = useQuery({ queryKey: personKey(id), queryFn: () => call('supervisees.get', { id }) });
  const p = person.data?.person;
  if (!p) return null;
  const name = `${p.familyName} ${p.givenName}`.trim();
  return (
    <p className="conflict-person">
      <strong>{name}</strong>{' '}
      <button type="button" className="button-link" onClick={() => navigate({ page: 'person', superviseeId: id })}>
        {t('conflicts.openCase')}
      </button>
    </p>
  );
}

function Side({ title, side, deviceName }: { title: string; side: SyncConflictSide; deviceName: string }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const raw = displayValue(side.value);
  // Timestamps (updated_at and the like) read better as a date and time.
  const value = raw && ISO_INSTANT.test(raw) ? formatDateTime(raw, style) : raw;
  const at = hlcInstant(side.hlc);
  return (
    <div className="conflict-side">
      <p className="conflict-side-title">{title}</p>
      <p className={value === null ? 'conflict-value muted' : 'conflict-value'}>{value ?? t('conflicts.empty')}</p>
      <p className="hint">{t('conflicts.author', { device: deviceName, time: at ? formatDateTime(at, style) : '' })}</p>
    </div>
  );
}

function ConflictCard({
  conflict,
  deviceName,
  onResolved,
}: {
  conflict: SyncConflict;
  deviceName: (id: string) => string;
  onResolved: (c: SyncConflict) => void;
}) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const label = useRecordLabel();
  const resolve = useMutation({
    mutationFn: (choice: Choice) => call('sync.conflicts.resolve', { id: conflict.id, choice }),
    onSuccess: onResolved,
  });
  const titleId = `conflict-${conflict.id}`;
  return (
    <li className="card conflict-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="conflict-title">
        {label(conflict)}
      </h2>
      {conflict.entity === 'supervisees' ? <PersonLine id={conflict.rowId} /> : null}
      <p className="hint">
        {t('conflicts.recordId', { id: shortId(conflict.rowId) })} · {t('conflicts.detected', { time: formatDateTime(conflict.detectedAt, style) })}
      </p>
      <div className="conflict-sides">
        <Side title={t('conflicts.localSide')} side={conflict.local} deviceName={deviceName(conflict.local.device)} />
        <Side title={t('conflicts.remoteSide')} side={conflict.remote} deviceName={deviceName(conflict.remote.device)} />
      </div>
      <ErrorAlert>{resolve.isError ? errorText(resolve.error) : null}</ErrorAlert>
      <div className="form-actions conflict-actions">
        <button type="button" className="button-secondary" onClick={() => resolve.mutate('local')} disabled={resolve.isPending}>
          {t('conflicts.keepLocal')}
        </button>
        <button type="button" className="button-secondary" onClick={() => resolve.mutate('remote')} disabled={resolve.isPending}>
          {t('conflicts.keepRemote')}
        </button>
      </div>
    </li>
  );
}

function nameOf(devices: SyncDevice[] | undefined, self: string | undefined, t: (k: string) => string) {
  return (id: string) => {
    if (id === self) return t('conflicts.thisDevice');
    const d = devices?.find((x) => x.deviceId === id);
    if (d) return d.officerName ?? t('sync.officeMachine');
    return shortId(id);
  };
}

/** Each open conflict in plain words, both values with who wrote them and when; choose one. */
export function ConflictsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { navigate, canGoBack, back } = useNavigation();
  const invalidate = useInvalidateAfterSync();
  const label = useRecordLabel();
  const conflicts = useConflicts();
  const status = useSyncStatus();
  const devices = useDevices(Boolean(status.data?.role));
  const [notice, setNotice] = useState<string | null>(null);
  const open = (conflicts.data ?? []).filter((c) => c.status === 'open');
  const deviceName = nameOf(devices.data, status.data?.deviceId, t);

  return (
    <>
      <PageHeading
        actions={
          <button type="button" className="button-secondary" onClick={() => (canGoBack ? back() : navigate({ page: 'sync' }))}>
            {t('conflicts.back')}
          </button>
        }
      >
        {t('conflicts.title')}
      </PageHeading>
      <p className="lead">{t('conflicts.intro')}</p>
      <StatusNotice>{notice}</StatusNotice>
      <ErrorAlert>{conflicts.isError ? errorText(conflicts.error) : null}</ErrorAlert>
      {conflicts.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {conflicts.data && open.length === 0 ? (
        <EmptyState title={t('conflicts.emptyTitle')}>
          <p>{t('conflicts.emptyText')}</p>
        </EmptyState>
      ) : null}
      {open.length ? (
        <ul className="conflict-list">
          {open.map((c) => (
            <ConflictCard
              key={c.id}
              conflict={c}
              deviceName={deviceName}
              onResolved={() => {
                setNotice(t('conflicts.resolved', { record: label(c) }));
                void invalidate({ caseData: true });
                // Keyboard users stay in the list: focus the page heading, from which Tab reaches the next card.
                document.querySelector<HTMLElement>('main h1')?.focus();
              }}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}
