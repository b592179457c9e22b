/** A demo office at a fixed date for the report tests, and service contexts acting as its staff. */
import { join } from 'node:path';
import type { Actor } from '../../db/audit';
import type { Role } from '../../db/contract';
import { createDemoOffice } from '../../db/demo/office';
import type { ServiceContext } from '../../db/write';
import { fakeClock, TEST_KDF } from './office';

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
