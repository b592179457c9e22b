import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { useErrorText } from '../../i18n/useFormat';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AuditVerify } from './AuditVerify';
import { AUDIT_PAGE_SIZE, useAuditList, type AuditFilter } from './queries';

export function AuditPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [offset, setOffset] = useState(0);
  const list = useAuditList(filter, offset);
  const total = list.data?.total ?? 0;
  const rows = list.data?.rows ?? [];

  return (
    <>
      <PageHeading actions={<AuditVerify />}>{t('audit.title')}</PageHeading>
      <p className="lead">{t('audit.intro')}</p>
      <AuditFilters
        onApply={(f) => {
          setFilter(f);
          setOffset(0);
        }}
      />
      <ErrorAlert>{list.isError ? errorText(list.error) : null}</ErrorAlert>
      {list.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {list.data && rows.length === 0 ? <p className="muted empty-line">{t('audit.empty')}</p> : null}
      {rows.length > 0 ? (
        <>
          <AuditTable rows={rows} />
          <nav className="pager" aria-label={t('audit.paging')}>
            <button
              type="button"
              className="button-secondary"
              disabled={offset === 0 || list.isFetching}
              onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}
            >
              {t('audit.prev')}
            </button>
            <span className="pager-range" aria-live="polite">
              {t('audit.range', { from: offset + 1, to: offset + rows.length, total })}
            </span>
            <button
              type="button"
              className="button-secondary"
              disabled={offset + rows.length >= total || list.isFetching}
              onClick={() => setOffset(offset + AUDIT_PAGE_SIZE)}
            >
              {t('audit.next')}
            </button>
          </nav>
        </>
      ) : null}
    </>
  );
}
