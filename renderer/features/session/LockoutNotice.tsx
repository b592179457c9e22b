import { useTranslation } from 'react-i18next';
import { useNow } from '../../components/useNow';
import { formatCountdown, formatMoment } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';

/** True while `lockedUntil` lies in the future; re-renders each second until then. */
export function useLockedOut(lockedUntil: string | null): { lockedOut: boolean; remainingMs: number } {
  const until = lockedUntil ? Date.parse(lockedUntil) : NaN;
  const now = useNow(1000, !Number.isNaN(until));
  const remainingMs = Number.isNaN(until) ? 0 : until - now;
  return { lockedOut: remainingMs > 0, remainingMs };
}

export function LockoutNotice({ lockedUntil, remainingMs }: { lockedUntil: string; remainingMs: number }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (
    <div className="alert alert-warning" role="alert">
      <p className="alert-title">{t('unlock.lockoutTitle')}</p>
      <p>
        {t('unlock.lockoutBody', {
          time: formatMoment(lockedUntil, style, new Date()),
          remaining: formatCountdown(remainingMs),
        })}
      </p>
    </div>
  );
}
