import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Events } from '../../db/contract';
import { OfficeHost, type DemoFiller } from '../../db/office-host';
import { ADMIN, TEST_KDF, tempDir } from '../helpers/office';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

function newHost() {
  const events: string[] = [];
  let fills = 0;
  const fill: DemoFiller = async (core, scale, progress) => {
    fills += 1;
    progress(0, 2);
    core.context();
    progress(1, 2);
    progress(2, 2);
    expect(scale).toBe(1);
  };
  const host = new OfficeHost(
    {
      dataDir: t.dir,
      kdf: TEST_KDF,
      onEvent: (e, p: Events[keyof Events]) => events.push('task' in p ? `${e}:${p.done}/${p.total}` : `${e}:${p.reason}`),
    },
    fill,
  );
  const call = async (channel: string, input: unknown = {}) => host.dispatch(channel, input);
  return { host, events, call, fills: () => fills };
}

describe('office host and the demo office', () => {
  it('opens a separate demo office with progress, and returns to the real one untouched', async () => {
    const { host, events, call, fills } = newHost();
    expect(await call('session.status')).toMatchObject({ ok: true, value: { state: 'no-office' } });
    expect(await call('demo.open', { scale: 1 })).toEqual({ ok: true, value: { login: 'demo' } });
    expect(events).toEqual(['progress:0/2', 'progress:1/2', 'progress:2/2']);
    expect(await call('session.status')).toMatchObject({ ok: true, value: { state: 'unlocked', demo: true } });
    // The real office was never created: its folder holds only the demo folder.
    expect(readdirSync(t.dir)).toEqual(['demo']);
    expect(existsSync(join(t.dir, 'demo', 'office.db'))).toBe(true);

    expect(await call('demo.leave')).toEqual({ ok: true, value: null });
    expect(events.at(-1)).toBe('session.locked:manual');
    expect(await call('session.status')).toMatchObject({ ok: true, value: { state: 'no-office' } });

    // Second visit: unlocks the existing demo office, does not fill it again.
    await call('demo.open', { scale: 1 });
    expect(fills()).toBe(1);
    expect(host.current).not.toBe(host.real);
    host.close();
  });

  it('refuses the demo while the real office is unlocked, and rejects bad input', async () => {
    const { call } = newHost();
    await call('session.setup', { officeName: '本物', adminLogin: ADMIN.login, adminDisplayName: ADMIN.displayName, passphrase: ADMIN.passphrase });
    expect(await call('demo.open', {})).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await call('demo.open', { scale: 99 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await call('session.lock');
    expect(await call('demo.open', {})).toMatchObject({ ok: true });
    expect(await call('users.list')).toMatchObject({ ok: true });
    await call('demo.leave');
    expect(await call('session.status')).toMatchObject({ ok: true, value: { state: 'locked', officeName: '本物', demo: false } });
  });
});
