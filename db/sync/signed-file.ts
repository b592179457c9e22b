/**
 * Small signed JSON files (enrolment requests and responses): canonical JSON of the body plus an
 * Ed25519 signature over it. Read with a size cap and a strict schema; every failure is one code.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { z } from 'zod';
import { canonicalJson } from '../canonical';
import { AppError } from '../errors';

const MAX_BYTES = 64 * 1024;

export function signBody<T extends object>(body: T, key: KeyObject): T & { signature: string } {
  return { ...body, signature: sign(null, Buffer.from(canonicalJson(body), 'utf8'), key).toString('base64') };
}

export function verifyBody(body: Record<string, unknown>, signature: string, key: KeyObject): boolean {
  const { signature: _omit, ...rest } = body;
  try {
    return verify(null, Buffer.from(canonicalJson(rest), 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Reads and parses a small JSON file; anything unreadable, too big or of the wrong form is SYNC_ENROL_MALFORMED. */
export function readSmallJson<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  let text: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_BYTES) throw new AppError('SYNC_ENROL_MALFORMED', 'the enrolment file is too large');
      const buf = Buffer.alloc(size);
      readSync(fd, buf, 0, size, 0);
      text = buf.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('SYNC_ENROL_MALFORMED', 'the enrolment file cannot be read');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('SYNC_ENROL_MALFORMED', 'the enrolment file is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('SYNC_ENROL_MALFORMED', 'the enrolment file does not have the expected form');
  return parsed.data;
}
