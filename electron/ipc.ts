/**
 * IPC registration: one ipcMain.handle per contract channel. The sender frame is checked before
 * anything else; input parsing and the service call happen in the dispatcher (db/api.ts), which
 * never throws and always answers with an envelope.
 */
import { CHANNELS, IPC_PREFIX, type ChannelName, type Envelope } from '../db/contract';

/** What the shell needs to know about the frame an IPC message came from. */
export interface SenderFrame {
  readonly url: string;
}

export interface InvokeEventLike {
  readonly senderFrame: SenderFrame | null;
}

/** The subset of Electron's IpcMain used here (tests pass a fake). */
export interface IpcTransport {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<unknown>): void;
}

export type Dispatch = (channel: ChannelName, input: unknown) => Promise<Envelope<unknown>>;
export type FrameCheck = (frame: SenderFrame | null) => boolean;

const forbidden: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'IPC call from a frame other than the app window' },
};

/**
 * Trusted means: a live frame, showing the app (app://renderer/…), and being the main frame of
 * the app window — not a subframe, not another window.
 */
export function makeFrameCheck(
  isAppUrl: (url: string) => boolean,
  getMainFrame: () => SenderFrame | null | undefined,
): FrameCheck {
  return (frame) => {
    if (frame === null || frame === undefined) return false;
    let url: string;
    try {
      // Reading url of a destroyed WebFrameMain throws.
      url = frame.url;
    } catch {
      return false;
    }
    if (!isAppUrl(url)) return false;
    const main = getMainFrame();
    return main !== null && main !== undefined && frame === main;
  };
}

export function registerIpc(transport: IpcTransport, dispatch: Dispatch, isTrustedFrame: FrameCheck): void {
  for (const name of CHANNELS) {
    transport.handle(IPC_PREFIX + name, async (event, input) => {
      let frame: SenderFrame | null;
      try {
        frame = event.senderFrame;
      } catch {
        frame = null;
      }
      if (!isTrustedFrame(frame)) return forbidden;
      try {
        return await dispatch(name, input);
      } catch {
        // The dispatcher is not supposed to throw; never leak a stack or data if it does.
        const internal: Envelope<never> = {
          ok: false,
          error: { code: 'INTERNAL', message: 'internal error' },
        };
        return internal;
      }
    });
  }
}
