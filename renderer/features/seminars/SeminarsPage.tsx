import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { DateTextField } from '../contacts/DateFields';
import { parseDateText } from '../contacts/japanDates';
import { useJapanNow } from '../contacts/useJapanNow';
import { ReachableList } from './ReachableList';
import { useSeminars } from './queries';
import { SeminarDialog } from './SeminarDialog';
import { SeminarScreen } from './SeminarScreen';

type View = 'seminars' | 'reachable';

function SeminarList({ onOpen, onAdd }: { onOpen: (id: string) => void; onAdd: () => void }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const { today } = useJapanNow();
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const from = parseDateText(fromText);
  const to = parseDateText(toText);
  const filtered = from !== null || to !== null;
  const seminars = useSeminars({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const rows = seminars.data ?? [];
  const none = t('common.none');

  return (
    <section className="section" aria-labelledby="seminar-list-title">
      <div className="section-heading">
        <h2 id="seminar-list-title">{t('families.seminars.list')}</h2>
        {seminars.data ? <span className="muted">{t('families.count', { n: rows.length })}</span> : null}
      </div>
      <div className="toolbar fam-toolbar">
        <DateTextField kind="date" label={t('families.seminars.from')} value={fromText} onChange={setFromText} bare />
        <DateTextField kind="date" label={t('families.seminars.to')} value={toText} onChange={setToText} bare />
      </div>
      <ErrorAlert>{seminars.isError ? errorText(seminars.error) : null}</ErrorAlert>
      {seminars.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {seminars.data && rows.length === 0 && !filtered ? (
        <EmptyState title={t('families.seminars.emptyTitle')}>
          <p>{t('families.seminars.emptyBody')}</p>
          <button type="button" className="button-primary" onClick={onAdd}>
            {t('families.seminars.add')}
          </button>
        </EmptyState>
      ) : null}
      {seminars.data && rows.length === 0 && filtered ? <p className="muted empty-line">{t('families.seminars.noMatch')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table fam-seminar-table">
            <caption className="visually-hidden">{t('families.seminars.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('families.seminars.when')}</th>
                <th scope="col">{t('families.seminars.topic')}</th>
                <th scope="col">{t('families.seminars.place')}</th>
                <th scope="col">{t('families.seminars.facilitator')}</th>
                <th scope="col" className="col-num">{t('families.seminars.seats')}</th>
                <th scope="col" className="col-num">{t('families.seminars.attended')}</th>
                <th scope="col" className="col-num">{t('families.instructedShort')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} className={s.heldOn < today ? undefined : 'row-current'}>
                  <td className="nowrap">
                    {formatDate(s.heldOn, style)}
                    {s.startTime ? <span className="sub">{s.startTime}</span> : null}
                  </td>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => onOpen(s.id)}>
                      {s.topic}
                    </button>
                  </th>
                  <td>{s.place}</td>
                  <td>{s.facilitator || <span className="muted">{none}</span>}</td>
                  <td className="col-num nowrap">{t('families.seminars.seatsValue', { taken: s.seatsTaken, capacity: s.capacity })}</td>
                  <td className="col-num">{s.attended}</td>
                  <td className="col-num">{s.guardiansInstructed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Family seminars (引受人会・家族会) and the families still reachable after supervision. */
export function SeminarsPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('seminars');
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (openId) return <SeminarScreen id={openId} onBack={() => setOpenId(null)} />;

  return (
    <>
      <PageHeading
        actions={
          <button type="button" className="button-primary" onClick={() => setAdding(true)}>
            {t('families.seminars.add')}
          </button>
        }
      >
        {t('families.seminars.title')}
      </PageHeading>
      <p className="lead">{t('families.seminars.intro')}</p>
      <StatusNotice>{notice}</StatusNotice>
      <div className="fam-switch" role="group" aria-label={t('families.seminars.view')}>
        <button type="button" aria-pressed={view === 'seminars'} onClick={() => setView('seminars')}>
          {t('families.seminars.list')}
        </button>
        <button type="button" aria-pressed={view === 'reachable'} onClick={() => setView('reachable')}>
          {t('families.reachable.title')}
        </button>
      </div>
      {view === 'seminars' ? <SeminarList onOpen={setOpenId} onAdd={() => setAdding(true)} /> : <ReachableList />}
      {adding ? (
        <SeminarDialog
          seminar={null}
          onClose={() => setAdding(false)}
          onSaved={(s) => {
            setAdding(false);
            setNotice(t('families.seminars.added', { topic: s.topic }));
            setOpenId(s.id);
          }}
        />
      ) : null}
    </>
  );
}
