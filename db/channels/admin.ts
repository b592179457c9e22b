import { z } from 'zod';
import { channel, empty, isoDate, uuid } from './define';
import { displayName, login, passphrase, ROLES, type Role, type SessionUser } from './session';

export interface User extends SessionUser {
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A colleague as every signed-in user may see them: to assign a case or filter a caseload. */
export interface StaffMember {
  id: string;
  displayName: string;
  role: Role;
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

export const adminChannels = {
  'users.list': channel<User[]>()(empty),
  /** Active staff, for every role (users.list, with logins and history, is for administrators). */
  'users.staff': channel<StaffMember[]>()(empty),
  'users.add': channel<User>()(z.object({ login, displayName, role: z.enum(ROLES), passphrase }).strict()),
  /** Administrators put staff in units (部門) for unit reports; '' = no unit. */
  'users.setUnit': channel<User>()(z.object({ userId: uuid, unit: z.string().trim().max(40) }).strict()),
  /** Disabling removes the user's key slot; enabling again needs a new temporary passphrase. */
  'users.setActive': channel<User>()(
    z.discriminatedUnion('active', [
      z.object({ userId: uuid, active: z.literal(false) }).strict(),
      z.object({ userId: uuid, active: z.literal(true), passphrase }).strict(),
    ]),
  ),
  'users.resetPassphrase': channel<null>()(z.object({ userId: uuid, passphrase }).strict()),
  'users.changeOwnPassphrase': channel<null>()(
    z.object({ currentPassphrase: passphrase, newPassphrase: passphrase }).strict(),
  ),

  'settings.get': channel<Settings>()(empty),
  'settings.update': channel<Settings>()(z.object({ idleMinutes: z.number().int().min(1).max(240) }).strict()),

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
