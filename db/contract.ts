/**
 * The one contract between the renderer and the services. Each channel is a zod input schema plus
 * the type it returns, declared per domain in db/channels/ and merged here. electron/ipc.ts,
 * electron/preload.ts, the renderer's client (renderer/api.ts) and the browser-mode test bridge
 * are all derived from this table. The renderer imports this file for types only.
 */
import type { z } from 'zod';
import { adminChannels } from './channels/admin';
import { backupChannels } from './channels/backup';
import { caseloadChannels } from './channels/caseload';
import { caseworkChannels } from './channels/casework';
import { contactsChannels } from './channels/contacts';
import { demoChannels } from './channels/demo';
import { pathwaysChannels } from './channels/pathways';
import { programsChannels } from './channels/programs';
import { reportsChannels } from './channels/reports';
import { searchChannels } from './channels/search';
import { sessionChannels } from './channels/session';
import { syncChannels } from './channels/sync';
import type { ErrorCode } from './errors';

export * from './channels/admin';
export * from './channels/backup';
export * from './channels/caseload';
export * from './channels/casework';
export * from './channels/contacts';
export * from './channels/demo';
export * from './channels/pathways';
export * from './channels/programs';
export * from './channels/reports';
export * from './channels/search';
export * from './channels/session';
export * from './channels/sync';

export const contract = {
  ...sessionChannels,
  ...adminChannels,
  ...caseworkChannels,
  ...contactsChannels,
  ...caseloadChannels,
  ...searchChannels,
  ...demoChannels,
  ...programsChannels,
  ...pathwaysChannels,
  ...reportsChannels,
  ...backupChannels,
  ...syncChannels,
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
  /** Long work (creating the demo office, later imports and reports) reports how far it is. */
  progress: { task: 'demo' | 'report' | 'sync'; done: number; total: number };
}
export type EventName = keyof Events;
export const EVENTS: EventName[] = ['session.locked', 'progress'];

/** Prefix of every IPC channel name, so contract calls never collide with Electron's own. */
export const IPC_PREFIX = 'api:';
export const IPC_EVENT_PREFIX = 'event:';

/** What the preload (or the test bridge) exposes as `window.api`. */
export interface Bridge {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Envelope<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
