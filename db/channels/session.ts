import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { channel, empty } from './define';

export const ROLES = ['officer', 'supervisor', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
}

export interface Policy {
  minPassphraseLength: number;
}

export type SessionStatus =
  | { state: 'no-office'; policy: Policy }
  | {
      state: 'locked';
      policy: Policy;
      officeName: string;
      demo: boolean;
      /** ISO instant (UTC) until which unlocking is refused, or null. */
      lockedUntil: string | null;
      failedAttempts: number;
    }
  | {
      state: 'unlocked';
      policy: Policy;
      officeName: string;
      demo: boolean;
      user: SessionUser;
      idleMinutes: number;
    }
  | { state: 'error'; policy: Policy; error: { code: ErrorCode; message: string } };

export const login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'login: 2–32 characters, a–z, 0–9, dot, dash, underscore');
export const displayName = z.string().trim().min(1).max(80);
export const passphrase = z.string().min(1).max(1024);

export const sessionChannels = {
  'session.status': channel<SessionStatus>()(empty),
  'session.setup': channel<{ recoveryCode: string; user: SessionUser }>()(
    z
      .object({
        officeName: z.string().trim().min(1).max(120),
        adminLogin: login,
        adminDisplayName: displayName,
        passphrase,
      })
      .strict(),
  ),
  /** A laptop's first run: a local encrypted store for one officer, who then enrols with the office. */
  'session.join': channel<{ recoveryCode: string; user: SessionUser }>()(
    z
      .object({
        /** Shown on the lock screen until enrolment replaces it with the office's name. */
        officeName: z.string().trim().min(1).max(120).default('未登録の端末'),
        login,
        displayName,
        passphrase,
      })
      .strict(),
  ),
  'session.unlock': channel<SessionUser>()(z.object({ login, passphrase }).strict()),
  'session.recover': channel<SessionUser>()(
    z.object({ login, recoveryCode: z.string().min(1).max(200), newPassphrase: passphrase }).strict(),
  ),
  'session.lock': channel<null>()(empty),
  'session.touch': channel<null>()(empty),
} as const;
