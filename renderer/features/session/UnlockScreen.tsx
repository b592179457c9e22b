import { useState } from 'react';
import type { Events } from '../../../db/contract';
import { DemoLockedNotice, DemoOffer } from './DemoOffer';
import { AuthLayout } from '../../components/AuthLayout';
import { PassphraseUnlockForm } from './PassphraseUnlockForm';
import { RecoverForm } from './RecoverForm';
import type { LockedStatus } from './SessionContext';


interface Props {
  status: LockedStatus;
  lockReason: Events['session.locked']['reason'] | null;
  onUnlocked: () => Promise<void>;
  /** Re-reads the status so failed attempts and a lockout show up. */
  onAttemptFailed: () => Promise<void>;
}

export function UnlockScreen({ status, lockReason, onUnlocked, onAttemptFailed }: Props) {
  // Leaving the demo or opening it changes which office is shown: re-read the status either way.
  const demo = status.demo ? <DemoLockedNotice onLeft={onAttemptFailed} /> : <DemoOffer onOpened={onUnlocked} />;
  const [mode, setMode] = useState<'passphrase' | 'recover'>('passphrase');
  return (
    <AuthLayout wide={mode === 'recover'}>
      {mode === 'passphrase' ? (
        <PassphraseUnlockForm
          status={status}
          lockReason={lockReason}
          onUnlocked={onUnlocked}
          onAttemptFailed={onAttemptFailed}
          onUseRecovery={() => setMode('recover')}
        />
      ) : (
        <RecoverForm
          status={status}
          onUnlocked={onUnlocked}
          onAttemptFailed={onAttemptFailed}
          onBack={() => setMode('passphrase')}
        />
      )}
      {mode === 'passphrase' ? demo : null}
    </AuthLayout>
  );
}
