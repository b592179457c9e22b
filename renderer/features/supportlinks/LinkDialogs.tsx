import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportLink, SupportOrg } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextAreaField } from '../contacts/controls';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { useFieldErrors } from '../work/formErrors';
import { ORG_KIND_OPTIONS, useCreateLink, useEndLink } from './queries';

type F = 'orgId' | 'startedOn' | 'notes';
const ORDER: readonly F[] = ['orgId', 'startedOn', 'notes'];
const SERVICE: Record<string, F> = { orgId: 'orgId', startedOn: 'startedOn', notes: 'notes' };
const MESSAGES = {
  'DUPLICATE:orgId': 'supportLinks.orgDuplicate',
  'VALIDATION:orgId': 'supportLinks.orgInactive',
  INVALID_STATE: 'work.common.caseClosed',
};

/** Links the case to a medical institution or NGO from the directory. */
export function LinkDialog({ caseId, orgs, onClose, onSaved }: { caseId: string; orgs: readonly SupportOrg[]; onClose: () => void; onSaved: (l: SupportLink) => void }) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [orgId, setOrgId] = useState('');
  const [startedOn, setStartedOn] = useState(today);
  const [notes, setNotes] = useState('');
  const errors = useFieldErrors(ORDER, SERVICE, MESSAGES);
  const create = useCreateLink();
  const sorted = [...orgs].sort((a, b) => ORG_KIND_OPTIONS.indexOf(a.kind) - ORG_KIND_OPTIONS.indexOf(b.kind) || a.name.localeCompare(b.name));

  function submit(e: FormEvent) {
    e.preventDefault();
    const day = parseDateText(startedOn);
    const next: Partial<Record<F, string>> = {};
    if (!orgId) next.orgId = t('supportLinks.orgRequired');
    if (!day) next.startedOn = t('work.common.dateInvalid');
    else if (day > today) next.startedOn = t('work.common.dateFuture');
    if (!errors.check(next) || !day) return;
    create.mutate({ caseId, orgId, startedOn: day, notes: notes.trim() }, { onSuccess: onSaved, onError: errors.fail });
  }

  return (
    <Dialog title={t('supportLinks.linkTitle')} onClose={onClose}>
      <form className="stack work-dialog" noValidate onSubmit={submit}>
        <div className="grid-2">
          <SelectField<string>
            ref={errors.register('orgId')}
            label={t('supportLinks.org')}
            value={orgId}
            onChange={(v) => {
              setOrgId(v);
              errors.clear('orgId');
            }}
            options={[
              { value: '', label: t('work.common.choose') },
              ...sorted.map((o) => ({ value: o.id, label: `${o.name}（${t(`supportLinks.kinds.${o.kind}`)}）` })),
            ]}
            error={errors.errorOf('orgId')}
            required
          />
          <DateTextField
            ref={errors.register('startedOn')}
            kind="date"
            label={t('supportLinks.startedOn')}
            value={startedOn}
            onChange={(v) => {
              setStartedOn(v);
              errors.clear('startedOn');
            }}
            error={errors.errorOf('startedOn')}
            required
          />
        </div>
        <TextAreaField ref={errors.register('notes')} label={t('supportLinks.notes')} value={notes} onChange={setNotes} rows={2} maxLength={4000} error={errors.errorOf('notes')} />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('supportLinks.link')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Records the day a link to support ended. */
export function EndLinkDialog({ link, onClose, onSaved }: { link: SupportLink; onClose: () => void; onSaved: (l: SupportLink) => void }) {
  const { t } = useTranslation();
  const { today } = useJapanNow();
  const [endedOn, setEndedOn] = useState(today);
  const errors = useFieldErrors(['endedOn'] as const, { endedOn: 'endedOn' }, { END_BEFORE_START: 'work.common.endBeforeStart' });
  const end = useEndLink();

  function submit(e: FormEvent) {
    e.preventDefault();
    const day = parseDateText(endedOn);
    let message: string | undefined;
    if (!day) message = t('work.common.dateInvalid');
    else if (day > today) message = t('work.common.dateFuture');
    else if (day < link.startedOn) message = t('work.common.endBeforeStart');
    if (!errors.check({ endedOn: message }) || !day) return;
    end.mutate({ id: link.id, endedOn: day }, { onSuccess: onSaved, onError: errors.fail });
  }

  return (
    <Dialog title={t('supportLinks.endTitle', { org: link.orgName })} onClose={onClose}>
      <form className="stack" noValidate onSubmit={submit}>
        <DateTextField
          ref={errors.register('endedOn')}
          kind="date"
          label={t('supportLinks.endedOn')}
          value={endedOn}
          onChange={(v) => {
            setEndedOn(v);
            errors.clear('endedOn');
          }}
          error={errors.errorOf('endedOn')}
          required
          autoFocus
        />
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={end.isPending}>
            {end.isPending ? t('common.saving') : t('supportLinks.end')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
