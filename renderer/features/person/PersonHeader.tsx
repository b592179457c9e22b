import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, PersonDetail } from '../../../db/contract';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { Detail } from '../people/fields';
import { kanaName, kanjiName, romajiName } from '../people/personFormat';
import { caseShift, currentPhase } from './caseFormat';

export function StatusBadges({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  if (kase.status === 'suspended') return <span className="badge badge-warn badge-large">{t('person.badgeSuspended')}</span>;
  if (kase.status === 'terminated') return <span className="badge badge-off badge-large">{t('person.badgeTerminated')}</span>;
  return <span className="badge badge-ok badge-large">{t('person.badgeActive')}</span>;
}

/** The planned end, with how far suspensions moved it, or why it is not known. */
export function PlannedEnd({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  if (kase.status === 'terminated' && kase.terminationDate) {
    return <>{t('person.terminatedOn', { date: formatDate(kase.terminationDate, style) })}</>;
  }
  if (kase.plannedEndDate === null) return <strong className="text-warn">{t('person.endUnknown')}</strong>;
  const shift = caseShift(kase);
  return (
    <>
      <strong>{formatDate(kase.plannedEndDate, style)}</strong>
      {shift ? <span className="shift"> {t('person.shiftDays', { n: shift })}</span> : null}
    </>
  );
}

/** Who the person is and where their case stands, above every tab. */
export function PersonHeader({ person, kase, headingRef }: { person: PersonDetail; kase: CaseDetail | null; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const p = person.person;
  const phase = kase ? currentPhase(kase) : null;
  const roman = romajiName(p);
  return (
    <header className="person-header">
      <div className="person-title">
        <div>
          <p className="person-kana" lang="ja">
            {kanaName(p)}
          </p>
          <h1 ref={headingRef} tabIndex={-1}>
            {kanjiName(p)}
          </h1>
          {roman ? (
            <p className="person-romaji" lang="en">
              {roman}
            </p>
          ) : null}
        </div>
        <div className="person-badges">{kase ? <StatusBadges kase={kase} /> : null}</div>
      </div>
      <dl className="person-facts">
        <Detail label={t('person.ageLabel')}>
          {t('person.ageYears', { n: person.age })}
          <span className="sub">{t('person.bornOn', { date: formatDate(p.birthDate, style) })}</span>
        </Detail>
        <Detail label={t('person.phaseLabel')}>
          {phase ? (
            <>
              {t(`peopleCodes.phaseKind.${phase.kind}`)}
              {kase && kase.phases.length > 1 ? (
                <span className="sub">{t('person.phaseOf', { n: phase.seq, total: kase.phases.length })}</span>
              ) : null}
            </>
          ) : null}
        </Detail>
        <Detail label={t('person.caseNumber')}>{kase ? <span className="mono">{kase.caseNumber}</span> : null}</Detail>
        <Detail label={t('person.officerShort')}>{person.officer?.displayName}</Detail>
        <Detail label={t('person.vpoShort')}>
          {person.vpo ? (
            <>
              {person.vpo.name}
              {person.vpo.district ? <span className="sub">{person.vpo.district}</span> : null}
            </>
          ) : null}
        </Detail>
        <Detail label={t('person.plannedEnd')}>{kase ? <PlannedEnd kase={kase} /> : null}</Detail>
      </dl>
    </header>
  );
}
