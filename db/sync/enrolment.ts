/**
 * Enrolment: a laptop and the office exchange signed files (through the sync folder or a USB
 * stick). The laptop's request carries its device id and public keys; the administrator at the
 * office binds it to an officer and answers with the office's id and public keys and that
 * officer's user row. The laptop then becomes that officer. Key ids (16 hex) can be read aloud on
 * both screens to compare.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file';
import type { SessionUser } from '../contract';
import { ROLES } from '../channels/session';
import { AppError } from '../errors';
import { readSlots, writeSlots } from '../keyslots';
import type { Keyring } from '../keyring';
import { requireRole } from '../policy';
import { findUser } from '../services/users';
import { mutate, type ServiceContext } from '../write';
import { requireIdentity } from './devices';
import { keyIdOf, privateKeys, publicKeyOf } from './identity';
import { readSmallJson, signBody, verifyBody } from './signed-file';

const FORMAT = 'hogo-case-enrolment';
const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(200);
const keyId = z.string().regex(/^[0-9a-f]{16}$/);
const deviceKeys = z.object({ deviceId: z.string().uuid(), signPublic: b64, boxPublic: b64, keyId }).strict();

const requestSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(1),
    kind: z.literal('request'),
    laptop: deviceKeys,
    login: z.string().max(32),
    createdAt: z.string().max(40),
    signature: b64,
  })
  .strict();

const responseSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(1),
    kind: z.literal('response'),
    officeId: z.string().uuid(),
    officeName: z.string().min(1).max(120),
    office: deviceKeys,
    laptop: z.object({ deviceId: z.string().uuid(), keyId }).strict(),
    user: z
      .object({
        id: z.string().uuid(),
        login: z.string().min(2).max(32),
        displayName: z.string().min(1).max(80),
        role: z.enum(ROLES),
        createdAt: z.string().max(40),
        updatedAt: z.string().max(40),
      })
      .strict(),
    createdAt: z.string().max(40),
    signature: b64,
  })
  .strict();

type DeviceKeys = z.infer<typeof deviceKeys>;

/** The sender's public keys, checked to be Ed25519 / X25519 and to match the key id they claim. */
function checkedKeys(k: DeviceKeys) {
  const signPublic = Buffer.from(k.signPublic, 'base64');
  const boxPublic = Buffer.from(k.boxPublic, 'base64');
  const sign = publicKeyOf(signPublic, 'ed25519');
  if (!sign || !publicKeyOf(boxPublic, 'x25519') || keyIdOf(signPublic, boxPublic) !== k.keyId) {
    throw new AppError('SYNC_ENROL_MALFORMED', 'the enrolment file carries keys that do not match its key id');
  }
  return { sign, signPublic, boxPublic };
}

function verified<T extends { signature: string }>(body: T, key: ReturnType<typeof checkedKeys>['sign']): T {
  if (!verifyBody(body as unknown as Record<string, unknown>, body.signature, key)) {
    throw new AppError('SYNC_ENROL_BAD_SIGNATURE', 'the enrolment file was not signed by the key it carries');
  }
  return body;
}

export function requireFolder(ctx: ServiceContext): string {
  const folder = requireIdentity(ctx).folder;
  if (!folder) throw new AppError('SYNC_NO_FOLDER', 'choose a sync folder first');
  return folder;
}

/** Laptop: writes the request into the sync folder. */
export function writeEnrolmentRequest(ctx: ServiceContext): { path: string } {
  const id = requireIdentity(ctx);
  if (id.role !== 'laptop') throw new AppError('SYNC_WRONG_ROLE', 'only a laptop asks to enrol');
  if (id.officeId) throw new AppError('SYNC_ALREADY_ENROLLED', 'this laptop is already enrolled');
  const folder = requireFolder(ctx);
  const body = {
    format: FORMAT,
    version: 1 as const,
    kind: 'request' as const,
    laptop: { deviceId: id.deviceId, signPublic: id.signPublic.toString('base64'), boxPublic: id.boxPublic.toString('base64'), keyId: id.keyId },
    login: ctx.actor.login ?? '',
    createdAt: new Date(ctx.now()).toISOString(),
  };
  const path = join(folder, `hogo-enrol-request-${id.deviceId}.json`);
  writeFileAtomic(path, `${JSON.stringify(signBody(body, privateKeys(ctx.db).sign), null, 2)}\n`);
  mutate(ctx, 'sync.enrol.request', (tx) => tx.event('sync_identity', id.deviceId, { keyId: id.keyId }));
  return { path };
}

/** Office (administrator): registers the laptop for an officer and writes the signed response. */
export function acceptEnrolment(
  ctx: ServiceContext,
  input: { path: string; officerId: string },
): { deviceId: string; keyId: string; responsePath: string } {
  requireRole(ctx, 'administrator');
  const id = requireIdentity(ctx);
  if (id.role !== 'office' || !id.officeId) throw new AppError('SYNC_WRONG_ROLE', 'only the office machine accepts enrolments');
  const req = readSmallJson(input.path, requestSchema);
  const keys = checkedKeys(req.laptop);
  verified(req, keys.sign);
  const officer = findUser(ctx, input.officerId);
  if (!officer || !officer.active) throw new AppError('NOT_FOUND', 'no such active user');
  const laptopId = req.laptop.deviceId;
  if (laptopId === id.deviceId) throw new AppError('SYNC_ENROL_MALFORMED', 'this is the office machine’s own device id');
  const existing = ctx.db.prepare('SELECT status, key_id, officer_id FROM sync_devices WHERE device_id = ?').get(laptopId) as
    | { status: string; key_id: string; officer_id: string | null }
    | undefined;
  if (existing?.status === 'revoked') throw new AppError('SYNC_SENDER_REVOKED', 'this laptop was revoked; it must join afresh');
  if (existing && (existing.key_id !== req.laptop.keyId || existing.officer_id !== officer.id)) {
    throw new AppError('SYNC_ALREADY_ENROLLED', 'this laptop is already enrolled with other keys or for another officer');
  }
  const folder = requireFolder(ctx);
  const at = new Date(ctx.now()).toISOString();
  const body = {
    format: FORMAT,
    version: 1 as const,
    kind: 'response' as const,
    officeId: id.officeId,
    officeName: id.officeName ?? '',
    office: { deviceId: id.deviceId, signPublic: id.signPublic.toString('base64'), boxPublic: id.boxPublic.toString('base64'), keyId: id.keyId },
    laptop: { deviceId: laptopId, keyId: req.laptop.keyId },
    user: {
      id: officer.id,
      login: officer.login,
      displayName: officer.displayName,
      role: officer.role,
      createdAt: officer.createdAt,
      updatedAt: officer.updatedAt,
    },
    createdAt: at,
  };
  const responsePath = join(folder, `hogo-enrol-response-${laptopId}.json`);
  mutate(ctx, 'sync.enrol.accept', (tx) => {
    if (!existing) {
      ctx.db
        .prepare(
          `INSERT INTO sync_devices (device_id, office_id, role, officer_id, sign_public, box_public, key_id, enrolled_at)
           VALUES (?, ?, 'laptop', ?, ?, ?, ?, ?)`,
        )
        .run(laptopId, id.officeId, officer.id, keys.signPublic, keys.boxPublic, req.laptop.keyId, tx.at);
    }
    tx.event('sync_devices', laptopId, { keyId: req.laptop.keyId, officerId: officer.id });
    // Written inside the transaction: if the file cannot be written, the laptop is not registered.
    writeFileAtomic(responsePath, `${JSON.stringify(signBody(body, privateKeys(ctx.db).sign), null, 2)}\n`);
  });
  return { deviceId: laptopId, keyId: req.laptop.keyId, responsePath };
}

/**
 * Laptop: trusts the office's keys and becomes the officer named in the response. The local user
 * row takes the office user's id, login, name and role, and its key slot follows, so the officer
 * keeps their own passphrase. What this laptop wrote before enrolment (its local user) never goes
 * to the office: it is marked as already acknowledged.
 */
export function completeEnrolment(
  ctx: ServiceContext,
  keyring: Keyring,
  input: { path: string },
): { officeId: string; officeKeyId: string; officeName: string; user: SessionUser } {
  const id = requireIdentity(ctx);
  if (id.role !== 'laptop') throw new AppError('SYNC_WRONG_ROLE', 'only a laptop completes an enrolment');
  if (id.officeId) throw new AppError('SYNC_ALREADY_ENROLLED', 'this laptop is already enrolled');
  const res = readSmallJson(input.path, responseSchema);
  const keys = checkedKeys(res.office);
  verified(res, keys.sign);
  if (res.laptop.deviceId !== id.deviceId || res.laptop.keyId !== id.keyId) {
    throw new AppError('SYNC_NOT_FOR_US', 'this enrolment response is for another laptop');
  }
  const localUserId = ctx.actor.userId;
  if (!localUserId) throw new AppError('FORBIDDEN', 'sign in first');
  const clash = ctx.db.prepare('SELECT 1 FROM users WHERE (id = ? OR login = ?) AND id <> ?').get(res.user.id, res.user.login, localUserId);
  if (clash) throw new AppError('SYNC_ALREADY_ENROLLED', 'another local user already has this identity');
  const user: SessionUser = { id: res.user.id, login: res.user.login, displayName: res.user.displayName, role: res.user.role };
  mutate(ctx, 'sync.enrol.complete', (tx) => {
    const db = ctx.db;
    db.prepare('UPDATE sync_identity SET office_id = ?, office_name = ?, enrolled_at = ? WHERE id = 1').run(res.officeId, res.officeName, tx.at);
    db.prepare(
      `INSERT INTO sync_devices (device_id, office_id, role, officer_id, sign_public, box_public, key_id, enrolled_at)
       VALUES (?, ?, 'office', NULL, ?, ?, ?, ?)`,
    ).run(res.office.deviceId, res.officeId, keys.signPublic, keys.boxPublic, res.office.keyId, tx.at);
    db.prepare('UPDATE users SET id = ?, login = ?, display_name = ?, role = ?, active = 1, created_at = ?, updated_at = ? WHERE id = ?').run(
      user.id,
      user.login,
      user.displayName,
      user.role,
      res.user.createdAt,
      res.user.updatedAt,
      localUserId,
    );
    db.prepare("UPDATE meta SET value = ? WHERE key = 'office_name'").run(res.officeName);
    const next = db.prepare("SELECT value FROM meta WHERE key = 'next_seq'").get() as { value: string } | undefined;
    const enrolSeq = next ? Number(next.value) - 1 : 0;
    db.prepare('UPDATE sync_identity SET enrol_seq = ? WHERE id = 1').run(enrolSeq);
    db.prepare('INSERT INTO sync_acks (peer, origin, seq) VALUES (?, ?, ?) ON CONFLICT (peer, origin) DO UPDATE SET seq = excluded.seq').run(
      res.office.deviceId,
      id.deviceId,
      enrolSeq,
    );
    tx.event('sync_devices', res.office.deviceId, { officeKeyId: res.office.keyId, userId: user.id });
    const slots = readSlots(keyring.slotsPath);
    slots.officeName = res.officeName;
    slots.slots = slots.slots.map((s) => (s.userId === localUserId ? { ...s, userId: user.id, login: user.login } : s));
    writeSlots(keyring.slotsPath, slots);
  });
  return { officeId: res.officeId, officeKeyId: res.office.keyId, officeName: res.officeName, user };
}
