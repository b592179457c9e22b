/**
 * A form's messages for the pathway forms: the form's own checks per field, and a service error
 * shown at the field its details.field names, in the words this form has for that field and code
 * when it has any (else the general sentence for the code). The first field in error takes focus.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useFormat';
import { fieldOfError } from '../contacts/serviceErrors';
import { specificKey, type ServiceMessages } from './serviceMessages';

export type { ServiceMessages };

export function useFieldErrors<F extends string>(order: readonly F[], serviceFields: Readonly<Record<string, F>>, messages: ServiceMessages = {}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [shown, setShown] = useState<{ fields: Partial<Record<F, string>>; general: string | null }>({ fields: {}, general: null });
  const elements = useRef(new Map<F, HTMLElement | null>());

  const focus = useCallback((field: F) => {
    const el = elements.current.get(field);
    const target = el?.matches('input, select, textarea') ? el : el?.querySelector<HTMLElement>('input, select, textarea');
    target?.focus();
  }, []);

  const register = useCallback((field: F) => (el: HTMLElement | null) => void elements.current.set(field, el), []);

  const check = (next: Partial<Record<F, string>>): boolean => {
    setShown({ fields: next, general: null });
    const first = order.find((f) => next[f]);
    if (first) focus(first);
    return first === undefined;
  };

  const fail = (error: unknown) => {
    const key = specificKey(error, messages);
    const text = key ? t(key) : errorText(error);
    const field = fieldOfError(error, serviceFields);
    if (field) {
      setShown({ fields: { [field]: text } as Partial<Record<F, string>>, general: null });
      focus(field);
    } else setShown({ fields: {}, general: text });
  };

  const clear = (field: F) =>
    setShown((s) => (s.fields[field] ? { fields: { ...s.fields, [field]: undefined }, general: s.general } : s));
  const reset = () => setShown({ fields: {}, general: null });

  return { register, check, fail, clear, reset, errorOf: (f: F): string | null => shown.fields[f] ?? null, general: shown.general };
}
