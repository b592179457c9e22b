import { useTranslation } from 'react-i18next';
import type { Contact, ContactExplanation, ContactOutcome } from '../../../db/contract';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { formatMonth } from './format';
import { contactsOfMonth, reasonText, verdictKey } from './reasons';

const OUTCOME_PILL: Record<ContactOutcome, string> = {
  held: 'pill pill-ok',
  missed_acceptable: 'pill pill-off',
  missed_unacceptable: 'pill pill-attention',
};

export function ContactNotes({ contact }: { contact: Pick<Contact, 'notes' | 'sensitive'> }) {
  const { t } = useTranslation();
  if (contact.notes === null) {
    return (
      <>
        <span className="pill pill-sensitive">{t('daily.contacts.sensitiveBadge')}</span>
        <span className="notes-hidden">{t('daily.contacts.notesHidden')}</span>
      </>
    );
  }
  return (
    <>
      {contact.sensitive ? <span className="pill pill-sensitive">{t('daily.contacts.sensitiveBadge')}</span> : null}
      {contact.notes ? <span className="notes-text">{contact.notes}</span> : contact.sensitive ? null : <span className="muted">{t('common.none')}</span>}
    </>
  );
}

interface Props {
  month: string;
  level: string | null;
  contacts: readonly Contact[];
  explanations: readonly ContactExplanation[] | null;
}

/** The month's contacts, each with whether and why it counts toward the standard. */
export function MonthContacts({ month, level, contacts, explanations }: Props) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const byId = new Map((explanations ?? []).map((e) => [e.contactId, e]));
  const rows = contactsOfMonth(contacts, month);
  const monthLabel = formatMonth(month, style);

  return (
    <section className="section" aria-labelledby="month-contacts-title">
      <div className="section-heading">
        <h2 id="month-contacts-title">{t('daily.contacts.listTitle', { month: monthLabel })}</h2>
        <span className="muted">{t('daily.common.count', { n: rows.length })}</span>
      </div>
      {rows.length === 0 ? (
        <p className="empty-line muted">{t('daily.contacts.emptyMonth', { month: monthLabel })}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table contacts-table">
            <caption className="visually-hidden">{t('daily.contacts.listTitle', { month: monthLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('daily.common.date')}</th>
                <th scope="col">{t('daily.contacts.kind')}</th>
                <th scope="col">{t('daily.contacts.outcome')}</th>
                <th scope="col">{t('daily.contacts.colCounts')}</th>
                <th scope="col">{t('daily.contacts.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const e = byId.get(c.id);
                const reason = e
                  ? reasonText(e, level ?? '', (k) => t(`daily.kinds.${k}`), (m) => formatMonth(m, style))
                  : null;
                const by = c.byVpoName ?? c.byUserName;
                return (
                  <tr key={c.id} className={e && e.countsFor === null ? 'row-not-counted' : undefined}>
                    <td className="nowrap">
                      {formatDate(c.date, style)}
                      {c.time ? <span className="sub">{c.time}</span> : null}
                    </td>
                    <th scope="row">
                      <span className="nowrap">{t(`daily.kinds.${c.kind}`)}</span>
                      {c.reportMonth ? (
                        <span className="sub">{t('daily.contacts.reportFor', { month: formatMonth(c.reportMonth, style) })}</span>
                      ) : null}
                      {by ? (
                        <span className="sub">
                          {t(c.kind === 'vpo_monthly_report' ? 'daily.contacts.reportBy' : 'daily.contacts.by', { name: by })}
                        </span>
                      ) : null}
                    </th>
                    <td>
                      <span className={OUTCOME_PILL[c.outcome]}>
                        {c.kind === 'vpo_monthly_report' ? t(`daily.reportOutcomes.${c.outcome}`) : t(`daily.outcomes.${c.outcome}`)}
                      </span>
                    </td>
                    <td className="cell-reason">
                      {e ? (
                        <>
                          <span className={e.countsFor ? 'daily-verdict daily-verdict-counts' : 'daily-verdict daily-verdict-none'}>
                            {t(verdictKey(e.countsFor))}
                          </span>
                          {reason ? <span className="daily-reason">{t(reason.key, reason.vars)}</span> : null}
                        </>
                      ) : (
                        <span className="muted">{t('common.none')}</span>
                      )}
                    </td>
                    <td className="daily-notes-cell">
                      <ContactNotes contact={c} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {rows.some((c) => c.notes === null) ? <p className="hint daily-table-note">{t('daily.contacts.notesHiddenHelp')}</p> : null}
    </section>
  );
}
