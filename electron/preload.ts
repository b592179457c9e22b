/**
 * Runs sandboxed, bundled to CommonJS, and may import only 'electron' at runtime: the contract
 * module pulls in zod, so the three constants it shares with us are restated here, tied to the
 * contract by their types and by tests/unit/electron-preload.test.ts.
 */
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import type {
  Bridge,
  EventName,
  IPC_EVENT_PREFIX as ContractEventPrefix,
  IPC_PREFIX as ContractPrefix,
} from '../db/contract';

export const IPC_PREFIX: typeof ContractPrefix = 'api:';
export const IPC_EVENT_PREFIX: typeof ContractEventPrefix = 'event:';
export const EVENTS: readonly EventName[] = ['session.locked', 'progress'];

// domain.action or domain.topic.action in camelCase (e.g. vpoReports.record, sync.settings.update);
// main checks the name against the contract.
const CHANNEL_NAME = /^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*){1,2}$/;

export function buildBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  return {
    invoke(channel: unknown, input: unknown) {
      if (typeof channel !== 'string' || !CHANNEL_NAME.test(channel)) {
        return Promise.reject(new Error('invalid channel name'));
      }
      return ipc.invoke(IPC_PREFIX + channel, input);
    },
    on(event: unknown, listener: unknown) {
      if (typeof event !== 'string' || !(EVENTS as readonly string[]).includes(event)) {
        throw new Error('unknown event');
      }
      if (typeof listener !== 'function') throw new Error('listener must be a function');
      const channel = IPC_EVENT_PREFIX + event;
      // The IpcRendererEvent (it carries `sender`, an ipcRenderer) never reaches the page.
      const relay = (_event: IpcRendererEvent, payload: unknown) => {
        listener(payload);
      };
      ipc.on(channel, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, relay);
      };
    },
  } as Bridge;
}

contextBridge.exposeInMainWorld('api', buildBridge(ipcRenderer));
