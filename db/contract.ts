/**
 * The one contract between the renderer and the services. Each channel is a zod input schema plus
 * the type it returns. electron/ipc.ts, electron/preload.ts, the renderer's client (renderer/api.ts)
 * and the browser-mode test bridge are all derived from this table. The renderer imports this file
 * for types only.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors';

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

export interface User extends SessionUser {
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Settings {
  /** Minutes without activity before the database is closed and the lock screen shown. */
  idleMinutes: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorLogin: string | null;
  actorRole: Role | null;
  deviceId: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

const login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'login: 2–32 characters, a–z, 0–9, dot, dash, underscore');
const displayName = z.string().trim().min(1).max(80);
const passphrase = z.string().min(1).max(1024);
const id = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD');
const empty = z.object({}).strict();

/** Declares a channel: its input schema, and (as a phantom) the type it returns. */
function channel<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out });
}

export const contract = {
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
  'session.unlock': channel<SessionUser>()(z.object({ login, passphrase }).strict()),
  'session.recover': channel<SessionUser>()(
    z.object({ login, recoveryCode: z.string().min(1).max(200), newPassphrase: passphrase }).strict(),
  ),
  'session.lock': channel<null>()(empty),
  'session.touch': channel<null>()(empty),

  'users.list': channel<User[]>()(empty),
  'users.add': channel<User>()(
    z.object({ login, displayName, role: z.enum(ROLES), passphrase }).strict(),
  ),
  /** Disabling removes the user's key slot; enabling again needs a new temporary passphrase. */
  'users.setActive': channel<User>()(
    z.discriminatedUnion('active', [
      z.object({ userId: id, active: z.literal(false) }).strict(),
      z.object({ userId: id, active: z.literal(true), passphrase }).strict(),
    ]),
  ),
  'users.resetPassphrase': channel<null>()(z.object({ userId: id, passphrase }).strict()),
  'users.changeOwnPassphrase': channel<null>()(
    z.object({ currentPassphrase: passphrase, newPassphrase: passphrase }).strict(),
  ),

  'settings.get': channel<Settings>()(empty),
  'settings.update': channel<Settings>()(
    z.object({ idleMinutes: z.number().int().min(1).max(240) }).strict(),
  ),

  'audit.list': channel<{ rows: AuditEntry[]; total: number }>()(
    z
      .object({
        action: z.string().max(64).optional(),
        actorLogin: z.string().max(32).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  'audit.verify': channel<AuditVerifyResult>()(empty),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNELS = Object.keys(contract) as ChannelName[];

/** What a caller passes (before defaults are applied). */
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a service receives (after parsing). */
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Contract[C]['output'];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, string | number | boolean | null>;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Events pushed from the main process to the renderer. */
export interface Events {
  'session.locked': { reason: 'idle' | 'manual' };
}
export type EventName = keyof Events;
export const EVENTS: EventName[] = ['session.locked'];

/** Prefix of every IPC channel name, so contract calls never collide with Electron's own. */
export const IPC_PREFIX = 'api:';
export const IPC_EVENT_PREFIX = 'event:';

/** What the preload (or the test bridge) exposes as `window.api`. */
export interface Bridge {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Envelope<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
