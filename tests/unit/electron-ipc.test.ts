import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../db/api';
import { CHANNELS, IPC_PREFIX, type Envelope } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import {
  makeFrameCheck,
  registerIpc,
  type Dispatch,
  type InvokeEventLike,
  type IpcTransport,
  type SenderFrame,
} from '../../electron/ipc';
import { isAppUrl } from '../../electron/security';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<unknown>;

function fakeTransport() {
  const handlers = new Map<string, Listener>();
  const transport: IpcTransport = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
  };
  const call = (channel: string, event: InvokeEventLike, input: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, input) as Promise<Envelope<unknown>>;
  };
  return { transport, handlers, call };
}

function setup(dispatch: Dispatch) {
  const mainFrame: SenderFrame = { url: 'app://renderer/index.html' };
  const t = fakeTransport();
  registerIpc(
    t.transport,
    dispatch,
    makeFrameCheck(isAppUrl, () => mainFrame),
  );
  return { ...t, mainFrame };
}

const okDispatch = () => vi.fn<Dispatch>(async (channel) => ({ ok: true, value: { echoed: channel } }));

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel, prefixed', () => {
    const { handlers } = setup(okDispatch());
    expect([...handlers.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
    expect(handlers.size).toBeGreaterThan(0);
  });

  it('passes a call from the app main frame to the dispatcher and returns its envelope', async () => {
    const dispatch = okDispatch();
    const { call, mainFrame } = setup(dispatch);
    const input = { officeName: 'x' };
    const result = await call('api:session.status', { senderFrame: mainFrame }, input);
    expect(result).toEqual({ ok: true, value: { echoed: 'session.status' } });
    expect(dispatch).toHaveBeenCalledWith('session.status', input);
  });

  const forbidden = [
    ['no sender frame (destroyed or navigated)', null],
    ['a frame showing another origin', { url: 'https://evil.example/' }],
    ['a frame showing a file: URL', { url: 'file:///tmp/x.html' }],
    ['a subframe of the app (same URL, different frame)', { url: 'app://renderer/index.html' }],
  ] as const;

  it.each(forbidden)('refuses %s with FORBIDDEN_SENDER, without calling the dispatcher', async (_name, frame) => {
    const dispatch = okDispatch();
    const { call } = setup(dispatch);
    const result = await call('api:users.list', { senderFrame: frame }, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('FORBIDDEN_SENDER');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses when the main frame itself has navigated away from the app', async () => {
    const dispatch = okDispatch();
    const t = fakeTransport();
    const mainFrame = { url: 'app://renderer/index.html' };
    registerIpc(t.transport, dispatch, makeFrameCheck(isAppUrl, () => mainFrame));
    mainFrame.url = 'https://evil.example/';
    const result = await t.call('api:session.status', { senderFrame: mainFrame }, {});
    expect(!result.ok && result.error.code).toBe('FORBIDDEN_SENDER');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses when there is no window (main frame unknown)', async () => {
    const dispatch = okDispatch();
    const t = fakeTransport();
    const frame = { url: 'app://renderer/index.html' };
    registerIpc(t.transport, dispatch, makeFrameCheck(isAppUrl, () => null));
    const result = await t.call('api:session.status', { senderFrame: frame }, {});
    expect(!result.ok && result.error.code).toBe('FORBIDDEN_SENDER');
  });

  it('refuses a frame whose url getter throws (destroyed WebFrameMain)', async () => {
    const dispatch = okDispatch();
    const t = fakeTransport();
    const frame = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    registerIpc(t.transport, dispatch, makeFrameCheck(isAppUrl, () => frame));
    const result = await t.call('api:session.status', { senderFrame: frame }, {});
    expect(!result.ok && result.error.code).toBe('FORBIDDEN_SENDER');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatcher into an INTERNAL envelope without details', async () => {
    const { call, mainFrame } = setup(async () => {
      throw new Error('SQLITE_CONSTRAINT: UNIQUE failed: users.login = yamada');
    });
    const result = await call('api:users.list', { senderFrame: mainFrame }, {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
  });
});

describe('registerIpc with the real dispatcher', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hogo-ipc-'));
  const core = new OfficeCore({ dataDir, kdf: { N: 2 ** 10, r: 8, p: 1 } });
  afterAll(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('returns INVALID_INPUT for bad input from a trusted frame', async () => {
    const { call, mainFrame } = setup(createDispatcher(core));
    const result = await call('api:session.setup', { senderFrame: mainFrame }, { officeName: '', extra: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
  });

  it('answers session.status for a trusted frame and refuses it for a foreign one', async () => {
    const { call, mainFrame } = setup(createDispatcher(core));
    const ok = await call('api:session.status', { senderFrame: mainFrame }, {});
    expect(ok).toMatchObject({ ok: true, value: { state: 'no-office' } });
    const refused = await call('api:session.status', { senderFrame: { url: 'app://renderer/index.html' } }, {});
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN_SENDER');
  });
});
