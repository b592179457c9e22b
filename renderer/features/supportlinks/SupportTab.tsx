import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportLink } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import type { PersonTabProps } from '../person/types';
import { useNavigation } from '../shell/pages';
import { EndLinkDialog, LinkDialog } from './LinkDialogs';
import { useLinksForCase, useSupportOrgs } from './queries';

/** The person page's Support tab: the case's links to medical, welfare and NGO support. */
export function SupportTab({ person, caseId }: PersonTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const { navigate } = useNavigation();
  const links = useLinksForCase(caseId);
  const orgs = useSupportOrgs({ activeOnly: true });
  const [open, setOpen] = useState<'link' | SupportLink | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const closed = person.cases.find((c) => c.id === caseId)?.status === 'terminated';
  const day = (d: string) => formatDate(d, style);
  const noOrgs = orgs.data !== undefined && orgs.data.length === 0;
  const rows = links.data ?? [];

  return (
    <div className="work-tab">
      <StatusNotice>{notice}</StatusNotice>
      <section className="section" aria-labelledby="links-title">
        <div className="section-heading">
          <h2 id="links-title">{t('supportLinks.tabTitle')}</h2>
          <span className="muted">{t('supportLinks.count', { n: rows.length })}</span>
          {!closed && !noOrgs ? (
            <button type="button" className="button-primary work-heading-action" onClick={() => setOpen('link')}>
              {t('supportLinks.link')}
            </button>
          ) : null}
        </div>
        {closed ? <p className="hint">{t('work.common.caseClosed')}</p> : null}
        <ErrorAlert>{links.isError ? errorText(links.error) : orgs.isError ? errorText(orgs.error) : null}</ErrorAlert>
        {links.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        {links.data && rows.length === 0 ? (
          noOrgs ? (
            <EmptyState title={t('supportLinks.empty')}>
              <p>{t('supportLinks.noOrgs')}</p>
              <button type="button" className="button-secondary" onClick={() => navigate({ page: 'supportOrgs' })}>
                {t('supportLinks.openDirectory')}
              </button>
            </EmptyState>
          ) : (
            <p className="empty-line muted">{t('supportLinks.empty')}</p>
          )
        ) : null}
        {rows.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('supportLinks.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('supportLinks.org')}</th>
                  <th scope="col">{t('supportLinks.orgs.kind')}</th>
                  <th scope="col">{t('supportLinks.startedOn')}</th>
                  <th scope="col">{t('supportLinks.endedOn')}</th>
                  <th scope="col">{t('supportLinks.notes')}</th>
                  <th scope="col" className="col-actions">
                    {t('work.common.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((l) => (
                  <tr key={l.id}>
                    <th scope="row">{l.orgName}</th>
                    <td>{t(`supportLinks.kinds.${l.orgKind}`)}</td>
                    <td className="nowrap">{day(l.startedOn)}</td>
                    <td className="nowrap">{l.endedOn ? day(l.endedOn) : <span className="pill pill-ok">{t('supportLinks.open')}</span>}</td>
                    <td className="daily-notes-cell">{l.notes || <span className="muted">{t('common.none')}</span>}</td>
                    <td className="col-actions">
                      {l.endedOn === null ? (
                        <button type="button" className="button-small" aria-label={`${t('supportLinks.end')}: ${l.orgName}`} onClick={() => setOpen(l)}>
                          {t('supportLinks.end')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {open === 'link' ? (
        <LinkDialog
          caseId={caseId}
          orgs={orgs.data ?? []}
          onClose={() => setOpen(null)}
          onSaved={(l) => {
            setOpen(null);
            setNotice(t('supportLinks.linked', { org: l.orgName, date: day(l.startedOn) }));
          }}
        />
      ) : null}
      {open !== null && open !== 'link' ? (
        <EndLinkDialog
          link={open}
          onClose={() => setOpen(null)}
          onSaved={(l) => {
            setOpen(null);
            setNotice(t('supportLinks.ended', { org: l.orgName, date: day(l.endedOn ?? '') }));
          }}
        />
      ) : null}
    </div>
  );
}
