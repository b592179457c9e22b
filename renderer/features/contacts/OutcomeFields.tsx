import { useTranslation } from 'react-i18next';
import { RadioGroup } from './controls';
import type { Attendance, MissedReason } from './outcome';

interface Props {
  attendance: Attendance;
  reason: MissedReason | null;
  onAttendance: (a: Attendance) => void;
  onReason: (r: MissedReason) => void;
  reasonError?: string | null;
  outcomeError?: string | null;
  registerOutcome?: (el: HTMLElement | null) => void;
  registerReason?: (el: HTMLElement | null) => void;
}

/** Held or missed; a missed contact asks whether the reason was acceptable (no default). */
export function OutcomeFields({ attendance, reason, onAttendance, onReason, reasonError, outcomeError, registerOutcome, registerReason }: Props) {
  const { t } = useTranslation();
  return (
    <div className="outcome-fields">
      <RadioGroup<Attendance>
        ref={registerOutcome}
        legend={t('daily.contacts.outcome')}
        name="attendance"
        className="daily-choice-inline"
        value={attendance}
        onChange={onAttendance}
        error={outcomeError}
        options={[
          { value: 'held', label: t('daily.contacts.held') },
          { value: 'missed', label: t('daily.contacts.missed') },
        ]}
      />
      {attendance === 'missed' ? (
        <RadioGroup<MissedReason>
          ref={registerReason}
          legend={t('daily.contacts.missedReason')}
          name="missed-reason"
          className="daily-choice-inline missed-reason"
          value={reason}
          onChange={onReason}
          error={reasonError}
          required
          options={[
            { value: 'acceptable', label: t('daily.contacts.missedAcceptable') },
            { value: 'unacceptable', label: t('daily.contacts.missedUnacceptable') },
          ]}
        />
      ) : null}
    </div>
  );
}
