import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusNotice } from '../../components/Alert';
import { formatDate } from '../../i18n/dates';
import { useDateStyle } from '../../i18n/useFormat';
import { Detail } from '../people/fields';
import { kanaName, kanjiName, romajiName } from '../people/personFormat';
import { FamilySection } from './FamilySection';
import { PersonEditForm } from './PersonEditForm';
import type { PersonTabProps } from './types';

/** The person's details (editable) and their family and guarantor. */
export function OverviewTab({ person }: PersonTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const p = person.person;
  return (
    <>
      <StatusNotice>{notice}</StatusNotice>
      <section className="card" aria-labelledby="overview-person">
        <div className="card-heading">
          <h2 id="overview-person">{t('person.detailsTitle')}</h2>
          {editing ? null : (
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              {t('person.edit')}
            </button>
          )}
        </div>
        {editing ? (
          <PersonEditForm
            person={person}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setNotice(t('person.saved'));
            }}
          />
        ) : (
          <dl className="details-grid">
            <Detail label={t('person.kanji')}>{kanjiName(p)}</Detail>
            <Detail label={t('person.kana')}>{kanaName(p)}</Detail>
            <Detail label={t('person.romaji')}>{romajiName(p)}</Detail>
            <Detail label={t('person.birthDate')}>
              {t('person.birthAndAge', { date: formatDate(p.birthDate, style), n: person.age })}
            </Detail>
            <Detail label={t('person.sex')}>{t(`peopleCodes.sex.${p.sex}`)}</Detail>
            <Detail label={t('person.phone')}>{p.phone}</Detail>
            <Detail label={t('person.address')} className="span-2">
              {p.address}
            </Detail>
            <Detail label={t('person.languageNeeds')}>{p.languageNeeds}</Detail>
            <Detail label={t('person.drugTypes')} className="span-2">
              {p.drugTypes.length > 0 ? (
                <ul className="tag-list">
                  {p.drugTypes.map((d) => (
                    <li key={d} className="tag">
                      {t(`peopleCodes.drug.${d}`)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Detail>
            <Detail label={t('person.priorConvictions')}>{t('person.times', { n: p.priorConvictions })}</Detail>
            <Detail label={t('person.offences')} className="span-3">
              {p.offences}
            </Detail>
          </dl>
        )}
      </section>
      <FamilySection person={person} />
    </>
  );
}
