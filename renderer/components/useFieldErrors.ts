import { useCallback, useState } from 'react';

/** Per-field validation messages that disappear as soon as the person edits that field. */
export function useFieldErrors<F extends string>() {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const bind = useCallback(
    (name: F, setter: (value: string) => void) => (value: string) => {
      setter(value);
      setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
    },
    [],
  );
  return { errors, setErrors, bind };
}
