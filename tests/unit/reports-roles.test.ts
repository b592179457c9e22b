/**
 * Through the dispatcher, as each role: who may ask for which scope, progress events, bad input,
 * and the empty states (no cases in scope, none in the period) that must not look like zeros.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../db/api';
import { DEMO_CREDENTIALS, type ChannelName, type Events, type InputOf, type OutputOf } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import { createDemoOffice } from '../../db/demo/office';
import { fakeClock, tempDir, TEST_KDF } from '../helpers/office';
import { REPORT_TODAY } from '../helpers/report-office';
import { testShell } from '../helpers/report-shell';

let t: ReturnType<typeof tempDir>;
let dataDir: string;
let logins: { officer: string; supervisor: string; officerId: string; otherOfficerId: string };
const clock = fakeClock(Date.parse('2026-11-26T03:00:00.000Z'));

beforeAll(async () => {
  t = tempDir('hogo-reports-');
  dataDir = join(t.dir, 'office');
  const { core, summary } = await createDemoOffice(dataDir, { scale: 0.3, today: REPORT_TODAY, kdf: TEST_KDF, now: clock.now });
  const db = core.context().db;
  const other = db.prepare("SELECT id FROM users WHERE role = 'officer' AND id <> ? ORDER BY login LIMIT 1").pluck().get(summary.signIns.officer.id) as string;
  logins = { officer: summary.signIns.officer.login, supervisor: summary.signIns.supervisor.login, officerId: summary.signIns.officer.id, otherOfficerId: other };
  core.close();
}, 120_000);
afterAll(() => t.cleanup());

async function signIn(login: string) {
  const events: Events['progress'][] = [];
  const saveDir = join(t.dir, `saved-${login}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(saveDir);
  const sh = testShell(saveDir);
  const core = new OfficeCore({
    dataDir,
    kdf: TEST_KDF,
    now: clock.now,
    shell: sh.shell,
    onEvent: (e, p) => void (e === 'progress' && events.push(p as Events['progress'])),
  });
  const dispatch = createDispatcher(core);
  const call = async <C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
    return r.value as OutputOf<C>;
  };
  await call('session.unlock', { login, passphrase: DEMO_CREDENTIALS.passphrase });
  return { core, call, events, ...sh };
}

const FY = { kind: 'fiscalYear', fiscalYear: 2026 } as const;

describe('report roles', () => {
  it('an officer may report only on their own cases', async () => {
    const o = await signIn(logins.officer);
    const own = await o.call('reports.run', { request: { period: FY, scope: { kind: 'officer', officerId: logins.officerId }, lang: 'ja' } });
    expect(own.empty).toBeNull();
    expect(own.scopeLabel).toMatch(/^担当: /);
    for (const scope of [{ kind: 'office' }, { kind: 'unit', unit: '処遇第1部門' }, { kind: 'officer', officerId: logins.otherOfficerId }] as const) {
      await expect(o.call('reports.run', { request: { period: FY, scope, lang: 'ja' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(o.call('reports.drill', { request: { period: FY, scope, lang: 'ja' }, target: { figureId: 'caseload.active' } })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(o.call('reports.export', { request: { period: FY, scope, lang: 'ja' }, format: 'csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(o.saved).toEqual([]);
    await expect(o.call('users.setUnit', { userId: logins.officerId, unit: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    o.core.close();
  });

  it('a supervisor may report on the office, a unit or any officer; progress comes section by section', async () => {
    const s = await signIn(logins.supervisor);
    const units = await s.call('reports.units', {});
    expect(units.length).toBeGreaterThan(0);
    const office = await s.call('reports.run', { request: { period: FY, scope: { kind: 'office' }, lang: 'en' } });
    expect(office.sections.map((x) => x.id)).toEqual(['caseload', 'compliance', 'drugs', 'support', 'outcomes']);
    expect(s.events.filter((e) => e.task === 'report')).toEqual([0, 1, 2, 3, 4, 5].map((done) => ({ task: 'report', done, total: 5 })));
    expect(office.author).not.toBe('');
    expect(office.officeName).toBe('デモ保護観察所');
    const unit = await s.call('reports.run', { request: { period: FY, scope: { kind: 'unit', unit: units[0]! }, lang: 'en' } });
    const other = await s.call('reports.run', { request: { period: FY, scope: { kind: 'officer', officerId: logins.otherOfficerId }, lang: 'en' } });
    const active = (r: typeof office) => r.sections[0]!.figures.find((f) => f.id === 'caseload.active')!.value!;
    expect(active(unit)).toBeLessThanOrEqual(active(office));
    expect(active(other)).toBeLessThan(active(office));
    // Supervisors see every case's tests: no note about hidden results.
    expect(office.sections.find((x) => x.id === 'drugs')!.notes).toEqual([]);
    await expect(s.call('reports.run', { request: { period: FY, scope: { kind: 'unit', unit: 'no such unit' }, lang: 'en' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    s.core.close();
  });

  it('refuses bad periods with a clear error and changes nothing', async () => {
    const s = await signIn(logins.supervisor);
    const run = (period: unknown) => s.call('reports.run', { request: { period, scope: { kind: 'office' }, lang: 'ja' } } as never);
    await expect(run({ kind: 'custom', from: '2026-05-01', to: '2026-04-30' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('ends before it starts') });
    await expect(run({ kind: 'custom', from: '2020-01-01', to: '2026-01-01' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('at most 5 years') });
    await expect(run({ kind: 'month', month: '2026-13' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(run({ kind: 'quarter', fiscalYear: 2026, quarter: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    s.core.close();
  });

  it('empty states: an officer with no cases, a period with none — sections present, nothing to export', async () => {
    const s = await signIn(logins.supervisor);
    const a = await signIn(DEMO_CREDENTIALS.login);
    const fresh = await a.call('users.add', { login: 'po-new', displayName: '新任 職員', role: 'officer', passphrase: 'a brand new passphrase' });
    await a.call('users.setUnit', { userId: fresh.id, unit: '処遇第9部門' });
    a.core.close();
    expect(await s.call('reports.units', {})).toContain('処遇第9部門');
    const noCases = await s.call('reports.run', { request: { period: FY, scope: { kind: 'officer', officerId: fresh.id }, lang: 'ja' } });
    expect(noCases.empty).toBe('noCasesInScope');
    expect(noCases.sections).toHaveLength(5);
    const unit = await s.call('reports.run', { request: { period: FY, scope: { kind: 'unit', unit: '処遇第9部門' }, lang: 'ja' } });
    expect(unit.empty).toBe('noCasesInScope');
    const old = await s.call('reports.run', { request: { period: { kind: 'month', month: '1999-04' }, scope: { kind: 'office' }, lang: 'ja' } });
    expect(old.empty).toBe('noCasesInPeriod');
    // Rates over nothing are "not applicable", never 0.
    expect(old.sections.flatMap((x) => x.figures).filter((f) => f.unit === 'percent' && f.id !== 'support.nationalLinkedShare').every((f) => f.value === null)).toBe(true);
    for (const format of ['csv', 'xlsx', 'research', 'pdf'] as const) {
      await expect(s.call('reports.export', { request: old.request, format })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('nothing to export') });
    }
    expect(s.saved).toEqual([]);
    s.core.close();
  });
});
