import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import { formatDay } from '../contacts/format';
import { useJapanNow } from '../contacts/useJapanNow';
import { AttendanceSection } from './AttendanceSection';
import { InvitePanel } from './InvitePanel';
import { useSeminar } from './queries';
import { SeminarDialog } from './SeminarDialog';

/** One seminar: its details, the invitations and the attendance of everyone in one pass. */
export function SeminarScreen({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const { today } = useJapanNow();
  const seminar = useSeminar(id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const d = seminar.data;
  const none = t('common.none');

  return (
    <>
      <button type="button" className="back-button button-quiet" onClick={onBack}>
        ← {t('families.seminars.backToList')}
      </button>
      {seminar.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      <ErrorAlert>{seminar.isError ? errorText(seminar.error) : null}</ErrorAlert>
      {d ? (
        <>
          <PageHeading
            actions={
              <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
                {t('families.seminars.edit')}
              </button>
            }
          >
            {d.seminar.topic}
          </PageHeading>
          <dl className="fam-facts">
            <div>
              <dt>{t('families.seminars.when')}</dt>
              <dd>
                {formatDay(d.seminar.heldOn, style)}
                {d.seminar.startTime ? ` ${d.seminar.startTime}` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('families.seminars.place')}</dt>
              <dd>{d.seminar.place}</dd>
            </div>
            <div>
              <dt>{t('families.seminars.facilitator')}</dt>
              <dd>{d.seminar.facilitator || none}</dd>
            </div>
            <div>
              <dt>{t('families.seminars.seats')}</dt>
              <dd>{t('families.seminars.seatsValue', { taken: d.seminar.seatsTaken, capacity: d.seminar.capacity })}</dd>
            </div>
            <div>
              <dt>{t('families.seminars.attended')}</dt>
              <dd>{d.seminar.attended}</dd>
            </div>
            <div>
              <dt>{t('families.instructedShort')}</dt>
              <dd>{d.seminar.guardiansInstructed}</dd>
            </div>
          </dl>
          {d.seminar.notes ? <p className="prewrap fam-notes">{d.seminar.notes}</p> : null}
          <StatusNotice>{notice}</StatusNotice>
          <div className="fam-seminar-layout">
            <AttendanceSection
              key={d.seminar.id}
              detail={d}
              held={d.seminar.heldOn <= today}
              onSaved={(n) => setNotice(t('families.attendance.saved', { n }))}
            />
            <InvitePanel detail={d} onInvited={(names) => setNotice(t('families.invite.done', { names: names.join(t('families.listSeparator')) }))} />
          </div>
          {editing ? (
            <SeminarDialog
              seminar={d.seminar}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setNotice(t('families.seminars.saved'));
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
