import { useTranslation } from 'react-i18next';
import { estimateStrength } from '../features/session/strength';

/** Live strength hint under a new-passphrase field. Advice only; the policy minimum is enforced elsewhere. */
export function StrengthMeter({ passphrase, minLength, id }: { passphrase: string; minLength: number; id?: string }) {
  const { t } = useTranslation();
  const s = estimateStrength(passphrase, minLength);
  const levelText = t(`strength.levels.${s.level}`);
  const hint = s.hints[0];
  return (
    <div className="strength" id={id}>
      <div
        className={`strength-bar strength-${s.score}`}
        role="meter"
        aria-label={t('strength.label')}
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={s.score}
        aria-valuetext={levelText}
      >
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= s.score ? 'on' : undefined} />
        ))}
      </div>
      <p className="strength-text" aria-live="polite">
        <span className="strength-level">
          {t('strength.label')}: {levelText}
        </span>
        {hint ? <span className="strength-hint"> — {t(`strength.hints.${hint}`, { missing: s.missing })}</span> : null}
      </p>
    </div>
  );
}
