import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../db/contract';
import { call } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { formatDay, formatMonth } from '../contacts/format';
import type { PersonTabProps } from '../person/types';
import { TimelineIcon } from './TimelineIcon';
import { countByGroup, describe, GROUP_OF, groupByMonth, TIMELINE_GROUPS, type TimelineGroup } from './timelineModel';

function useTimeline(superviseeId: string) {
  return useQuery({
    queryKey: ['timeline', superviseeId],
    queryFn: () => call('timeline.forPerson', { superviseeId }),
  });
}

function Item({ item, showCase }: { item: TimelineItem; showCase: boolean }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const d = describe(item, t, style);
  const group = GROUP_OF[item.kind];
  return (
    <li className={`tl-item tl-${group}`}>
      <div className="tl-when">
        <span className="tl-date">{formatDay(item.date, style)}</span>
        <span className="tl-time">{item.time ?? ''}</span>
      </div>
      <div className="tl-kind">
        <TimelineIcon group={group} />
        <span>{d.label}</span>
      </div>
      <div className="tl-body">
        <p className="tl-line">
          {d.marker === 'attention' ? <span className="tl-marker tl-marker-attention" aria-hidden="true">!</span> : null}
          {d.line}
          {d.marker === 'upcoming' ? <span className="tl-badge tl-badge-upcoming">{t('timeline.upcoming')}</span> : null}
          {item.kind === 'contact' && item.data.sensitive === true && !d.notesHidden ? (
            <span className="tl-badge tl-badge-sensitive">{t('daily.contacts.sensitiveBadge')}</span>
          ) : null}
        </p>
        {d.details.length > 0 || d.notesHidden || showCase ? (
          <ul className="tl-details">
            {showCase ? <li className="mono">{t('timeline.caseNumber', { caseNumber: item.caseNumber })}</li> : null}
            {d.details.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
            {d.notesHidden ? (
              <li className="tl-hidden">
                <span className="tl-badge tl-badge-sensitive">{t('daily.contacts.sensitiveBadge')}</span>
                {t('timeline.detail.notesHidden')}
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

/** One list of everything that happened to the person, newest first, grouped by month. */
export function TimelineTab({ person }: PersonTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const timeline = useTimeline(person.person.id);
  const [shown, setShown] = useState<ReadonlySet<TimelineGroup>>(() => new Set(TIMELINE_GROUPS));
  const items = timeline.data?.items ?? [];
  const counts = useMemo(() => countByGroup(items), [items]);
  const months = useMemo(() => groupByMonth(items, shown), [items, shown]);
  const testsVisible = timeline.data?.drugTestsVisible ?? true;
  const groups = TIMELINE_GROUPS.filter((g) => g !== 'tests' || testsVisible);
  const allShown = groups.every((g) => shown.has(g));
  const shownCount = months.reduce((n, m) => n + m.items.length, 0);
  const showCase = person.cases.length > 1;

  return (
    <div className="tl-tab">
      <section className="section" aria-labelledby="timeline-title">
        <div className="section-heading">
          <h2 id="timeline-title">{t('timeline.title')}</h2>
          {timeline.data && items.length > 0 ? (
            <span className="muted" aria-live="polite">
              {t('timeline.shown', { n: shownCount, total: items.length })}
            </span>
          ) : null}
        </div>
        <p className="lead tl-intro">{t('timeline.intro')}</p>
        {!testsVisible ? <p className="tl-note">{t('timeline.testsHidden')}</p> : null}
        {timeline.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        <ErrorAlert>{timeline.isError ? errorText(timeline.error) : null}</ErrorAlert>
        {timeline.data && items.length === 0 ? <p className="empty-line muted tl-empty">{t('timeline.empty')}</p> : null}
        {items.length > 0 ? (
          <>
            <fieldset className="tl-filter">
              <legend>{t('timeline.filterLegend')}</legend>
              <div className="tl-filter-options">
                {groups.map((g) => (
                  <label key={g} className={`tl-chip${shown.has(g) ? ' is-on' : ''}`}>
                    <input
                      type="checkbox"
                      checked={shown.has(g)}
                      onChange={(e) => {
                        const next = new Set(shown);
                        if (e.target.checked) next.add(g);
                        else next.delete(g);
                        setShown(next);
                      }}
                    />
                    <TimelineIcon group={g} />
                    <span>{t('timeline.groupCount', { label: t(`timeline.groups.${g}`), n: counts[g] })}</span>
                  </label>
                ))}
                {!allShown ? (
                  <button type="button" className="button-small" onClick={() => setShown(new Set(TIMELINE_GROUPS))}>
                    {t('timeline.showAll')}
                  </button>
                ) : null}
              </div>
            </fieldset>
            {months.length === 0 ? <p className="empty-line muted">{t('timeline.emptyFiltered')}</p> : null}
            {months.map((m) => {
              const title = formatMonth(m.month, style);
              return (
                <section key={m.month} className="tl-month" aria-label={t('timeline.monthList', { month: title })}>
                  <h3 className="tl-month-title">{title}</h3>
                  <ol className="tl-list">
                    {m.items.map((item) => (
                      <Item key={`${item.kind}-${item.refId}`} item={item} showCase={showCase} />
                    ))}
                  </ol>
                </section>
              );
            })}
          </>
        ) : null}
      </section>
    </div>
  );
}
