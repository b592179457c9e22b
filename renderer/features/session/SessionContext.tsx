import { createContext, useContext } from 'react';
import type { SessionStatus } from '../../../db/contract';

export type UnlockedStatus = Extract<SessionStatus, { state: 'unlocked' }>;
export type LockedStatus = Extract<SessionStatus, { state: 'locked' }>;

export interface Session {
  status: UnlockedStatus;
  /** Locks now: the database closes and all case data leaves the renderer. */
  lock: () => Promise<void>;
  /** Re-reads the session status (e.g. after the idle minutes changed). */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an unlocked session');
  return session;
}

export function useIsAdmin(): boolean {
  return useSession().status.user.role === 'administrator';
}
