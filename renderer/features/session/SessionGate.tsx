import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Events, SessionStatus } from '../../../db/contract';
import { call, hasBridge, subscribe } from '../../api';
import { AuthLayout } from '../../components/AuthLayout';
import { queryClient, setSessionLostHandler } from '../../queryClient';
import { AppFrame } from '../shell/AppFrame';
import { ErrorScreen } from './ErrorScreen';
import { RecoveryCodeScreen } from './RecoveryCodeScreen';
import { SessionContext, type Session } from './SessionContext';
import { SetupScreen } from './SetupScreen';
import { UnlockScreen } from './UnlockScreen';
import { useActivityTouch } from './useActivityTouch';
import { useTranslation } from 'react-i18next';

type LockReason = Events['session.locked']['reason'];

type GateState =
  | { kind: 'loading' }
  | { kind: 'status'; status: SessionStatus }
  /** Shown once right after setup; the code lives only in this state. */
  | { kind: 'recovery'; code: string }
  | { kind: 'failed'; error: unknown };

/** Decides which screen the app shows from the session status, and owns locking. */
export function SessionGate() {
  const { t } = useTranslation();
  const [state, setState] = useState<GateState>({ kind: 'loading' });
  const [lockReason, setLockReason] = useState<LockReason | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const refresh = useCallback(async () => {
    try {
      const status = await call('session.status', {});
      setState({ kind: 'status', status });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }, []);

  const handleLocked = useCallback(
    (reason: LockReason) => {
      const current = stateRef.current;
      const alreadyLocked =
        current.kind === 'loading' || (current.kind === 'status' && current.status.state !== 'unlocked');
      setLockReason(reason);
      if (alreadyLocked) return;
      // Unmount the app frame first so that no mounted query refetches into the cleared cache.
      flushSync(() => setState({ kind: 'loading' }));
      queryClient.clear();
      void refresh();
    },
    [refresh],
  );

  useEffect(() => {
    if (!hasBridge()) {
      setState({ kind: 'failed', error: null });
      return;
    }
    void refresh();
    const unsubscribe = subscribe('session.locked', ({ reason }) => handleLocked(reason));
    setSessionLostHandler(() => handleLocked('idle'));
    return () => {
      unsubscribe();
      setSessionLostHandler(null);
    };
  }, [refresh, handleLocked]);

  const unlocked = state.kind === 'recovery' || (state.kind === 'status' && state.status.state === 'unlocked');
  useActivityTouch(unlocked, () => handleLocked('idle'));

  const lock = useCallback(async () => {
    try {
      await call('session.lock', {});
    } catch {
      // Already locked (say, by the idle timer a moment earlier): the outcome is the same.
    } finally {
      handleLocked('manual');
    }
  }, [handleLocked]);

  const onUnlocked = useCallback(async () => {
    setLockReason(null);
    await refresh();
  }, [refresh]);

  const session = useMemo<Session | null>(
    () =>
      state.kind === 'status' && state.status.state === 'unlocked'
        ? { status: state.status, lock, refresh }
        : null,
    [state, lock, refresh],
  );

  switch (state.kind) {
    case 'loading':
      return (
        <AuthLayout>
          <p className="loading" role="status">
            {t('app.loading')}
          </p>
        </AuthLayout>
      );
    case 'failed':
      return <ErrorScreen error={state.error} onRetry={refresh} />;
    case 'recovery':
      return (
        <RecoveryCodeScreen
          code={state.code}
          onContinue={() => {
            setState({ kind: 'loading' });
            void refresh();
          }}
        />
      );
    case 'status':
      break;
  }

  const { status } = state;
  switch (status.state) {
    case 'no-office':
      return (
        <SetupScreen
          policy={status.policy}
          onDone={(code) => setState({ kind: 'recovery', code })}
          onDemoOpened={onUnlocked}
        />
      );
    case 'locked':
      return <UnlockScreen status={status} lockReason={lockReason} onUnlocked={onUnlocked} onAttemptFailed={refresh} />;
    case 'error':
      return <ErrorScreen error={status.error} onRetry={refresh} />;
    case 'unlocked':
      return session ? (
        <SessionContext.Provider value={session}>
          <AppFrame key={status.user.id} />
        </SessionContext.Provider>
      ) : null;
  }
}
