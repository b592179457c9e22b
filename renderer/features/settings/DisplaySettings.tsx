import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/dates';
import { updatePrefs, type Lang } from '../../preferences/store';
import { usePrefs } from '../../preferences/usePrefs';

const LANGS: Lang[] = ['ja', 'en'];

export function DisplaySettings() {
  const { t } = useTranslation();
  const { lang, era } = usePrefs();
  const eraId = useId();
  const langHintId = useId();
  const eraHintId = useId();
  const example = formatDate(new Date(), { lang: 'ja', era: true });
  return (
    <section className="card" aria-labelledby="display-settings-title">
      <h2 id="display-settings-title">{t('settings.displaySection')}</h2>
      <fieldset className="radio-group" aria-describedby={langHintId}>
        <legend>{t('settings.language')}</legend>
        {LANGS.map((l) => (
          <div className="radio" key={l}>
            <input
              type="radio"
              id={`lang-${l}`}
              name="language"
              value={l}
              checked={lang === l}
              onChange={() => updatePrefs({ lang: l })}
            />
            <label htmlFor={`lang-${l}`} lang={l}>
              {t(`languages.${l}`)}
            </label>
          </div>
        ))}
        <p id={langHintId} className="hint">
          {t('settings.languageHint')}
        </p>
      </fieldset>
      <div className="checkbox">
        <input
          id={eraId}
          type="checkbox"
          checked={era}
          onChange={(e) => updatePrefs({ era: e.target.checked })}
          aria-describedby={eraHintId}
        />
        <label htmlFor={eraId}>{t('settings.era', { example })}</label>
      </div>
      <p id={eraHintId} className="hint checkbox-hint">
        {lang === 'ja' ? t('settings.eraHint') : t('settings.eraEnglishOnly')}
      </p>
    </section>
  );
}
