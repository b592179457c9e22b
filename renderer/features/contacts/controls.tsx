/** Labelled form controls for the casework forms: select, text area, radio and checkbox groups. */
import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

function describedBy(...ids: (string | undefined | false | null)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

function RequiredMark({ required }: { required?: boolean | undefined }) {
  const { t } = useTranslation();
  return required ? <span className="required-mark"> ({t('common.required')})</span> : null;
}

function FieldMessages({ id, error, hint }: { id: string; error?: string | null | undefined; hint?: ReactNode }) {
  return (
    <>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </>
  );
}

export interface Option<T extends string> {
  value: T;
  label: ReactNode;
  hint?: ReactNode;
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField<T extends string>({ label, value, options, onChange, error, hint, required, disabled, className, ref }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        <RequiredMark required={required} />
      </label>
      <div className="field-control">
        <select
          ref={ref}
          id={id}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value as T)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${id}-error`, hint !== undefined && hint !== null && `${id}-hint`)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
  className?: string;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, value, onChange, error, hint, rows = 3, maxLength, className, onKeyDown, ref }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        value={value}
        rows={rows}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && `${id}-error`, hint !== undefined && hint !== null && `${id}-hint`)}
      />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

interface RadioGroupProps<T extends string> {
  legend: string;
  name: string;
  options: readonly Option<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  onKeyDown?: (e: KeyboardEvent<HTMLFieldSetElement>) => void;
  ref?: Ref<HTMLFieldSetElement>;
}

/** Native radios: arrow keys move between the options, Tab leaves the group. */
export function RadioGroup<T extends string>({ legend, name, options, value, onChange, error, hint, required, className, onKeyDown, ref }: RadioGroupProps<T>) {
  const id = useId();
  return (
    <fieldset
      ref={ref}
      className={`daily-choice-group ${className ?? ''}`}
      aria-describedby={describedBy(error && `${id}-error`, hint !== undefined && hint !== null && `${id}-hint`)}
      aria-invalid={error ? true : undefined}
      onKeyDown={onKeyDown}
    >
      <legend>
        {legend}
        <RequiredMark required={required} />
      </legend>
      <div className="daily-choice-options">
        {options.map((o, i) => (
          <div className="radio" key={o.value}>
            <input
              type="radio"
              id={`${id}-${i}`}
              name={`${name}-${id}`}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-describedby={o.hint ? `${id}-${i}-hint` : undefined}
            />
            <label htmlFor={`${id}-${i}`}>
              {o.label}
              {o.hint ? (
                <span id={`${id}-${i}-hint`} className="sub">
                  {o.hint}
                </span>
              ) : null}
            </label>
          </div>
        ))}
      </div>
      <FieldMessages id={id} error={error} hint={hint} />
    </fieldset>
  );
}

interface CheckboxGroupProps<T extends string> {
  legend: string;
  options: readonly Option<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  ref?: Ref<HTMLFieldSetElement>;
}

export function CheckboxGroup<T extends string>({ legend, options, values, onChange, error, hint, required, className, ref }: CheckboxGroupProps<T>) {
  const id = useId();
  const toggle = (v: T, on: boolean) =>
    onChange(options.map((o) => o.value).filter((x) => (x === v ? on : values.includes(x))));
  return (
    <fieldset
      ref={ref}
      className={`daily-choice-group ${className ?? ''}`}
      aria-describedby={describedBy(error && `${id}-error`, hint !== undefined && hint !== null && `${id}-hint`)}
      aria-invalid={error ? true : undefined}
    >
      <legend>
        {legend}
        <RequiredMark required={required} />
      </legend>
      <div className="daily-choice-options">
        {options.map((o, i) => (
          <div className="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
      <FieldMessages id={id} error={error} hint={hint} />
    </fieldset>
  );
}

interface CheckboxFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string | null | undefined;
  className?: string;
  ref?: Ref<HTMLInputElement>;
}

export function CheckboxField({ label, checked, onChange, hint, error, className, ref }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={`daily-checkbox-field ${className ?? ''}`}>
      <div className="checkbox">
        <input
          ref={ref}
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${id}-error`, hint !== undefined && hint !== null && `${id}-hint`)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error checkbox-hint">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="hint checkbox-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
