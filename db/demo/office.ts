/**
 * Creating and filling the demo office: a separate database marked demo (OfficeCore.setup with
 * {demo: true}) whose sign-ins are public. `fillDemoOffice` has the shape of the office host's
 * DemoFiller (db/office-host.ts); `createDemoOffice` is what the CLI and the benchmark use.
 */
import { DEMO_CREDENTIALS } from '../contract';
import { OfficeCore, type CoreOptions } from '../core';
import { AppError } from '../errors';
import { newUserSlot, putUserSlot } from '../keyring';
import { stmt } from '../statements';
import { mutate } from '../write';
import { generateDemoOffice, type DemoOptions, type DemoSummary } from './generate';

export const DEMO_OFFICE_NAME = 'デモ保護観察所';
export const DEMO_ADMIN_NAME = 'デモ 管理者';

/**
 * Fills a demo office that has just been set up and is unlocked as its administrator, then lets
 * the demo officer and the demo supervisor sign in with the same public passphrase.
 */
export async function fillDemoOffice(
  core: OfficeCore,
  scale: number,
  progress?: (done: number, total: number) => void,
  opts: Omit<DemoOptions, 'scale' | 'onProgress'> = {},
): Promise<DemoSummary> {
  const ctx = core.context();
  const demo = stmt(ctx.db, "SELECT value FROM meta WHERE key = 'demo'").pluck().get();
  if (demo !== '1') throw new AppError('INVALID_STATE', 'synthetic people go only into a demo office');
  const summary = await generateDemoOffice(ctx, { ...opts, scale, ...(progress ? { onProgress: progress } : {}) });
  const keys = core.keyring();
  for (const user of [summary.signIns.officer, summary.signIns.supervisor]) {
    putUserSlot(keys, await newUserSlot(keys, user, DEMO_CREDENTIALS.passphrase));
    mutate(ctx, 'demo.signIn', (tx) => tx.event('users', user.id, { login: user.login }));
  }
  return summary;
}

/** Sets up a demo office in `dataDir` (which must not hold an office yet) and fills it. */
export async function createDemoOffice(
  dataDir: string,
  opts: DemoOptions & Pick<CoreOptions, 'kdf' | 'now'>,
): Promise<{ core: OfficeCore; summary: DemoSummary }> {
  const { kdf, now, onProgress, scale, ...rest } = opts;
  const core = new OfficeCore({ dataDir, ...(kdf ? { kdf } : {}), ...(now ? { now } : {}) });
  await core.setup(
    {
      officeName: DEMO_OFFICE_NAME,
      adminLogin: DEMO_CREDENTIALS.login,
      adminDisplayName: DEMO_ADMIN_NAME,
      passphrase: DEMO_CREDENTIALS.passphrase,
    },
    { demo: true },
  );
  try {
    return { core, summary: await fillDemoOffice(core, scale, onProgress, rest) };
  } catch (e) {
    core.close();
    throw e;
  }
}
