/**
 * Key slots, like disk encryption: the random database key is wrapped (AES-256-GCM) once per user
 * with a key derived from that user's passphrase (scrypt, parameters and salt stored per slot), and
 * once with the office recovery code. Changing a passphrase rewraps one slot; the database is never
 * re-encrypted. The slots live in a small versioned JSON file beside the database (mode 0600).
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import { AppError } from './errors';

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}
/** ~250–300 ms per check on a 2-core build machine; the stored parameters let this grow later. */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const slotSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(['user', 'recovery']),
    userId: z.string().uuid().nullable(),
    login: z.string().max(32).nullable(),
    kdf: z.object({
      name: z.literal('scrypt'),
      N: z.number().int().min(2 ** 10).max(2 ** 22),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: b64,
    }),
    iv: b64,
    ciphertext: b64,
    tag: b64,
  })
  .strict();
const fileSchema = z
  .object({
    format: z.literal('hogo-case-keyslots'),
    version: z.literal(1),
    officeId: z.string().uuid(),
    officeName: z.string().min(1).max(120),
    demo: z.boolean(),
    slots: z.array(slotSchema).max(1000),
  })
  .strict();

export type Slot = z.infer<typeof slotSchema>;
export type SlotsFile = z.infer<typeof fileSchema>;

export function readSlots(path: string): SlotsFile {
  if (!existsSync(path)) throw new AppError('SLOTS_MISSING', 'the key slots file is missing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('SLOTS_MALFORMED', 'the key slots file is not valid JSON');
  }
  const r = fileSchema.safeParse(parsed);
  if (!r.success) throw new AppError('SLOTS_MALFORMED', 'the key slots file does not have the expected form');
  return r.data;
}

export function writeSlots(path: string, file: SlotsFile): void {
  writeFileAtomic(path, `${JSON.stringify(fileSchema.parse(file), null, 2)}\n`);
}

function deriveKek(secret: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // NFKC so that full-width and half-width input of the same passphrase unlock alike.
    scrypt(secret.normalize('NFKC'), salt, 32, { ...p, maxmem: 256 * p.N * p.r + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

function aad(officeId: string, slotId: string): Buffer {
  return Buffer.from(`hogo-case-slot:${officeId}:${slotId}`, 'utf8');
}

export async function wrapKey(
  officeId: string,
  dbKey: Buffer,
  secret: string,
  owner: { kind: 'user'; userId: string; login: string } | { kind: 'recovery' },
  kdf: KdfParams = DEFAULT_KDF,
): Promise<Slot> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const kek = await deriveKek(secret, salt, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(officeId, id));
  const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  kek.fill(0);
  return {
    id,
    kind: owner.kind,
    userId: owner.kind === 'user' ? owner.userId : null,
    login: owner.kind === 'user' ? owner.login : null,
    kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The database key, or null when the secret does not open this slot (GCM authentication fails). */
export async function unwrapKey(officeId: string, slot: Slot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aad(officeId, slot.id));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/** Spends the same KDF time as a real check, so an unknown login is not revealed by timing. */
export async function burnKdf(kdf: KdfParams = DEFAULT_KDF): Promise<void> {
  (await deriveKek('x', randomBytes(16), kdf)).fill(0);
}

// Crockford base32: no I, L, O, U, so a code read aloud or handwritten is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits as 32 characters in 8 groups of 4. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts the code with any spacing, dashes, case and the usual look-alike letters. */
export function normalizeRecoveryCode(input: string): string {
  const plain = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return (plain.match(/.{1,4}/g) ?? []).join('-');
}
