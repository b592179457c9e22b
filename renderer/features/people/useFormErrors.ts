import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useFormat';
import { fieldError } from './formErrors';

/**
 * Messages at the fields of one form: those found before sending (missing, malformed) and those
 * the service names in details.field. A field's message goes as soon as the field is edited.
 */
export function useFormErrors(fields: readonly string[]) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const clear = useCallback((field: string) => {
    setErrors((e) => {
      if (!e[field]) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  }, []);

  /** Sets the messages found before sending; returns the first field in form order that has one. */
  const setClientErrors = useCallback(
    (next: Record<string, string>): string | null => {
      setErrors(next);
      setFormError(null);
      return fields.find((f) => next[f]) ?? null;
    },
    [fields],
  );

  /** Shows a service error at its field (or above the buttons); returns the field, if any. */
  const setServerError = useCallback(
    (error: unknown): string | null => {
      const fe = fieldError(error);
      if (fe.field && fields.includes(fe.field)) {
        setErrors({ [fe.field]: t(fe.key) });
        setFormError(null);
        return fe.field;
      }
      setErrors({});
      setFormError(fe.key.startsWith('errors.') ? errorText(error) : t(fe.key));
      return null;
    },
    [fields, t, errorText],
  );

  const reset = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  return { errors, formError, clear, setClientErrors, setServerError, reset };
}

/** Moves focus to the named control of a form (the first of a checkbox group). */
export function focusNamed(form: HTMLFormElement | null, name: string | null): void {
  if (!form || !name) return;
  const item = form.elements.namedItem(name);
  const el = item instanceof RadioNodeList ? item[0] : item;
  if (el instanceof HTMLElement) el.focus();
}

/** `set(key, field)(value)`: changes one key of a form's state and clears the message at its field. */
export function useFormSetter<S extends object>(setState: Dispatch<SetStateAction<S>>, clear: (field: string) => void) {
  return useCallback(
    <K extends keyof S & string>(key: K, field: string = key) =>
      (v: S[K]) => {
        setState((prev) => ({ ...prev, [key]: v }));
        clear(field);
      },
    [setState, clear],
  );
}
