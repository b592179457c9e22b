/**
 * The one contract between the renderer and the services. Each channel is a zod input schema plus
 * the type it returns, declared per domain in db/channels/ and merged here. electron/ipc.ts,
 * electron/preload.ts, the renderer's client (renderer/api.ts) and the browser-mode test bridge
 * are all derived from this table. The renderer imports this file for types only.
 */
import type { z } from 'zod';
import { adminChannels } from './channels/admin';
import { caseworkChannels } from './channels/casework';
import { contactsChannels } from './channels/contacts';
import { searchChannels } from './channels/search';
import { sessionChannels } from './channels/session';
import type { ErrorCode } from './errors';

export * from './channels/admin';
export * from './channels/casework';
export * from './channels/contacts';
export * from './channels/search';
export * from './channels/session';

export const contract = {
  ...sessionChannels,
  ...adminChannels,
  ...caseworkChannels,
  ...contactsChannels,
  ...searchChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNELS = Object.keys(contract) as ChannelName[];

/** What a caller passes (before defaults are applied). */
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a service receives (after parsing). */
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Contract[C]['output'];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, string | number | boolean | null>;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Events pushed from the main process to the renderer. */
export interface Events {
  'session.locked': { reason: 'idle' | 'manual' };
}
export type EventName = keyof Events;
export const EVENTS: EventName[] = ['session.locked'];

/** Prefix of every IPC channel name, so contract calls never collide with Electron's own. */
export const IPC_PREFIX = 'api:';
export const IPC_EVENT_PREFIX = 'event:';

/** What the preload (or the test bridge) exposes as `window.api`. */
export interface Bridge {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Envelope<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
