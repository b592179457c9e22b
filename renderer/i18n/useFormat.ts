import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../preferences/usePrefs';
import type { DateStyle } from './dates';
import { errorText, type ErrorTextOptions } from './errorText';

export function useDateStyle(): DateStyle {
  const { lang, era } = usePrefs();
  return useMemo(() => ({ lang, era }), [lang, era]);
}

export function useErrorText(): (error: unknown, opts?: Omit<ErrorTextOptions, 'dateStyle'>) => string {
  const { t } = useTranslation();
  const dateStyle = useDateStyle();
  return useCallback((error, opts) => errorText(t, error, { ...opts, dateStyle }), [t, dateStyle]);
}
