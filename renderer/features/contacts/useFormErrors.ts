import { useCallback, useRef, useState } from 'react';
import { useErrorText } from '../../i18n/useFormat';
import { fieldOfError } from './serviceErrors';

/**
 * A form's messages: its own checks per field, and a service error shown at the field its
 * details.field names (else above the buttons). The first field in error takes focus.
 */
export function useFormErrors<F extends string>(order: readonly F[], serviceFields: Readonly<Record<string, F>>) {
  const errorText = useErrorText();
  const [local, setLocal] = useState<Partial<Record<F, string>>>({});
  const [service, setService] = useState<{ error: unknown; field: F | null } | null>(null);
  const elements = useRef(new Map<F, HTMLElement | null>());

  const focus = useCallback((field: F) => {
    const el = elements.current.get(field);
    if (!el) return;
    const target = el.matches('input, select, textarea')
      ? el
      : el.querySelector<HTMLElement>('input:checked, input:not([type="radio"]), input, select, textarea');
    target?.focus();
  }, []);

  const register = useCallback(
    (field: F) => (el: HTMLElement | null) => {
      elements.current.set(field, el);
    },
    [],
  );

  /** Shows the form's own checks; false (and focus on the first) when there is any. */
  const check = useCallback(
    (next: Partial<Record<F, string>>): boolean => {
      setLocal(next);
      setService(null);
      const first = order.find((f) => next[f]);
      if (first) {
        focus(first);
        return false;
      }
      return true;
    },
    [order, focus],
  );

  const fail = useCallback(
    (error: unknown) => {
      const field = fieldOfError(error, serviceFields);
      setService({ error, field });
      if (field) focus(field);
    },
    [serviceFields, focus],
  );

  const clear = useCallback((field?: F) => {
    if (field === undefined) {
      setLocal({});
      setService(null);
      return;
    }
    setLocal((l) => (l[field] ? { ...l, [field]: undefined } : l));
    setService((s) => (s && s.field === field ? null : s));
  }, []);

  const errorOf = (field: F): string | null =>
    local[field] ?? (service && service.field === field ? errorText(service.error) : null);
  const general = service && service.field === null ? errorText(service.error) : null;

  return { register, check, fail, clear, errorOf, general };
}
