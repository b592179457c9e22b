import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../shell/pages';

function isBackShortcut(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.key === 'ArrowLeft';
}

/** "← Back" above a page reached from another; Alt+← does the same. */
export function BackButton() {
  const { t } = useTranslation();
  const { back, canGoBack, navigate } = useNavigation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isBackShortcut(e) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      if (canGoBack) back();
      else navigate({ page: 'people' }, { replace: true });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [back, canGoBack, navigate]);
  return (
    <button
      type="button"
      className="back-button"
      aria-keyshortcuts="Alt+ArrowLeft"
      title={t('people.backShortcut')}
      onClick={() => (canGoBack ? back() : navigate({ page: 'people' }, { replace: true }))}
    >
      <span aria-hidden="true">← </span>
      {canGoBack ? t('people.back') : t('people.backToPeople')}
    </button>
  );
}
