import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactKind, ContactStandard } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { CONTACT_KIND_OPTIONS } from '../contacts/codes';
import { fieldOfError } from '../contacts/serviceErrors';
import { draftProblems, isDirty, isLevelCode, toDraft, toInput, type CountsFor, type Draft, type DraftField } from './draft';
import { useSaveStandard, useStandards } from './queries';

const SERVICE_FIELDS: Record<string, DraftField> = {
  label: 'label',
  poPerMonth: 'poPerMonth',
  vpoPerMonth: 'vpoPerMonth',
  poKinds: 'kinds',
  vpoKinds: 'kinds',
};
const COUNTS: readonly CountsFor[] = ['po', 'vpo', 'none'];

type Errors = Record<string, Partial<Record<DraftField, string>>>;

function CellError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} className="field-error">
      {text}
    </p>
  ) : null;
}

function StandardsMatrix({ standards }: { standards: ContactStandard[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = useSaveStandard();
  const [edits, setEdits] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focusFirstError = useRef(false);
  const table = useRef<HTMLTableElement>(null);
  const draftOf = (s: ContactStandard) => edits[s.id] ?? toDraft(s);

  // After a failed save, the first field in error takes focus (once it shows as invalid).
  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    table.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const dirty = standards.filter((s) => edits[s.id] && isDirty(edits[s.id]!, s));

  function edit(s: ContactStandard, patch: Partial<Draft>, field: DraftField) {
    setEdits((e) => ({ ...e, [s.id]: { ...draftOf(s), ...patch } }));
    setErrors((e) => (e[s.id]?.[field] ? { ...e, [s.id]: { ...e[s.id], [field]: undefined } } : e));
    setNotice(null);
  }

  function setKind(s: ContactStandard, kind: ContactKind, counts: CountsFor) {
    const d = draftOf(s);
    edit(s, { kinds: { ...d.kinds, [kind]: counts } }, 'kinds');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(null);
    setNotice(null);
    const local: Errors = {};
    for (const s of dirty) {
      const p = draftProblems(edits[s.id]!);
      if (Object.keys(p).length > 0) local[s.id] = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, t(v)]));
    }
    focusFirstError.current = true;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const saved: string[] = [];
    for (const s of dirty) {
      try {
        await save.mutateAsync(toInput(edits[s.id]!));
        saved.push(s.id);
        setEdits((e) => {
          const { [s.id]: _, ...rest } = e;
          return rest;
        });
      } catch (error) {
        const field = fieldOfError(error, SERVICE_FIELDS);
        focusFirstError.current = true;
        if (field) setErrors((e) => ({ ...e, [s.id]: { ...e[s.id], [field]: errorText(error) } }));
        else setGeneral(errorText(error));
        break;
      }
    }
    if (saved.length > 0) setNotice(t('daily.standardsPage.saved', { levels: saved.join(t('daily.common.listSeparator')) }));
  }

  return (
    <form onSubmit={submit} noValidate className="card standards-card">
      <div className="table-wrap table-wrap-flat">
        <table ref={table} className="data-table standards-table">
          <caption className="visually-hidden">{t('daily.standardsPage.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('daily.standardsPage.level')}</th>
              {standards.map((s) => (
                <th scope="col" key={s.id} className="col-level">
                  {s.id}
                  {edits[s.id] && isDirty(edits[s.id]!, s) ? <span className="pill pill-attention">{t('daily.standardsPage.changed')}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('daily.standardsPage.label')}</th>
              {standards.map((s) => {
                const err = errors[s.id]?.label;
                return (
                  <td key={s.id}>
                    <input
                      type="text"
                      aria-label={t('daily.standardsPage.fieldOf', { field: t('daily.standardsPage.label'), level: s.id })}
                      value={draftOf(s).label}
                      maxLength={80}
                      onChange={(e) => edit(s, { label: e.target.value }, 'label')}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={err ? `std-${s.id}-label-error` : undefined}
                    />
                    <CellError id={`std-${s.id}-label-error`} text={err} />
                  </td>
                );
              })}
            </tr>
            {(['poPerMonth', 'vpoPerMonth'] as const).map((f) => (
              <tr key={f}>
                <th scope="row">{t(`daily.standardsPage.${f}`)}</th>
                {standards.map((s) => {
                  const err = errors[s.id]?.[f];
                  return (
                    <td key={s.id}>
                      <input
                        type="number"
                        className="input-count"
                        min={0}
                        max={31}
                        step={1}
                        aria-label={t('daily.standardsPage.fieldOf', { field: t(`daily.standardsPage.${f}`), level: s.id })}
                        value={draftOf(s)[f]}
                        onChange={(e) => edit(s, { [f]: e.target.value }, f)}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `std-${s.id}-${f}-error` : undefined}
                      />
                      <CellError id={`std-${s.id}-${f}-error`} text={err} />
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="row-group">
              <th scope="rowgroup" colSpan={standards.length + 1}>
                {t('daily.standardsPage.kindsTitle')}
                <span className="sub">{t('daily.standardsPage.kindsHint')}</span>
              </th>
            </tr>
            {CONTACT_KIND_OPTIONS.map((k) => (
              <tr key={k}>
                <th scope="row">{t(`daily.kinds.${k}`)}</th>
                {standards.map((s) => (
                  <td key={s.id}>
                    <select
                      aria-label={t('daily.standardsPage.fieldOf', { field: t(`daily.kinds.${k}`), level: s.id })}
                      value={draftOf(s).kinds[k]}
                      onChange={(e) => setKind(s, k, e.target.value as CountsFor)}
                      className={`counts-${draftOf(s).kinds[k]}`}
                    >
                      {COUNTS.map((c) => (
                        <option key={c} value={c}>
                          {t(`daily.standardsPage.countsFor.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            ))}
            {standards.some((s) => errors[s.id]?.kinds) ? (
              <tr>
                <th scope="row" />
                {standards.map((s) => (
                  <td key={s.id}>
                    <CellError id={`std-${s.id}-kinds-error`} text={errors[s.id]?.kinds} />
                  </td>
                ))}
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <ErrorAlert>{general}</ErrorAlert>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending || dirty.length === 0}>
          {save.isPending ? t('common.saving') : t('daily.standardsPage.save')}
        </button>
        {dirty.length > 0 ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setEdits({});
              setErrors({});
            }}
          >
            {t('daily.standardsPage.discard')}
          </button>
        ) : (
          <p className="hint">{t('daily.standardsPage.noChanges')}</p>
        )}
      </div>
      <StatusNotice>{notice}</StatusNotice>
    </form>
  );
}

function AddLevel({ existing }: { existing: readonly string[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = useSaveStandard();
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<{ code?: string; label?: string }>({});
  const [notice, setNotice] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const c = code.trim();
    const next: { code?: string; label?: string } = {};
    if (!isLevelCode(c)) next.code = t('daily.standardsPage.codeInvalid');
    else if (existing.includes(c)) next.code = t('daily.standardsPage.codeTaken');
    if (!label.trim()) next.label = t('daily.standardsPage.labelRequired');
    setErrors(next);
    if (next.code || next.label) return;
    save.mutate(
      { id: c, label: label.trim(), poPerMonth: 0, vpoPerMonth: 0, poKinds: [], vpoKinds: [] },
      {
        onSuccess: (s) => {
          setCode('');
          setLabel('');
          setNotice(t('daily.standardsPage.added', { level: s.id }));
        },
        onError: (error) => {
          const field = fieldOfError(error, { id: 'code', label: 'label' } as const);
          if (field) setErrors({ [field]: errorText(error) });
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="add-level-title">
      <h2 id="add-level-title">{t('daily.standardsPage.addTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="daily-grid">
          <TextField
            label={t('daily.standardsPage.code')}
            value={code}
            onChange={(v) => {
              setCode(v);
              setErrors((e) => ({ ...e, code: undefined }));
            }}
            hint={t('daily.standardsPage.codeHint')}
            error={errors.code}
            maxLength={16}
            required
          />
          <TextField
            className="daily-span-2"
            label={t('daily.standardsPage.label')}
            value={label}
            onChange={(v) => {
              setLabel(v);
              setErrors((e) => ({ ...e, label: undefined }));
            }}
            error={errors.label}
            maxLength={80}
            required
          />
          <div className="field daily-field-button">
            <button type="submit" className="button-secondary" disabled={save.isPending}>
              {t('daily.standardsPage.add')}
            </button>
          </div>
        </div>
        <ErrorAlert>{save.isError && !fieldOfError(save.error, { id: 'code', label: 'label' }) ? errorText(save.error) : null}</ErrorAlert>
        <p className="hint">{t('daily.standardsPage.addHint')}</p>
      </form>
      <StatusNotice>{notice}</StatusNotice>
    </section>
  );
}

/** Supervisors and administrators: the office's contact standards per intensity level. */
export function StandardsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const standards = useStandards();
  return (
    <>
      <PageHeading>{t('daily.standardsPage.title')}</PageHeading>
      <p className="lead">{t('daily.standardsPage.intro')}</p>
      <div className="alert alert-warning" role="note">
        <p className="alert-title">{t('daily.standardsPage.assumptionTitle')}</p>
        <p>{t('daily.standardsPage.assumption')}</p>
      </div>
      {standards.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      <ErrorAlert>{standards.isError ? errorText(standards.error) : null}</ErrorAlert>
      {standards.data ? <StandardsMatrix standards={standards.data} /> : null}
      {standards.data ? <AddLevel existing={standards.data.map((s) => s.id)} /> : null}
    </>
  );
}
