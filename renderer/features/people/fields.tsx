/**
 * Labelled form controls for the casework forms, in the manner of components/Field.tsx: a visible
 * label, the "required" marker, the error under the control (announced through aria-describedby)
 * and an optional hint.
 */
import { useId, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { isIsoDate } from './personFormat';

interface Common {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  className?: string;
}

function useDescribed(hint: ReactNode, error: string | null | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [errorId, hintId].filter(Boolean).join(' ') || undefined };
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required ? <span className="required-mark"> ({t('common.required')})</span> : null}
    </label>
  );
}

function Messages({ hint, hintId, error, errorId }: { hint: ReactNode; hintId?: string | undefined; error?: string | null | undefined; errorId?: string | undefined }) {
  return (
    <>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
    </>
  );
}

export function DateField({
  label,
  value,
  onChange,
  hint,
  error,
  required,
  className,
  ref,
  max,
  min,
  disabled,
  name,
}: Common & {
  value: string;
  onChange: (v: string) => void;
  ref?: Ref<HTMLInputElement>;
  max?: string;
  min?: string;
  disabled?: boolean;
  name?: string;
}) {
  const d = useDescribed(hint, error);
  const style = useDateStyle();
  return (
    <div className={`field field-date ${className ?? ''}`}>
      <Label htmlFor={d.id} label={label} required={required} />
      <div className="field-control">
        <input
          ref={ref}
          id={d.id}
          name={name}
          type="date"
          value={value}
          max={max}
          min={min}
          disabled={disabled}
          required={required}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={d.describedBy}
        />
      </div>
      {/* The date in the app's own words (and era, if chosen): the input's format follows the OS. */}
      {isIsoDate(value) ? <p className="date-echo">{formatDate(value, style)}</p> : null}
      <Messages hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  value,
  onChange,
  options,
  hint,
  error,
  required,
  className,
  ref,
  placeholder,
  ...rest
}: Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'children' | 'required'> & {
    value: string;
    onChange: (v: string) => void;
    options: readonly Option[];
    ref?: Ref<HTMLSelectElement>;
    /** A first, empty choice ("choose…" or "none"). */
    placeholder?: string;
  }) {
  const d = useDescribed(hint, error);
  return (
    <div className={`field ${className ?? ''}`}>
      <Label htmlFor={d.id} label={label} required={required} />
      <div className="field-control">
        <select
          {...rest}
          ref={ref}
          id={d.id}
          value={value}
          required={required}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={d.describedBy}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <Messages hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function TextAreaField({
  label,
  value,
  onChange,
  hint,
  error,
  required,
  className,
  ref,
  rows = 3,
  ...rest
}: Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'required'> & {
    value: string;
    onChange: (v: string) => void;
    ref?: Ref<HTMLTextAreaElement>;
  }) {
  const d = useDescribed(hint, error);
  return (
    <div className={`field ${className ?? ''}`}>
      <Label htmlFor={d.id} label={label} required={required} />
      <textarea
        {...rest}
        ref={ref}
        id={d.id}
        rows={rows}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy}
      />
      <Messages hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
  disabled,
  error,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
  /** A problem with what the box asks for, shown under it. */
  error?: string | null;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className="checkbox-field">
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
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

/** A row of checkboxes in a fieldset with a legend, for picking several codes. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  className,
  name,
}: {
  name?: string;
  legend: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (v: T[]) => void;
  error?: string | null;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset className={`checkbox-group ${className ?? ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {options.map((o) => (
          <div className="checkbox" key={o.value}>
            <input
              id={`${id}-${o.value}`}
              name={name}
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
              }
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Definition list row: a label and a value, with a dash for an empty value. */
export function Detail({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <div className={`detail ${className ?? ''}`}>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">{t('common.none')}</span> : children}</dd>
    </div>
  );
}

/** One choice of a few, as radio buttons in a fieldset (arrow keys move between them). */
export function RadioGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  required,
  className,
  legendHidden = false,
}: {
  legend: string;
  name: string;
  options: readonly { value: T; label: string }[];
  value: T | '';
  onChange: (v: T) => void;
  error?: string | null;
  required?: boolean;
  className?: string;
  legendHidden?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset
      className={`choice-group ${className ?? ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className={legendHidden ? 'visually-hidden' : undefined}>
        {legend}
        {required ? <span className="required-mark"> ({t('common.required')})</span> : null}
      </legend>
      <div className="choice-options">
        {options.map((o) => (
          <label className="choice" key={o.value}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
