import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as contract from '../../db/contract';

// The preload calls contextBridge.exposeInMainWorld at module level; capture what it exposes.
const exposed = vi.hoisted(() => ({ calls: [] as Array<[string, unknown]> }));
const ipc = vi.hoisted(() => {
  type Relay = (event: unknown, payload: unknown) => void;
  const listeners = new Map<string, Set<Relay>>();
  return {
    listeners,
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn((channel: string, relay: Relay) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(relay);
    }),
    removeListener: vi.fn((channel: string, relay: Relay) => {
      listeners.get(channel)?.delete(relay);
    }),
    emit(channel: string, event: unknown, payload: unknown) {
      for (const relay of listeners.get(channel) ?? []) relay(event, payload);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => exposed.calls.push([key, api]),
  },
  ipcRenderer: ipc,
}));

type ExposedApi = {
  invoke: (channel: unknown, input?: unknown) => Promise<unknown>;
  on: (event: unknown, listener: unknown) => () => void;
};

let preload: typeof import('../../electron/preload');
let api: ExposedApi;

beforeAll(async () => {
  preload = await import('../../electron/preload');
  api = exposed.calls[0]?.[1] as ExposedApi;
});

describe('preload bridge', () => {
  it('exposes exactly { invoke, on } as window.api, once', () => {
    expect(exposed.calls).toHaveLength(1);
    expect(exposed.calls[0]?.[0]).toBe('api');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('restates the contract constants exactly', () => {
    expect(preload.IPC_PREFIX).toBe(contract.IPC_PREFIX);
    expect(preload.IPC_EVENT_PREFIX).toBe(contract.IPC_EVENT_PREFIX);
    expect([...preload.EVENTS].sort()).toEqual([...contract.EVENTS].sort());
  });

  it('passes every contract channel through', async () => {
    for (const channel of contract.CHANNELS) {
      ipc.invoke.mockClear();
      await api.invoke(channel, {});
      expect(ipc.invoke).toHaveBeenCalledWith(contract.IPC_PREFIX + channel, {});
    }
  });

  it('prefixes the channel and passes the input through', async () => {
    ipc.invoke.mockClear();
    const input = { login: 'yamada', passphrase: 'x' };
    await expect(api.invoke('session.unlock', input)).resolves.toEqual({
      ok: true,
      value: { channel: 'api:session.unlock', input },
    });
    expect(ipc.invoke).toHaveBeenCalledWith('api:session.unlock', input);
  });

  it.each([
    ['an Electron internal channel', 'ELECTRON_BROWSER_REQUIRE'],
    ['an already prefixed name', 'api:session.status'],
    ['an event channel', 'event:session.locked'],
    ['a name without a dot', 'status'],
    ['a name with three dots', 'session.status.x.y'],
    ['a name starting with a capital', 'Session.status'],
    ['a path-like name', 'session.status/../x'],
    ['an empty name', ''],
    ['a non-string', 42],
    ['an object', { toString: () => 'session.status' }],
  ])('rejects %s without touching ipcRenderer', async (_what, channel) => {
    ipc.invoke.mockClear();
    await expect(api.invoke(channel, {})).rejects.toThrow(/invalid channel/);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('refuses unknown events and non-function listeners', () => {
    ipc.on.mockClear();
    expect(() => api.on('session.unlocked', () => undefined)).toThrow(/unknown event/);
    expect(() => api.on('ELECTRON_BROWSER_REQUIRE', () => undefined)).toThrow(/unknown event/);
    expect(() => api.on(7, () => undefined)).toThrow(/unknown event/);
    expect(() => api.on('session.locked', 'alert(1)')).toThrow(/listener/);
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('delivers only the payload (never the IpcRendererEvent), and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = api.on('session.locked', (...args: unknown[]) => received.push(args));
    expect(ipc.on).toHaveBeenLastCalledWith('event:session.locked', expect.any(Function));

    const event = { sender: { send: () => undefined }, senderId: 0, ports: [] };
    ipc.emit('event:session.locked', event, { reason: 'idle' });
    expect(received).toEqual([[{ reason: 'idle' }]]);

    off();
    off(); // idempotent
    expect(ipc.removeListener).toHaveBeenCalledTimes(1);
    ipc.emit('event:session.locked', event, { reason: 'manual' });
    expect(received).toHaveLength(1);
    expect(ipc.listeners.get('event:session.locked')?.size).toBe(0);
  });

  it('keeps each subscription separate', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.on('session.locked', a);
    const offB = api.on('session.locked', b);
    offA();
    ipc.emit('event:session.locked', {}, { reason: 'manual' });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith({ reason: 'manual' });
    offB();
  });
});
