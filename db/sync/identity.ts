/**
 * This installation's sync identity: a device id, an Ed25519 key (signs bundles and enrolment
 * files) and an X25519 key (receives bundle data keys). The private keys are stored as PKCS#8 DER
 * only inside the encrypted database; public keys travel as SPKI DER.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SyncRole } from '../contract';
import type { Db } from '../open';

export interface KeyPairs {
  signPrivate: Buffer;
  signPublic: Buffer;
  boxPrivate: Buffer;
  boxPublic: Buffer;
  keyId: string;
}

export interface Identity {
  deviceId: string;
  officeId: string | null;
  officeName: string | null;
  role: SyncRole;
  keyId: string;
  signPublic: Buffer;
  boxPublic: Buffer;
  enrolledAt: string | null;
  enrolSeq: number;
  folder: string | null;
  intervalHours: number;
  lastExport: string | null;
  lastImport: string | null;
}

interface IdentityRow {
  device_id: string;
  office_id: string | null;
  office_name: string | null;
  role: SyncRole;
  sign_public: Buffer;
  box_public: Buffer;
  key_id: string;
  enrolled_at: string | null;
  enrol_seq: number;
  folder: string | null;
  interval_hours: number;
  last_export: string | null;
  last_import: string | null;
}

/** First 16 hex of SHA-256 over both public keys: short enough to read aloud and compare. */
export function keyIdOf(signPublic: Uint8Array, boxPublic: Uint8Array): string {
  return createHash('sha256').update(signPublic).update(boxPublic).digest('hex').slice(0, 16);
}

export function generateKeyPairs(): KeyPairs {
  const sign = generateKeyPairSync('ed25519');
  const box = generateKeyPairSync('x25519');
  const signPublic = sign.publicKey.export({ format: 'der', type: 'spki' });
  const boxPublic = box.publicKey.export({ format: 'der', type: 'spki' });
  return {
    signPrivate: sign.privateKey.export({ format: 'der', type: 'pkcs8' }),
    signPublic,
    boxPrivate: box.privateKey.export({ format: 'der', type: 'pkcs8' }),
    boxPublic,
    keyId: keyIdOf(signPublic, boxPublic),
  };
}

/** Writes the identity row; called inside the caller's transaction (office setup, laptop join). */
export function createIdentity(
  db: Db,
  init: { deviceId: string; role: SyncRole; officeId: string | null; officeName: string | null; at: string },
): Identity {
  const k = generateKeyPairs();
  db.prepare(
    `INSERT INTO sync_identity (id, device_id, office_id, office_name, role, sign_private, box_private, sign_public, box_public,
       key_id, created_at, enrolled_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    init.deviceId,
    init.officeId,
    init.officeName,
    init.role,
    k.signPrivate,
    k.boxPrivate,
    k.signPublic,
    k.boxPublic,
    k.keyId,
    init.at,
    init.role === 'office' ? init.at : null,
  );
  k.signPrivate.fill(0);
  k.boxPrivate.fill(0);
  return readIdentity(db)!;
}

export function readIdentity(db: Db): Identity | null {
  const r = db
    .prepare(
      `SELECT device_id, office_id, office_name, role, sign_public, box_public, key_id, enrolled_at, enrol_seq, folder, interval_hours,
              last_export, last_import
         FROM sync_identity WHERE id = 1`,
    )
    .get() as IdentityRow | undefined;
  if (!r) return null;
  return {
    deviceId: r.device_id,
    officeId: r.office_id,
    officeName: r.office_name,
    role: r.role,
    keyId: r.key_id,
    signPublic: r.sign_public,
    boxPublic: r.box_public,
    enrolledAt: r.enrolled_at,
    enrolSeq: r.enrol_seq,
    folder: r.folder,
    intervalHours: r.interval_hours,
    lastExport: r.last_export,
    lastImport: r.last_import,
  };
}

/** The private keys as key objects, read from the database only for the moment they are needed. */
export function privateKeys(db: Db): { sign: KeyObject; box: KeyObject } {
  const r = db.prepare('SELECT sign_private, box_private FROM sync_identity WHERE id = 1').get() as
    | { sign_private: Buffer; box_private: Buffer }
    | undefined;
  if (!r) throw new Error('no sync identity');
  const keys = {
    sign: createPrivateKey({ key: r.sign_private, format: 'der', type: 'pkcs8' }),
    box: createPrivateKey({ key: r.box_private, format: 'der', type: 'pkcs8' }),
  };
  r.sign_private.fill(0);
  r.box_private.fill(0);
  return keys;
}

/** A peer's public key from SPKI DER, checked to be of the expected kind; null when it is not. */
export function publicKeyOf(der: Uint8Array, kind: 'ed25519' | 'x25519'): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === kind ? key : null;
  } catch {
    return null;
  }
}
