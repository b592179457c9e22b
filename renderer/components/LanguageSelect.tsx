import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { updatePrefs, type Lang } from '../preferences/store';
import { usePrefs } from '../preferences/usePrefs';

const LANGS: Lang[] = ['ja', 'en'];

/** Compact language choice for the screens shown before signing in. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const { lang } = usePrefs();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select id={id} value={lang} onChange={(e) => updatePrefs({ lang: e.target.value as Lang })}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
