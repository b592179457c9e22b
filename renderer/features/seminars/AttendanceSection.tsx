import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeminarDetail } from '../../../db/contract';
import { ErrorAlert } from '../../components/Alert';
import { useErrorText } from '../../i18n/useFormat';
import { attendanceDraft, attendanceEntries, markUnanswered, type AttendanceDraft, type RecordedAttendance } from './model';
import { useRecordAttendance } from './queries';

const CHOICES: readonly RecordedAttendance[] = ['attended', 'absent', 'declined'];

/** Everyone invited, with their attendance and follow-up note, saved in one call. */
export function AttendanceSection({ detail, held, onSaved }: { detail: SeminarDetail; held: boolean; onSaved: (n: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<AttendanceDraft>(() => attendanceDraft(detail.invitations));
  const [problem, setProblem] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ index: number; text: string } | null>(null);
  const record = useRecordAttendance();
  const invitations = detail.invitations;
  // Newly invited members join the draft without losing what was typed for the others.
  const rows = invitations.map((i) => ({ inv: i, row: draft[i.familyMemberId] ?? { attendance: null, followUp: i.followUp } }));

  function setRow(id: string, patch: Partial<AttendanceDraft[string]>) {
    setProblem(null);
    setRowError(null);
    setDraft((d) => {
      const inv = invitations.find((i) => i.familyMemberId === id);
      const base = d[id] ?? { attendance: null, followUp: inv?.followUp ?? '' };
      return { ...d, [id]: { ...base, ...patch } };
    });
  }

  function save() {
    const full = Object.fromEntries(rows.map((r) => [r.inv.familyMemberId, r.row]));
    const { entries, unanswered } = attendanceEntries(invitations, full);
    if (entries.length === 0) {
      setProblem(t('families.attendance.noneChosen'));
      return;
    }
    setProblem(null);
    record.mutate(
      { seminarId: detail.seminar.id, entries },
      {
        onSuccess: (d) => {
          setDraft(attendanceDraft(d.invitations));
          setRowError(null);
          onSaved(entries.length);
          if (unanswered.length > 0) setProblem(t('families.attendance.someLeft', { n: unanswered.length }));
        },
        onError: (err) => {
          const raw = (err as { details?: { field?: unknown } }).details?.field;
          const m = typeof raw === 'string' ? /^entries\.(\d+)\./.exec(raw) : null;
          const entry = m ? entries[Number(m[1])] : undefined;
          const index = entry ? invitations.findIndex((i) => i.familyMemberId === entry.familyMemberId) : -1;
          setRowError(index >= 0 ? { index, text: errorText(err) } : null);
          if (index < 0) setProblem(errorText(err));
        },
      },
    );
  }

  return (
    <section className="section" aria-labelledby="attendance-title">
      <div className="section-heading">
        <h2 id="attendance-title">{t('families.attendance.title')}</h2>
        <span className="muted">{t('families.count', { n: invitations.length })}</span>
      </div>
      {invitations.length === 0 ? (
        <p className="empty-line muted">{t('families.attendance.empty')}</p>
      ) : (
        <>
          {!held ? <p className="hint">{t('families.attendance.notYetHeld')}</p> : null}
          <div className="table-wrap">
            <table className="data-table fam-attendance-table">
              <caption className="visually-hidden">{t('families.attendance.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('families.attendance.member')}</th>
                  <th scope="col">{t('families.attendance.supervisee')}</th>
                  <th scope="col">{t('families.attendance.attendance')}</th>
                  <th scope="col">{t('families.attendance.followUp')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ inv, row }, index) => (
                  <tr key={inv.id} className={rowError?.index === index ? 'fam-row-error' : undefined}>
                    <th scope="row">
                      {inv.memberName}
                      <span className="sub">
                        {t(`peopleCodes.relation.${inv.relation}`)}
                        {inv.isGuarantor ? ` · ${t('families.guarantor')}` : ''}
                      </span>
                      {inv.guardianInstructed ? <span className="pill pill-attention fam-instructed">{t('families.instructedShort')}</span> : null}
                    </th>
                    <td>
                      {inv.superviseeName}
                      {inv.caseNumber ? <span className="sub">{inv.caseNumber}</span> : null}
                    </td>
                    <td>
                      <fieldset className="fam-attendance-choice" aria-invalid={rowError?.index === index ? true : undefined}>
                        <legend className="visually-hidden">{t('families.attendance.of', { name: inv.memberName })}</legend>
                        {CHOICES.map((c) => (
                          <label key={c} className="fam-choice">
                            <input
                              type="radio"
                              name={`att-${inv.id}`}
                              value={c}
                              checked={row.attendance === c}
                              disabled={!held}
                              onChange={() => setRow(inv.familyMemberId, { attendance: c })}
                            />
                            {t(`families.attendanceCodes.${c}`)}
                          </label>
                        ))}
                        {row.attendance === null ? <span className="sub">{t('families.attendanceCodes.invited')}</span> : null}
                        {rowError?.index === index ? <p className="field-error">{rowError.text}</p> : null}
                      </fieldset>
                    </td>
                    <td>
                      <input
                        type="text"
                        className="cell-input fam-followup"
                        aria-label={t('families.attendance.followUpOf', { name: inv.memberName })}
                        value={row.followUp}
                        maxLength={2000}
                        onChange={(e) => setRow(inv.familyMemberId, { followUp: e.target.value })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ErrorAlert>{problem}</ErrorAlert>
          <div className="form-actions">
            <button type="button" className="button-primary" disabled={record.isPending || !held} onClick={save}>
              {record.isPending ? t('common.saving') : t('families.attendance.save')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={!held}
              onClick={() => setDraft(markUnanswered(Object.fromEntries(rows.map((r) => [r.inv.familyMemberId, r.row])), 'attended'))}
            >
              {t('families.attendance.allAttended')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
