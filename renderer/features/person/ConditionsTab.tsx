import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueEntry, CaseDetail, Condition, SpecialConditionKind } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { SPECIAL_CONDITION_CODES } from '../people/codes';
import { DateField, SelectField, TextAreaField } from '../people/fields';
import { isIsoDate, todayInJapan } from '../people/personFormat';
import { focusNamed, useFormErrors } from '../people/useFormErrors';
import { useCatalogue, usePersonMutation } from './queries';
import type { PersonTabProps } from './types';

function useEntryLabel() {
  const { i18n } = useTranslation();
  return (e: CatalogueEntry) => (i18n.language === 'ja' ? e.labelJa : e.labelEn);
}

function AddCondition({ superviseeId, kase, onAdded }: { superviseeId: string; kase: CaseDetail; onAdded: (c: Condition) => void }) {
  const { t } = useTranslation();
  const label = useEntryLabel();
  const formRef = useRef<HTMLFormElement>(null);
  const catalogue = useCatalogue();
  const today = todayInJapan();
  const [kind, setKind] = useState<SpecialConditionKind | ''>('');
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const [setOn, setSetOn] = useState(today);
  const fields = ['kind', 'catalogueCode', 'text', 'setOn'] as const;
  const { errors, formError, clear, setClientErrors, setServerError, reset } = useFormErrors(fields);
  const add = usePersonMutation('conditions.add', superviseeId);
  const entries = (catalogue.data ?? []).filter((e) => e.kind === kind);

  function pickEntry(next: string) {
    setCode(next);
    clear('catalogueCode');
    const entry = entries.find((e) => e.code === next);
    if (entry) {
      setText(entry.text);
      clear('text');
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!kind) next.kind = t('conditions.kindRequired');
    if (!text.trim()) next.text = t('conditions.textRequired');
    if (!isIsoDate(setOn)) next.setOn = t('peopleErrors.dateRequired');
    const first = setClientErrors(next);
    if (first) return focusNamed(formRef.current, first);
    add.mutate(
      { caseId: kase.id, kind: kind as SpecialConditionKind, ...(code ? { catalogueCode: code } : {}), text: text.trim(), setOn },
      {
        onSuccess: (c) => {
          setKind('');
          setCode('');
          setText('');
          setSetOn(today);
          reset();
          onAdded(c);
        },
        onError: (error) => focusNamed(formRef.current, setServerError(error)),
      },
    );
  }

  return (
    <section className="card" aria-labelledby="conditions-add">
      <h2 id="conditions-add">{t('conditions.addTitle')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        <div className="grid-3">
          <SelectField
            name="kind"
            label={t('conditions.kind')}
            required
            placeholder={t('intake.choose')}
            value={kind}
            onChange={(v) => {
              setKind(v as SpecialConditionKind);
              setCode('');
              clear('kind');
            }}
            options={SPECIAL_CONDITION_CODES.map((c) => ({ value: c, label: t(`peopleCodes.conditionKind.${c}`) }))}
            error={errors.kind}
          />
          <SelectField
            name="catalogueCode"
            label={t('conditions.fromCatalogue')}
            placeholder={t('conditions.ownWording')}
            value={code}
            onChange={pickEntry}
            disabled={!kind}
            options={entries.map((e) => ({ value: e.code, label: label(e) }))}
            error={errors.catalogueCode}
          />
          <DateField
            name="setOn"
            label={t('conditions.setOn')}
            required
            value={setOn}
            onChange={(v) => {
              setSetOn(v);
              clear('setOn');
            }}
            error={errors.setOn}
          />
        </div>
        <TextAreaField
          name="text"
          label={t('conditions.text')}
          hint={t('conditions.textHint')}
          required
          value={text}
          onChange={(v) => {
            setText(v);
            clear('text');
          }}
          error={errors.text}
          maxLength={2000}
          rows={2}
        />
        <ErrorAlert>{formError}</ErrorAlert>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={add.isPending}>
            {add.isPending ? t('common.saving') : t('conditions.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

type Pending = { kind: 'change' | 'lift'; condition: Condition } | null;

function ConditionDialog({ superviseeId, pending, onClose, onDone }: { superviseeId: string; pending: NonNullable<Pending>; onClose: () => void; onDone: (c: Condition) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayInJapan();
  const c = pending.condition;
  const isChange = pending.kind === 'change';
  const [text, setText] = useState(c.text);
  const [date, setDate] = useState(today);
  const dateField = isChange ? 'changedOn' : 'liftedOn';
  const { errors, formError, clear, setClientErrors, setServerError } = useFormErrors(['text', dateField]);
  const change = usePersonMutation('conditions.change', superviseeId);
  const lift = usePersonMutation('conditions.lift', superviseeId);
  const busy = change.isPending || lift.isPending;
  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (isChange && !text.trim()) next.text = t('conditions.textRequired');
    if (!isIsoDate(date)) next[dateField] = t('peopleErrors.dateRequired');
    const first = setClientErrors(next);
    if (first) return focusNamed(formRef.current, first);
    const opts = { onSuccess: onDone, onError: (error: unknown) => focusNamed(formRef.current, setServerError(error)) };
    if (isChange) change.mutate({ id: c.id, text: text.trim(), changedOn: date }, opts);
    else lift.mutate({ id: c.id, liftedOn: date }, opts);
  }
  return (
    <Dialog title={isChange ? t('conditions.changeTitle') : t('conditions.liftTitle')} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        {isChange ? (
          <TextAreaField name="text" label={t('conditions.text')} required value={text} onChange={(v) => { setText(v); clear('text'); }} error={errors.text} maxLength={2000} rows={3} autoFocus />
        ) : (
          <blockquote className="quote">{c.text}</blockquote>
        )}
        <DateField
          name={dateField}
          label={isChange ? t('conditions.changedOn') : t('conditions.liftedOn')}
          required
          value={date}
          onChange={(v) => {
            setDate(v);
            clear(dateField);
          }}
          error={errors[dateField]}
        />
        <ErrorAlert>{formError}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={isChange ? 'button-primary' : 'button-danger'} disabled={busy}>
            {busy ? t('common.saving') : isChange ? t('conditions.changeSubmit') : t('conditions.liftSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ConditionDates({ c }: { c: Condition }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (
    <ul className="date-list">
      <li>{t('conditions.setOnShort', { date: formatDate(c.setOn, style) })}</li>
      {c.changedOn ? <li>{t('conditions.changedOnShort', { date: formatDate(c.changedOn, style) })}</li> : null}
      {c.liftedOn ? <li className="lifted-date">{t('conditions.liftedOnShort', { date: formatDate(c.liftedOn, style) })}</li> : null}
    </ul>
  );
}

/** General conditions (statutory) and special ones from the catalogue: add, change, lift. */
export function ConditionsTab({ person, caseId }: PersonTabProps) {
  const { t } = useTranslation();
  const label = useEntryLabel();
  const catalogue = useCatalogue();
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const kase = person.cases.find((c) => c.id === caseId);
  if (!kase) return null;
  const open = kase.status !== 'terminated';
  const general = kase.conditions.filter((c) => c.kind === 'general');
  const special = kase.conditions.filter((c) => c.kind !== 'general');
  const entryOf = (code: string) => catalogue.data?.find((e) => e.code === code);

  return (
    <>
      <StatusNotice>{notice}</StatusNotice>
      <section className="card" aria-labelledby="conditions-special">
        <h2 id="conditions-special">{t('conditions.special')}</h2>
        {special.length === 0 ? (
          <p className="muted">{t('conditions.noSpecial')}</p>
        ) : (
          <ul className="condition-list">
            {special.map((c) => {
              const entry = entryOf(c.catalogueCode);
              const lifted = c.liftedOn !== null;
              return (
                <li key={c.id} className={lifted ? 'condition condition-lifted' : 'condition'}>
                  <div className="condition-body">
                    <p className="condition-kind">
                      {t(`peopleCodes.conditionKind.${c.kind}`)}
                      {entry ? <span className="muted">・{label(entry)}</span> : null}
                      {lifted ? <span className="badge badge-off">{t('conditions.liftedBadge')}</span> : null}
                    </p>
                    {lifted ? (
                      <p className="condition-text">
                        <del>{c.text}</del>
                      </p>
                    ) : (
                      <p className="condition-text">{c.text}</p>
                    )}
                    <ConditionDates c={c} />
                  </div>
                  {open && !lifted ? (
                    <div className="row-actions">
                      <button type="button" className="button-small" aria-label={`${t('conditions.change')}: ${c.text}`} onClick={() => setPending({ kind: 'change', condition: c })}>
                        {t('conditions.change')}
                      </button>
                      <button type="button" className="button-small" aria-label={`${t('conditions.lift')}: ${c.text}`} onClick={() => setPending({ kind: 'lift', condition: c })}>
                        {t('conditions.lift')}
                      </button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {open ? (
        <AddCondition superviseeId={person.person.id} kase={kase} onAdded={() => setNotice(t('conditions.added'))} />
      ) : null}
      <section className="card" aria-labelledby="conditions-general">
        <h2 id="conditions-general">{t('conditions.general')}</h2>
        <p className="hint">{t('conditions.generalHint')}</p>
        <ol className="condition-list condition-list-general">
          {general.map((c) => {
            const entry = entryOf(c.catalogueCode);
            return (
              <li key={c.id} className="condition">
                <div className="condition-body">
                  {entry ? <p className="condition-kind">{label(entry)}</p> : null}
                  <p className="condition-text">{c.text}</p>
                  <ConditionDates c={c} />
                </div>
              </li>
            );
          })}
        </ol>
      </section>
      {pending ? (
        <ConditionDialog
          superviseeId={person.person.id}
          pending={pending}
          onClose={() => setPending(null)}
          onDone={() => {
            setNotice(pending.kind === 'change' ? t('conditions.changed') : t('conditions.lifted'));
            setPending(null);
          }}
        />
      ) : null}
    </>
  );
}
