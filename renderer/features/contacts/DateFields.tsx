/**
 * Date, month and time fields as text: typed as digits in the year–month–day order in both
 * languages (2026-11-26, 20261126, 2026/11/26…), 24-hour times, and the reading echoed under the
 * field ("2026年11月26日（木）") so a mistyped date is seen before it is saved. The browser's own
 * date inputs follow the computer's locale (11/26/2026 on an English system), which can be misread.
 */
import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { useDateStyle } from '../../i18n/useFormat';
import { formatDay, formatMonth } from './format';
import { parseDateText, parseMonthText, parseTimeText } from './japanDates';

type Kind = 'date' | 'month' | 'time';

const PARSE: Record<Kind, (s: string) => string | null> = { date: parseDateText, month: parseMonthText, time: parseTimeText };

interface Props {
  kind: Kind;
  label: string;
  /** The text in the field: an ISO value, or what the person is typing. */
  value: string;
  onChange: (text: string) => void;
  error?: string | null | undefined;
  required?: boolean;
  autoFocus?: boolean;
  className?: string;
  /** No echo or format line under the field (compact toolbars). */
  bare?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function DateTextField({ kind, label, value, onChange, error, required, autoFocus, className, bare, ref }: Props) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const parsed = PARSE[kind](value);
  let hint: string | undefined;
  if (!bare) {
    if (parsed && kind === 'date') hint = formatDay(parsed, style);
    else if (parsed && kind === 'month') hint = formatMonth(parsed, style);
    else hint = t(`daily.common.format.${kind}`);
  }
  return (
    <TextField
      ref={ref}
      className={`daily-field-${kind} ${className ?? ''}`}
      label={label}
      value={value}
      onChange={onChange}
      onBlur={() => {
        if (parsed && parsed !== value) onChange(parsed);
      }}
      hint={hint}
      error={error}
      required={required}
      autoFocus={autoFocus}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={kind === 'time' ? 8 : 16}
    />
  );
}

/**
 * A field that changes something at once (the month shown, the agenda's day): the value is applied
 * when the person presses Enter or leaves the field, if it reads as one.
 */
export function LiveDateField({ kind, label, value, onValue, className }: { kind: 'date' | 'month'; label: string; value: string; onValue: (v: string) => void; className?: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const apply = () => {
    const parsed = PARSE[kind](text);
    if (parsed === null) setText(value);
    else if (parsed !== value) onValue(parsed);
    else setText(parsed);
  };
  return (
    <TextField
      className={`daily-field-${kind} ${className ?? ''}`}
      label={label}
      value={text}
      onChange={setText}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          e.preventDefault();
          apply();
        }
      }}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={16}
    />
  );
}
