import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../db/contract';
import { useState } from 'react';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { useIsAdmin } from '../session/SessionContext';
import { useNavigation } from '../shell/pages';
import { BundlesTable } from './BundlesTable';
import { ClockAheadWarning } from './ClockAheadWarning';
import { DevicesTable } from './DevicesTable';
import { EnrolLaptopAtOffice, EnrolThisLaptop } from './EnrolCards';
import { takeHandOffNotice } from './handoff';
import { useBundles, useDevices, useSyncStatus } from './queries';
import { SyncRunCard } from './SyncRunCard';
import { SyncSettingsCard } from './SyncSettingsCard';

function DeviceCard({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="sync-device-title">
      <h2 id="sync-device-title">{t('sync.thisDevice')}</h2>
      <dl className="sync-facts">
        <dt>{t('sync.role')}</dt>
        <dd>{t(`sync.roles.${status.role ?? 'none'}`)}</dd>
        <dt>{t('sync.enrolled')}</dt>
        <dd>{status.enrolled ? t('sync.enrolledYes') : t('sync.enrolledNo')}</dd>
        <dt>{t('sync.keyId')}</dt>
        <dd className="mono sync-keyid">{status.keyId ?? t('common.none')}</dd>
        <dt>{t('sync.deviceId')}</dt>
        <dd className="mono">{status.deviceId}</dd>
      </dl>
      <p className="hint">{t('sync.keyIdHint')}</p>
    </section>
  );
}

function ConflictsCard({ count }: { count: number }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  return (
    <section className={`card ${count ? 'sync-attention' : ''}`} aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">{t('sync.conflictsSection')}</h2>
      <p>{count ? t('sync.conflictsSome', { n: count }) : t('sync.conflictsNone')}</p>
      {count ? (
        <button type="button" className="button-primary" onClick={() => navigate({ page: 'conflicts' })}>
          {t('sync.openConflicts')}
        </button>
      ) : null}
    </section>
  );
}

/** This device's sync: role and key, folder and interval, export/import, enrolment, peers, bundles, conflicts. */
export function SyncPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const isAdmin = useIsAdmin();
  const status = useSyncStatus();
  const [handedOver] = useState(takeHandOffNotice);
  const s = status.data;
  const active = Boolean(s?.role);
  const devices = useDevices(active);
  const bundles = useBundles(active);

  return (
    <>
      <PageHeading>{t('sync.title')}</PageHeading>
      <p className="lead">{t('sync.intro')}</p>
      <StatusNotice>{handedOver}</StatusNotice>
      {status.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      <ErrorAlert>{status.isError ? errorText(status.error) : null}</ErrorAlert>
      {s && !s.role ? (
        <EmptyState title={t('sync.notSetUpTitle')}>
          <p>{t('sync.notSetUpText')}</p>
        </EmptyState>
      ) : null}
      {s?.role ? (
        <>
          <ClockAheadWarning status={s} />
          <div className="sync-grid">
            <DeviceCard status={s} />
            <SyncSettingsCard key={`${s.folder}-${s.intervalHours}`} status={s} />
          </div>
          {s.role === 'laptop' && !s.enrolled ? <EnrolThisLaptop status={s} /> : null}
          <div className="sync-grid">
            <SyncRunCard status={s} />
            <ConflictsCard count={s.openConflicts} />
          </div>
          {s.role === 'office' && isAdmin ? <EnrolLaptopAtOffice /> : null}
          <section className="section" aria-labelledby="sync-devices-title">
            <h2 id="sync-devices-title">{t('sync.devicesSection')}</h2>
            <ErrorAlert>{devices.isError ? errorText(devices.error) : null}</ErrorAlert>
            {devices.data ? <DevicesTable devices={devices.data} canRevoke={isAdmin} /> : null}
          </section>
          <section className="section" aria-labelledby="sync-bundles-title">
            <h2 id="sync-bundles-title">{t('sync.bundlesSection')}</h2>
            <ErrorAlert>{bundles.isError ? errorText(bundles.error) : null}</ErrorAlert>
            {bundles.data ? <BundlesTable bundles={bundles.data} devices={devices.data ?? []} /> : null}
          </section>
        </>
      ) : null}
    </>
  );
}
