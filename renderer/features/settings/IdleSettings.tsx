import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useErrorText } from '../../i18n/useFormat';
import { useIsAdmin, useSession } from '../session/SessionContext';

const settingsKey = ['settings'] as const;

function AdminIdleForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { refresh } = useSession();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => call('settings.get', {}) });
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const update = useMutation({
    mutationFn: (idleMinutes: number) => call('settings.update', { idleMinutes }),
    onSuccess: (next) => {
      qc.setQueryData(settingsKey, next);
      setSaved(t('settings.idleSaved', { n: next.idleMinutes }));
      void refresh();
    },
  });

  const loaded = settings.data?.idleMinutes;
  useEffect(() => {
    if (loaded !== undefined) setValue(String(loaded));
  }, [loaded]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const n = Number(value);
    if (!/^\d+$/u.test(value.trim()) || n < 1 || n > 240) {
      setFieldError(t('settings.idleInvalid'));
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    update.mutate(n);
  }

  return (
    <form onSubmit={submit} noValidate className="stack">
      <TextField
        ref={inputRef}
        label={t('settings.idleMinutes')}
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        step={1}
        value={value}
        onChange={setValue}
        hint={t('settings.idleHint')}
        error={fieldError}
        className="field-narrow"
        disabled={settings.isPending}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={update.isPending || settings.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
      <StatusNotice>{saved}</StatusNotice>
      <ErrorAlert>{settings.isError ? errorText(settings.error) : update.isError ? errorText(update.error) : null}</ErrorAlert>
    </form>
  );
}

export function IdleSettings() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const { status } = useSession();
  return (
    <section className="card" aria-labelledby="idle-settings-title">
      <h2 id="idle-settings-title">{t('settings.idleSection')}</h2>
      {isAdmin ? <AdminIdleForm /> : <p>{t('settings.idleCurrent', { n: status.idleMinutes })}</p>}
    </section>
  );
}
