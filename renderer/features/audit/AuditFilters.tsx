import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { cleanFilter } from './auditFormat';
import type { AuditFilter } from './queries';

const EMPTY = { action: '', actorLogin: '', from: '', to: '' };

export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(cleanFilter(draft));
  }

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('audit.filters')}>
      <TextField
        label={t('audit.action')}
        value={draft.action}
        onChange={set('action')}
        placeholder={t('audit.actionHint')}
        maxLength={64}
        spellCheck={false}
        autoCapitalize="off"
      />
      <TextField
        label={t('audit.actor')}
        value={draft.actorLogin}
        onChange={set('actorLogin')}
        maxLength={32}
        spellCheck={false}
        autoCapitalize="off"
      />
      <TextField label={t('audit.from')} type="date" value={draft.from} onChange={set('from')} max={draft.to || undefined} />
      <TextField label={t('audit.to')} type="date" value={draft.to} onChange={set('to')} min={draft.from || undefined} />
      <div className="filter-actions">
        <button type="submit" className="button-primary">
          {t('audit.search')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setDraft(EMPTY);
            onApply({});
          }}
        >
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
