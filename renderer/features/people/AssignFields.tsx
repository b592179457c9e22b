import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useSession } from '../session/SessionContext';
import { useVpos } from '../vpos/queries';
import { VpoDialog } from '../vpos/VpoDialog';
import { SelectField } from './fields';

/**
 * The assigned probation officer. Supervisors and administrators choose from the staff; an officer
 * takes the case on themself. The service enforces who may assign whom.
 */
export function OfficerSelect({
  value,
  onChange,
  error,
  currentName,
  hint,
}: {
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  /** The officer assigned now, when editing (shown if the list is not available). */
  currentName?: string | null;
  /** Who becomes the officer and who may change it, where intake's sentence does not fit. */
  hint?: string;
}) {
  const { t } = useTranslation();
  const me = useSession().status.user;
  const mayAssign = me.role !== 'officer';
  const staff = useQuery({ queryKey: ['users', 'staff'], queryFn: () => call('users.staff', {}), enabled: mayAssign });
  if (!mayAssign) {
    return (
      <div className="field">
        <span className="field-label" id="officer-fixed">
          {t('person.officer')}
        </span>
        <p className="field-static" aria-labelledby="officer-fixed">
          {currentName === undefined ? t('intake.officerSelf', { name: me.displayName }) : (currentName ?? t('common.none'))}
        </p>
        <p className="hint">{hint ?? t('intake.officerHint')}</p>
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    );
  }
  const active = staff.data ?? [];
  // An officer assigned before being disabled is no longer staff, but stays visible while editing.
  const missing = value && !active.some((u) => u.id === value) ? [{ value, label: currentName ?? value }] : [];
  return (
    <SelectField
      name="officerId"
      label={t('person.officer')}
      {...(value ? {} : { placeholder: t('common.none') })}
      value={value}
      onChange={onChange}
      error={error}
      {...(hint ? { hint } : {})}
      options={[
        ...active.map((u) => ({
          value: u.id,
          label: t(u.id === me.id ? 'intake.officerOptionYou' : 'intake.officerOption', { name: u.displayName, role: t(`roles.${u.role}`) }),
        })),
        ...missing,
      ]}
    />
  );
}

/** The volunteer probation officer, from the registry, with a way to register a new one. */
export function VpoSelect({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: string | null }) {
  const { t } = useTranslation();
  const vpos = useVpos({});
  const [adding, setAdding] = useState(false);
  // Inactive VPOs are not offered, but one already assigned stays visible.
  const choices = (vpos.data ?? []).filter((v) => v.active || v.id === value);
  const options = choices.map((v) => ({
    value: v.id,
    label: v.district
      ? t('vpos.option', { name: v.name, district: v.district, n: v.caseCount })
      : t('vpos.optionNoDistrict', { name: v.name, n: v.caseCount }),
  }));
  return (
    <div className="vpo-select">
      <SelectField
        name="vpoId"
        label={t('person.vpo')}
        placeholder={t('intake.vpoNone')}
        value={value}
        onChange={onChange}
        error={error}
        options={options}
        hint={vpos.data && choices.length === 0 ? t('intake.vpoEmpty') : undefined}
      />
      <button type="button" className="button-small vpo-add" onClick={() => setAdding(true)}>
        {t('intake.addVpo')}
      </button>
      {adding ? (
        <VpoDialog
          vpo={null}
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            setAdding(false);
            if (saved.active) onChange(saved.id);
          }}
        />
      ) : null}
    </div>
  );
}
