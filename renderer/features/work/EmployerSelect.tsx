import { useTranslation } from 'react-i18next';
import type { Ref } from 'react';
import { SelectField } from '../contacts/controls';
import { useEmployers } from './queries';

/** A choice among the active cooperating employers (with a blank first option). */
export function EmployerSelect({
  label,
  value,
  onChange,
  error,
  hint,
  required,
  ref,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | null;
  hint?: string;
  required?: boolean;
  ref?: Ref<HTMLSelectElement>;
}) {
  const { t } = useTranslation();
  const employers = useEmployers({ activeOnly: true, limit: 1000 });
  const rows = employers.data?.rows ?? [];
  return (
    <SelectField<string>
      ref={ref}
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      hint={rows.length === 0 && employers.data ? t('work.supports.noEmployers') : hint}
      required={required}
      options={[
        { value: '', label: t('work.common.choose') },
        ...rows.map((e) => ({ value: e.id, label: e.municipality ? `${e.name}（${e.municipality}）` : e.name })),
      ]}
    />
  );
}
