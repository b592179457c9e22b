import { randomUUID } from 'node:crypto';
import type { ParsedInputOf, Role, StaffMember, User } from '../contract';
import { AppError } from '../errors';
import { checkUserPassphrase, newUserSlot, putUserSlot, removeUserSlot, type Keyring } from '../keyring';
import { assertPassphrase, requireRole } from '../policy';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';

interface UserRow {
  id: string;
  login: string;
  display_name: string;
  role: Role;
  active: number;
  created_at: string;
  updated_at: string;
}

function toUser(r: UserRow): User {
  return {
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    role: r.role,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findUser(ctx: ServiceContext, id: string): User | null {
  const r = ctx.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return r ? toUser(r) : null;
}

function mustFind(ctx: ServiceContext, id: string): User {
  const u = findUser(ctx, id);
  if (!u) throw new AppError('NOT_FOUND', 'no such user');
  return u;
}

export function listUsers(ctx: ServiceContext): User[] {
  requireRole(ctx, 'administrator');
  return (ctx.db.prepare('SELECT * FROM users ORDER BY active DESC, login').all() as UserRow[]).map(toUser);
}

export function listStaff(ctx: ServiceContext): StaffMember[] {
  return (
    stmt(ctx.db, 'SELECT id, display_name, role FROM users WHERE active = 1 ORDER BY display_name').all() as {
      id: string;
      display_name: string;
      role: Role;
    }[]
  ).map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
}

/** Creates the user row; the caller has already wrapped the key for them (async) and passes the slot. */
export async function addUser(
  ctx: ServiceContext,
  keys: Keyring,
  input: ParsedInputOf<'users.add'>,
  opts: { bootstrap?: boolean } = {},
): Promise<User> {
  if (!opts.bootstrap) requireRole(ctx, 'administrator');
  assertPassphrase(input.passphrase);
  if (ctx.db.prepare('SELECT 1 FROM users WHERE login = ?').get(input.login)) {
    throw new AppError('LOGIN_TAKEN', 'this login id is already used');
  }
  const id = randomUUID();
  const slot = await newUserSlot(keys, { id, login: input.login }, input.passphrase);
  return mutate(ctx, 'users.add', (tx) => {
    tx.insert('users', {
      id,
      login: input.login,
      display_name: input.displayName,
      role: input.role,
      active: 1,
      created_at: tx.at,
      updated_at: tx.at,
    });
    putUserSlot(keys, slot);
    return mustFind(ctx, id);
  });
}

export async function setUserActive(
  ctx: ServiceContext,
  keys: Keyring,
  input: ParsedInputOf<'users.setActive'>,
): Promise<User> {
  requireRole(ctx, 'administrator');
  const user = mustFind(ctx, input.userId);
  if (!input.active) {
    if (user.id === ctx.actor.userId) throw new AppError('FORBIDDEN', 'you cannot disable your own account');
    if (user.role === 'administrator' && user.active) assertAnotherActiveAdmin(ctx, user.id);
    return mutate(ctx, 'users.disable', (tx) => {
      tx.update('users', user.id, { active: 0, updated_at: tx.at });
      // Without its slot a disabled user's passphrase no longer opens the key, even from a copied file.
      removeUserSlot(keys, user.id);
      return mustFind(ctx, user.id);
    });
  }
  assertPassphrase(input.passphrase);
  const slot = await newUserSlot(keys, user, input.passphrase);
  return mutate(ctx, 'users.enable', (tx) => {
    tx.update('users', user.id, { active: 1, updated_at: tx.at });
    putUserSlot(keys, slot);
    return mustFind(ctx, user.id);
  });
}

/** Puts a staff member in a unit (部門) for unit reports; an empty unit takes them out of every unit. */
export function setUserUnit(ctx: ServiceContext, input: ParsedInputOf<'users.setUnit'>): User {
  requireRole(ctx, 'administrator');
  const user = mustFind(ctx, input.userId);
  return mutate(ctx, 'users.setUnit', (tx) => {
    tx.update('users', user.id, { unit: input.unit, updated_at: tx.at });
    return mustFind(ctx, user.id);
  });
}

function assertAnotherActiveAdmin(ctx: ServiceContext, exceptId: string): void {
  const n = ctx.db
    .prepare("SELECT count(*) AS n FROM users WHERE role = 'administrator' AND active = 1 AND id <> ?")
    .get(exceptId) as { n: number };
  if (n.n === 0) throw new AppError('LAST_ADMIN', 'the office needs at least one active administrator');
}

/** An administrator sets a new temporary passphrase for someone who has forgotten theirs. */
export async function resetPassphrase(
  ctx: ServiceContext,
  keys: Keyring,
  input: ParsedInputOf<'users.resetPassphrase'>,
): Promise<null> {
  requireRole(ctx, 'administrator');
  const user = mustFind(ctx, input.userId);
  if (!user.active) throw new AppError('USER_DISABLED', 'enable the user first');
  assertPassphrase(input.passphrase);
  const slot = await newUserSlot(keys, user, input.passphrase);
  mutate(ctx, 'users.resetPassphrase', (tx) => {
    tx.event('users', user.id);
    putUserSlot(keys, slot);
  });
  return null;
}

export async function changeOwnPassphrase(
  ctx: ServiceContext,
  keys: Keyring,
  input: ParsedInputOf<'users.changeOwnPassphrase'>,
): Promise<null> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('FORBIDDEN', 'no signed-in user');
  if (!(await checkUserPassphrase(keys, userId, input.currentPassphrase))) {
    throw new AppError('WRONG_PASSPHRASE', 'the current passphrase is not correct');
  }
  assertPassphrase(input.newPassphrase);
  const user = mustFind(ctx, userId);
  const slot = await newUserSlot(keys, user, input.newPassphrase);
  mutate(ctx, 'users.changeOwnPassphrase', (tx) => {
    tx.event('users', userId);
    putUserSlot(keys, slot);
  });
  return null;
}
