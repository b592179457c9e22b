import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../db/api';
import type { ChannelName, InputOf, OutputOf } from '../../db/contract';
import { OfficeCore, type CoreOptions } from '../../db/core';
import type { KdfParams } from '../../db/keyslots';

/** Cheap scrypt for tests that unlock many times; the production default is asserted separately. */
export const TEST_KDF: KdfParams = { N: 2 ** 10, r: 8, p: 1 };
export const ADMIN = { login: 'admin', displayName: '管理 太郎', passphrase: 'correct horse battery staple' };

export function tempDir(prefix = 'hogo-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A controllable clock: starts at a fixed instant, moves only when told. */
export function fakeClock(start = Date.parse('2026-11-26T00:00:00.000Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

export function newCore(dataDir: string, extra: Partial<CoreOptions> = {}) {
  const core = new OfficeCore({ dataDir, kdf: TEST_KDF, ...extra });
  const dispatch = createDispatcher(core);
  /** Calls a channel and returns its value, or throws the error envelope for the test to see. */
  async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const r = await dispatch(channel, input);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code, details: r.error.details });
    return r.value as OutputOf<C>;
  }
  return { core, dispatch, call };
}

export async function setupOffice(dataDir: string, extra: Partial<CoreOptions> = {}) {
  const office = newCore(dataDir, extra);
  const { recoveryCode } = await office.call('session.setup', {
    officeName: '東京保護観察所',
    adminLogin: ADMIN.login,
    adminDisplayName: ADMIN.displayName,
    passphrase: ADMIN.passphrase,
  });
  return { ...office, recoveryCode };
}
