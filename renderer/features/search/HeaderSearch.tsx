import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../db/contract';
import { useNavigation } from '../shell/pages';
import { useDebounced, useSearch } from './queries';

function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** "/" (outside a text field) or Ctrl+K / ⌘K. */
function isSearchShortcut(e: globalThis.KeyboardEvent): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') return true;
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target);
}

/**
 * The header's search: as you type (after a short pause) it asks search.query and lists people in a
 * listbox. Arrow keys move, Enter opens the person, Escape closes (a second Escape clears).
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text, 150);
  const search = useSearch(q, 12);
  const settled = q.trim() === text.trim();
  /** Results for exactly what is typed (not the previous query's, kept while the next loads). */
  const fresh = settled && !search.isFetching && !search.isPlaceholderData;
  const hits: SearchHit[] = q.trim() && search.data ? search.data : [];
  /** Enter pressed before the results for the typed text arrived: open the first once they do. */
  const pendingEnter = useRef(false);

  useEffect(() => setActive(0), [q]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isSearchShortcut(e) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function openHit(hit: SearchHit) {
    pendingEnter.current = false;
    setText('');
    setOpen(false);
    navigate({ page: 'person', superviseeId: hit.superviseeId });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!text.trim()) return;
      if (!fresh) {
        pendingEnter.current = true;
        return;
      }
      const hit = hits[active] ?? hits[0];
      if (hit) openHit(hit);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      pendingEnter.current = false;
      if (open && text) setOpen(false);
      else {
        setText('');
        setOpen(false);
      }
    }
  }

  useEffect(() => {
    if (!pendingEnter.current || !fresh) return;
    pendingEnter.current = false;
    const hit = hits[0];
    if (hit) openHit(hit);
  });

  const showPopup = open && text.trim().length > 0;
  const activeHit = showPopup ? hits[active] : undefined;
  const status = !fresh
    ? t('headerSearch.searching')
    : search.isError
      ? t('headerSearch.failed')
      : hits.length === 0
        ? t('headerSearch.noResults', { q: q.trim() })
        : t('headerSearch.count', { n: hits.length });

  return (
    <div className="header-search" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('headerSearch.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={showPopup}
        aria-controls={listId}
        aria-activedescendant={activeHit ? `${id}-opt-${active}` : undefined}
        aria-keyshortcuts="/ Control+K"
        aria-describedby={`${id}-status`}
        placeholder={t('headerSearch.placeholder')}
        value={text}
        onChange={(e) => {
          pendingEnter.current = false;
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
      <p id={`${id}-status`} className="visually-hidden" role="status">
        {showPopup ? status : ''}
      </p>
      <div className={showPopup ? 'search-popup' : 'search-popup hidden'}>
        <ul id={listId} role="listbox" aria-label={t('headerSearch.results')} aria-busy={!fresh} className={fresh ? undefined : 'stale'}>
          {showPopup
            ? hits.map((hit, i) => (
                <li
                  key={`${hit.kind}-${hit.superviseeId}-${hit.caseId ?? ''}-${i}`}
                  id={`${id}-opt-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'search-option active' : 'search-option'}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => openHit(hit)}
                >
                  <span className="search-name">{hit.name}</span>
                  <span className="search-kana">{hit.kana}</span>
                  {hit.caseNumber ? <span className="search-case mono">{hit.caseNumber}</span> : null}
                  {hit.kind === 'contact' ? (
                    <span className="search-snippet">
                      <span className="search-tag">{t('headerSearch.noteHit')}</span> {hit.snippet}
                    </span>
                  ) : hit.kind === 'case' ? (
                    <span className="search-snippet">
                      <span className="search-tag">{t('headerSearch.caseHit')}</span>
                    </span>
                  ) : null}
                </li>
              ))
            : null}
        </ul>
        {showPopup && (hits.length === 0 || !fresh) ? <p className="search-empty">{status}</p> : null}
        {showPopup && hits.length > 0 ? <p className="search-help">{t('headerSearch.help')}</p> : null}
      </div>
    </div>
  );
}
