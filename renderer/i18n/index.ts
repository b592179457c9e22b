import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { getPrefs, subscribePrefs, type Lang } from '../preferences/store';
import { en } from './en';
import { ja } from './ja';

function applyDocumentLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = i18next.t('app.title');
}

export async function initI18n(): Promise<void> {
  const { lang } = getPrefs();
  await i18next.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: lang,
    fallbackLng: false,
    supportedLngs: ['ja', 'en'],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(lang);
  subscribePrefs(() => {
    const next = getPrefs().lang;
    if (i18next.language !== next) {
      void i18next.changeLanguage(next).then(() => applyDocumentLanguage(next));
    }
  });
}

export { i18next };
