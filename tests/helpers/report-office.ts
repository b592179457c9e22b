/** A demo office at a fixed date for the report tests, and service contexts acting as its staff. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../db/audit';
import type { Role } from '../../db/contract';
import { createDemoOffice } from '../../db/demo/office';
import type { ServiceContext } from '../../db/write';
import { fakeClock, tempDir, TEST_KDF } from './office';
import { testShell } from './report-shell';

export const REPORT_TODAY = '2026-11-26';

export async function reportOffice(dir: string, scale = 1) {
  const clock = fakeClock(Date.parse('2026-11-26T03:00:00.000Z'));
  const { core, summary } = await createDemoOffice(join(dir, 'office'), { scale, today: REPORT_TODAY, kdf: TEST_KDF, now: clock.now });
  const admin = core.context();
  const db = admin.db;
  const as = (userId: string): ServiceContext => {
    const u = db.prepare('SELECT login, role FROM users WHERE id = ?').get(userId) as { login: string; role: Role };
    const actor: Actor = { userId, login: u.login, role: u.role };
    return core.context(db, admin.deviceId, actor);
  };
  return { core, summary, db, admin, as, supervisorId: summary.signIns.supervisor.id, officerId: summary.signIns.officer.id, now: clock.now };
}

/**
 * A report office in its own temp folder, with a test shell that saves into its `saved/` folder:
 * what the export tests share (set up once per file in beforeAll).
 */
export async function reportOfficeWithShell(prefix: string) {
  const t = tempDir(prefix);
  const office = await reportOffice(t.dir);
  mkdirSync(join(t.dir, 'saved'));
  return { t, office, sh: testShell(join(t.dir, 'saved')) };
}
export type ReportFixture = Awaited<ReturnType<typeof reportOfficeWithShell>>;
