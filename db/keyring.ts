import { AppError } from './errors';
import { readSlots, unwrapKey, wrapKey, writeSlots, type KdfParams, type Slot } from './keyslots';

/** The unlocked database key and where its slots live; held only while the session is unlocked. */
export interface Keyring {
  officeId: string;
  slotsPath: string;
  dbKey: Buffer;
  kdf: KdfParams;
}

export function newUserSlot(k: Keyring, user: { id: string; login: string }, passphrase: string): Promise<Slot> {
  return wrapKey(k.officeId, k.dbKey, passphrase, { kind: 'user', userId: user.id, login: user.login }, k.kdf);
}

/** Replaces (or adds) the user's slot. Synchronous, so it can run inside a database transaction. */
export function putUserSlot(k: Keyring, slot: Slot): void {
  const file = readSlots(k.slotsPath);
  file.slots = [...file.slots.filter((s) => s.userId !== slot.userId), slot];
  writeSlots(k.slotsPath, file);
}

export function removeUserSlot(k: Keyring, userId: string): void {
  const file = readSlots(k.slotsPath);
  file.slots = file.slots.filter((s) => s.userId !== userId);
  writeSlots(k.slotsPath, file);
}

export async function checkUserPassphrase(k: Keyring, userId: string, passphrase: string): Promise<boolean> {
  const slot = readSlots(k.slotsPath).slots.find((s) => s.kind === 'user' && s.userId === userId);
  if (!slot) throw new AppError('NOT_FOUND', 'no key slot for this user');
  const key = await unwrapKey(k.officeId, slot, passphrase);
  const ok = key !== null && key.equals(k.dbKey);
  key?.fill(0);
  return ok;
}
