import { useRef, useState } from 'react';
import { TextField, type TextFieldProps } from './Field';
import { parseWhole } from './wholeNumber';

export interface WholeNumberFieldProps extends Omit<TextFieldProps, 'type' | 'inputMode' | 'min' | 'max'> {
  min: number;
  max: number;
}

/** A labelled whole-number setting (hours, generations…): the numeric keypad and its range. */
export function WholeNumberField({ min, max, ...rest }: WholeNumberFieldProps) {
  return <TextField {...rest} type="number" inputMode="numeric" min={min} max={max} />;
}

/**
 * The state of one WholeNumberField in a settings form: spread `field` onto it; on submit,
 * `read(message)` returns the number, or null after putting `message` on the field, and `focus()`
 * takes the user to it.
 */
export function useWholeNumber(initial: number, min: number, max: number) {
  const [value, setValue] = useState(String(initial));
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  return {
    field: { ref, value, onChange: setValue, error, min, max },
    read(message: string): number | null {
      const n = parseWhole(value, min, max);
      setError(n === null ? message : null);
      return n;
    },
    focus: () => ref.current?.focus(),
  };
}
