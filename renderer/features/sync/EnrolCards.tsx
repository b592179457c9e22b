import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { useErrorText } from '../../i18n/useFormat';
import { useSession } from '../session/SessionContext';
import { handOffAfterEnrolment } from './handoff';
import { useInvalidateAfterSync } from './queries';

/** Office administrator: import a laptop's request, bind it to an officer, write the response. */
export function EnrolLaptopAtOffice() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const invalidate = useInvalidateAfterSync();
  const selectId = useId();
  const staff = useQuery({ queryKey: ['users', 'staff'], queryFn: () => call('users.staff', {}) });
  const [officerId, setOfficerId] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const accept = useMutation({
    mutationFn: () => call('sync.enrol.accept', { officerId }),
    onSuccess: (r) => {
      setNotice(t('sync.enrolAccepted', { keyId: r.keyId, path: r.responsePath }));
      void invalidate();
    },
  });
  const officers = (staff.data ?? []).filter((s) => s.role === 'officer');

  return (
    <section className="card" aria-labelledby="enrol-office-title">
      <h2 id="enrol-office-title">{t('sync.enrolOfficeSection')}</h2>
      <p>{t('sync.enrolOfficeIntro')}</p>
      <div className="sync-enrol-row">
        <div className="field">
          <label htmlFor={selectId}>{t('sync.enrolOfficer')}</label>
          <div className="field-control">
            <select
              id={selectId}
              ref={selectRef}
              value={officerId}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${selectId}-error` : undefined}
              onChange={(e) => {
                setOfficerId(e.target.value);
                setFieldError(null);
              }}
            >
              <option value="">{t('sync.enrolOfficerChoose')}</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.displayName}
                </option>
              ))}
            </select>
          </div>
          {fieldError ? (
            <p id={`${selectId}-error`} className="field-error">
              {fieldError}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className="button-primary"
          disabled={accept.isPending}
          onClick={() => {
            setNotice(null);
            if (!officerId) {
              setFieldError(t('sync.enrolOfficerRequired'));
              selectRef.current?.focus();
              return;
            }
            accept.mutate();
          }}
        >
          {t('sync.enrolAccept')}
        </button>
      </div>
      <StatusNotice>{notice}</StatusNotice>
      <ErrorAlert>{accept.isError ? errorText(accept.error) : staff.isError ? errorText(staff.error) : null}</ErrorAlert>
    </section>
  );
}

/** A laptop not yet enrolled: write the request, later import the office's response. */
export function EnrolThisLaptop({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const invalidate = useInvalidateAfterSync();
  const { refresh } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const request = useMutation({
    mutationFn: () => call('sync.enrol.request', {}),
    onSuccess: (r) => setNotice(t('sync.enrolRequested', { path: r.path, keyId: status.keyId ?? '' })),
  });
  const complete = useMutation({
    mutationFn: () => call('sync.enrol.complete', {}),
    onSuccess: async (r) => {
      const done = t('sync.enrolCompleted', { name: r.user.displayName });
      setNotice(done);
      handOffAfterEnrolment(done);
      await invalidate({ caseData: true });
      // The laptop's user is now the office's user (id, login, name, role): re-read the session.
      await refresh();
    },
  });
  const error = request.isError ? request.error : complete.isError ? complete.error : null;
  return (
    <section className="card sync-enrol-laptop" aria-labelledby="enrol-laptop-title">
      <h2 id="enrol-laptop-title">{t('sync.enrolLaptopSection')}</h2>
      <p>{t('sync.enrolLaptopIntro')}</p>
      <p className="hint">{t('sync.enrolLaptopRecovery')}</p>
      {!status.folder ? <p className="hint">{t('sync.needFolderFirst')}</p> : null}
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={() => request.mutate()} disabled={!status.folder || request.isPending}>
          {t('sync.enrolRequest')}
        </button>
        <button type="button" className="button-secondary" onClick={() => complete.mutate()} disabled={complete.isPending}>
          {t('sync.enrolComplete')}
        </button>
      </div>
      <StatusNotice>{notice}</StatusNotice>
      <ErrorAlert>{error ? errorText(error) : null}</ErrorAlert>
    </section>
  );
}
