import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, Program, ProgramKind } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { CheckboxField, SelectField } from '../contacts/controls';
import { useFormErrors } from '../contacts/useFormErrors';
import { PROGRAM_KIND_OPTIONS } from './codes';
import { useProgramsMutation } from './queries';

/** Kinds a new catalogue entry may have: outside treatment (the relapse prevention program is seeded). */
export const OUTSIDE_KINDS = PROGRAM_KIND_OPTIONS.filter((k) => k !== 'relapse_prevention');
type OutsideKind = Exclude<ProgramKind, 'relapse_prevention'>;

const CORE_DAYS = { min: 1, max: 90 } as const;
const STEP_UP_DAYS = { min: 1, max: 180 } as const;

/** A whole number of days within the contract's bounds, else null. */
export function parseDays(text: string, bounds: { min: number; max: number }): number | null {
  const s = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n >= bounds.min && n <= bounds.max ? n : null;
}

/** A fresh code for a new program: its kind and a short suffix (the contract's a–z, 0–9, _; ≤ 32). */
function newCode(kind: OutsideKind): string {
  return `${kind}_${Date.now().toString(36)}`.slice(0, 32);
}

/**
 * Edits a catalogue entry (name, provider, in use; for a program with a core stage its session
 * titles and intervals), or adds an outside-treatment program (program null). Supervisors and
 * administrators only: the service refuses anyone else.
 */
export function CatalogueDialog({ program, onClose, onSaved }: { program: Program | null; onClose: () => void; onSaved: (p: Program, added: boolean) => void }) {
  const { t } = useTranslation();
  const core = program?.rules.core;
  const stepUp = program?.rules.stepUp;
  const [name, setName] = useState(program?.name ?? '');
  const [kind, setKind] = useState<OutsideKind>(program && program.kind !== 'relapse_prevention' ? program.kind : 'psychiatric_outpatient');
  const [provider, setProvider] = useState(program?.provider ?? '');
  const [active, setActive] = useState(program?.active ?? true);
  const [titles, setTitles] = useState<string[]>(() => core?.sessions.map((s) => s.title) ?? []);
  const [coreDays, setCoreDays] = useState(core ? String(core.intervalDays) : '');
  const [stepUpDays, setStepUpDays] = useState(stepUp ? String(stepUp.intervalDays) : '');
  const save = useProgramsMutation('programs.save');

  const { order, service } = useMemo(() => {
    const sessionFields = titles.map((_, i) => `session${i + 1}`);
    const map: Record<string, string> = {
      name: 'name',
      code: 'name',
      kind: 'kind',
      provider: 'provider',
      active: 'active',
      'rules.core': 'session1',
      'rules.core.sessions': 'session1',
      'rules.core.intervalDays': 'coreInterval',
      'rules.stepUp': 'stepUpInterval',
      'rules.stepUp.intervalDays': 'stepUpInterval',
    };
    titles.forEach((_, i) => {
      map[`rules.core.sessions.${i}`] = `session${i + 1}`;
      map[`rules.core.sessions.${i}.title`] = `session${i + 1}`;
      map[`rules.core.sessions.${i}.no`] = `session${i + 1}`;
    });
    return { order: ['name', 'kind', 'provider', 'active', ...sessionFields, 'coreInterval', 'stepUpInterval'], service: map };
    // The number of sessions never changes while the dialog is open.
  }, [titles.length]);
  const errors = useFormErrors<string>(order, service);

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('programs.catalogue.nameRequired');
    titles.forEach((title, i) => {
      if (!title.trim()) next[`session${i + 1}`] = t('programs.catalogue.titleRequired');
    });
    const cd = core ? parseDays(coreDays, CORE_DAYS) : null;
    const sd = stepUp ? parseDays(stepUpDays, STEP_UP_DAYS) : null;
    if (core && cd === null) next.coreInterval = t('programs.catalogue.daysInvalid', CORE_DAYS);
    if (stepUp && sd === null) next.stepUpInterval = t('programs.catalogue.daysInvalid', STEP_UP_DAYS);
    if (!errors.check(next)) return;
    const rules: InputOf<'programs.save'>['rules'] = {
      ...(core && cd !== null ? { core: { intervalDays: cd, sessions: titles.map((title, i) => ({ no: i + 1, title: title.trim() })) } } : {}),
      ...(stepUp && sd !== null ? { stepUp: { intervalDays: sd } } : {}),
    };
    const input: InputOf<'programs.save'> = program
      ? { id: program.id, code: program.code, name: name.trim(), kind: program.kind, provider: provider.trim(), rules, active }
      : { code: newCode(kind), name: name.trim(), kind, provider: provider.trim(), rules: {}, active };
    save.mutate(input, { onSuccess: (p) => onSaved(p, !program), onError: errors.fail });
  }

  const title = program ? t('programs.catalogue.editTitle', { name: program.name }) : t('programs.catalogue.addTitle');
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="stack programs-catalogue-form" noValidate onSubmit={submit}>
        <div className="grid-3">
          <TextField
            ref={errors.register('name')}
            label={t('programs.catalogue.name')}
            value={name}
            onChange={(v) => {
              setName(v);
              errors.clear('name');
            }}
            error={errors.errorOf('name')}
            maxLength={120}
            required
            autoFocus
          />
          {program ? (
            <div className="field">
              <span className="field-label">{t('programs.catalogue.kind')}</span>
              <p className="field-static">{t(`programs.kinds.${program.kind}`)}</p>
            </div>
          ) : (
            <SelectField<OutsideKind>
              ref={errors.register('kind')}
              label={t('programs.catalogue.kind')}
              value={kind}
              onChange={setKind}
              options={OUTSIDE_KINDS.map((k) => ({ value: k, label: t(`programs.kinds.${k}`) }))}
              error={errors.errorOf('kind')}
              required
            />
          )}
          <TextField
            ref={errors.register('provider')}
            label={t('programs.catalogue.provider')}
            value={provider}
            onChange={(v) => {
              setProvider(v);
              errors.clear('provider');
            }}
            error={errors.errorOf('provider')}
            hint={t('programs.catalogue.providerHint')}
            maxLength={200}
          />
        </div>
        <CheckboxField ref={errors.register('active')} label={t('programs.catalogue.activeLabel')} hint={t('programs.catalogue.activeHint')} checked={active} onChange={setActive} error={errors.errorOf('active')} />
        {core ? (
          <fieldset>
            <legend>{t('programs.catalogue.coreTitle')}</legend>
            <div className="grid-2">
            {titles.map((value, i) => {
              const f = `session${i + 1}`;
              return (
                <TextField
                  key={f}
                  ref={errors.register(f)}
                  label={t('programs.catalogue.sessionTitle', { n: i + 1 })}
                  value={value}
                  onChange={(v) => {
                    setTitles((a) => a.map((x, j) => (j === i ? v : x)));
                    errors.clear(f);
                  }}
                  error={errors.errorOf(f)}
                  maxLength={200}
                  required
                />
              );
            })}
            </div>
          </fieldset>
        ) : null}
        {core || stepUp ? (
          <fieldset>
            <legend>{t('programs.catalogue.intervals')}</legend>
            <div className="grid-2">
              {core ? (
                <TextField
                  ref={errors.register('coreInterval')}
                  label={t('programs.catalogue.coreInterval')}
                  value={coreDays}
                  onChange={(v) => {
                    setCoreDays(v);
                    errors.clear('coreInterval');
                  }}
                  error={errors.errorOf('coreInterval')}
                  hint={t('programs.catalogue.coreIntervalHint')}
                  inputMode="numeric"
                  maxLength={3}
                  required
                />
              ) : null}
              {stepUp ? (
                <TextField
                  ref={errors.register('stepUpInterval')}
                  label={t('programs.catalogue.stepUpInterval')}
                  value={stepUpDays}
                  onChange={(v) => {
                    setStepUpDays(v);
                    errors.clear('stepUpInterval');
                  }}
                  error={errors.errorOf('stepUpInterval')}
                  hint={t('programs.catalogue.stepUpIntervalHint')}
                  inputMode="numeric"
                  maxLength={3}
                  required
                />
              ) : null}
            </div>
          </fieldset>
        ) : null}
        <ErrorAlert>{errors.general}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : program ? t('common.save') : t('programs.catalogue.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
