import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkStatus, WorkStatusEntry } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { WORK_STATUS_OPTIONS } from './codes';
import { useFieldErrors } from './formErrors';
import { useSetStatus } from './queries';

type F = 'status' | 'since';
const ORDER: readonly F[] = ['status', 'since'];
const SERVICE: Record<string, F> = { status: 'status', since: 'since' };
const MESSAGES = {
  'DUPLICATE:since': 'work.status.duplicate',
  'VALIDATION:status': 'work.status.same',
  'DATE_IN_FUTURE:since': 'work.common.dateFuture',
};

export function StatusDialog({
  caseId,
  current,
  onClose,
  onSaved,
}: {
  caseId: string;
  current: WorkStatus | null;
  onClose: () => void;
  onSaved: (e: WorkStatusEntry) => void;
}) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [status, setStatus] = useState<WorkStatus>(current === 'full_time' ? 'unemployed_seeking' : 'full_time');
  const [since, setSince] = useState(today);
  const errors = useFieldErrors(ORDER, SERVICE, MESSAGES);
  const save = useSetStatus();

  function submit(e: FormEvent) {
    e.preventDefault();
    const day = parseDateText(since);
    const next: Partial<Record<F, string>> = {};
    if (!day) next.since = t('work.common.dateInvalid');
    else if (day > today) next.since = t('work.common.dateFuture');
    if (!errors.check(next) || !day) return;
    save.mutate({ caseId, status, since: day }, { onSuccess: onSaved, onError: errors.fail });
  }

  return (
    <Dialog title={t('work.status.setTitle')} onClose={onClose}>
      <form className="stack" noValidate onSubmit={submit}>
        <div className="grid-2">
          <SelectField<WorkStatus>
            ref={errors.register('status')}
            label={t('work.status.statusLabel')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              errors.clear('status');
            }}
            options={WORK_STATUS_OPTIONS.map((s) => ({ value: s, label: t(`work.statuses.${s}`) }))}
            error={errors.errorOf('status')}
            required
          />
          <DateTextField
            ref={errors.register('since')}
            kind="date"
            label={t('work.status.since')}
            value={since}
            onChange={(v) => {
              setSince(v);
              errors.clear('since');
            }}
            error={errors.errorOf('since')}
            required
          />
        </div>
        <p className="hint">{t('work.status.setHint')}</p>
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('work.status.set')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
