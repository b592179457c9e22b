import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../db/contract';
import { ErrorAlert, StatusNotice } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDate, formatTime } from '../../i18n/dates';
import { useDateStyle, useErrorText } from '../../i18n/useFormat';
import type { CaseTabProps } from '../contacts/ContactsTab';
import { useSession } from '../session/SessionContext';
import { MeasureForm } from './MeasureForm';
import { useMeasures, useSignOffMeasure } from './queries';

function SignOffDialog({ measure, onClose, onDone }: { measure: Measure; onClose: () => void; onDone: (m: Measure) => void }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const signOff = useSignOffMeasure();
  return (
    <Dialog title={t('daily.measures.signOffTitle')} onClose={onClose}>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          signOff.mutate({ id: measure.id }, { onSuccess: onDone });
        }}
      >
        <p>
          {t('daily.measures.signOffIntro', {
            kind: t(`daily.measures.kinds.${measure.kind}`),
            date: formatDate(measure.decidedOn, style),
          })}
        </p>
        {measure.decision ? <blockquote className="daily-quote">{measure.decision}</blockquote> : null}
        <ErrorAlert>{signOff.isError ? errorText(signOff.error) : null}</ErrorAlert>
        <div className="form-actions dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={signOff.isPending} autoFocus>
            {signOff.isPending ? t('common.working') : t('daily.measures.signOff')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function SignOffState({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const style = useDateStyle();
  if (!measure.needsSignoff) return <span className="pill pill-off">{t('daily.measures.notRequired')}</span>;
  if (measure.signedOffAt === null) return <span className="pill pill-attention">{t('daily.measures.awaiting')}</span>;
  return (
    <>
      <span className="pill pill-ok">{t('daily.measures.signedOff')}</span>
      <span className="sub">
        {t('daily.measures.signedOffBy', {
          name: measure.signedOffByName ?? t('common.none'),
          when: `${formatDate(measure.signedOffAt, style)} ${formatTime(measure.signedOffAt)}`,
        })}
      </span>
    </>
  );
}

/** The measures tab: record a measure; supervisors and administrators sign off those that need it. */
export function MeasuresTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const style = useDateStyle();
  const errorText = useErrorText();
  const role = useSession().status.user.role;
  const canSignOff = role === 'supervisor' || role === 'administrator';
  const measures = useMeasures(caseId);
  const [notice, setNotice] = useState<string | null>(null);
  const [signing, setSigning] = useState<Measure | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <div className="daily-tab">
      <MeasureForm
        caseId={caseId}
        onRecorded={(m) =>
          setNotice(
            t(m.needsSignoff ? 'daily.measures.recordedAwaiting' : 'daily.measures.recorded', {
              kind: t(`daily.measures.kinds.${m.kind}`),
            }),
          )
        }
      />
      <StatusNotice>{notice}</StatusNotice>
      <section className="section" aria-labelledby="measures-title">
        <div className="section-heading">
          <h2 id="measures-title" ref={heading} tabIndex={-1}>
            {t('daily.measures.listTitle')}
          </h2>
          {measures.data ? <span className="muted">{t('daily.common.count', { n: measures.data.length })}</span> : null}
        </div>
        {measures.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        <ErrorAlert>{measures.isError ? errorText(measures.error) : null}</ErrorAlert>
        {measures.data && measures.data.length === 0 ? <p className="empty-line muted">{t('daily.measures.empty')}</p> : null}
        {measures.data && measures.data.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table measures-table">
              <caption className="visually-hidden">{t('daily.measures.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('daily.measures.decidedOn')}</th>
                  <th scope="col">{t('daily.measures.kind')}</th>
                  <th scope="col">{t('daily.measures.decision')}</th>
                  <th scope="col">{t('daily.measures.colSignOff')}</th>
                  <th scope="col" className="col-actions">
                    {t('daily.common.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {measures.data.map((m) => {
                  const kind = t(`daily.measures.kinds.${m.kind}`);
                  const awaiting = m.needsSignoff && m.signedOffAt === null;
                  return (
                    <tr key={m.id}>
                      <td className="nowrap">{formatDate(m.decidedOn, style)}</td>
                      <th scope="row">{kind}</th>
                      <td className="daily-notes-cell">
                        {m.decision || <span className="muted">{t('common.none')}</span>}
                        {m.notes ? <span className="sub">{m.notes}</span> : null}
                      </td>
                      <td>
                        <SignOffState measure={m} />
                      </td>
                      <td className="col-actions">
                        {awaiting && canSignOff ? (
                          <button
                            type="button"
                            className="button-small"
                            aria-label={`${t('daily.measures.signOff')}: ${kind} ${formatDate(m.decidedOn, style)}`}
                            onClick={() => setSigning(m)}
                          >
                            {t('daily.measures.signOff')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {!canSignOff && measures.data?.some((m) => m.needsSignoff && m.signedOffAt === null) ? (
          <p className="hint">{t('daily.measures.awaitingHint')}</p>
        ) : null}
      </section>
      {signing ? (
        <SignOffDialog
          measure={signing}
          onClose={() => setSigning(null)}
          onDone={(m) => {
            setSigning(null);
            setNotice(t('daily.measures.signedOffNotice', { kind: t(`daily.measures.kinds.${m.kind}`) }));
            heading.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
