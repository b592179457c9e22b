/**
 * Maps each contract channel to its service. `createDispatcher` is what electron/ipc.ts and the
 * browser-mode test bridge call: it parses the input with the channel's schema, runs the service as
 * the session's user, and always answers with an envelope — it never throws.
 */
import { listAudit, verifyAudit } from './audit';
import { contract, HOST_CHANNELS, type ChannelName, type Envelope, type ErrorPayload, type HostChannel, type OutputOf, type ParsedInputOf } from './contract';
import type { OfficeCore } from './core';
import { AppError, isAppError } from './errors';
import { requireRole } from './policy';
import { createBackup, listBackups, restoreBackup, updateBackupSettings } from './services/backups';
import { listCaseload } from './services/caseload';
import { caseworkHandlers } from './services/casework-handlers';
import { contactsHandlers } from './services/contacts-handlers';
import { pathwaysHandlers } from './services/pathways-handlers';
import { programsHandlers } from './services/programs-handlers';
import { drillReport, exportReport, reportUnits, runReport } from './services/reports';
import { search } from './services/search';
import { syncHandlers } from './services/sync-handlers';
import { getSettings, updateSettings } from './services/settings';
import { personTimeline } from './services/timeline';
import { addUser, changeOwnPassphrase, listStaff, listUsers, resetPassphrase, setUserActive, setUserUnit } from './services/users';

/** The demo channels act on the office host (db/office-host.ts), not on one office. */
type CoreChannel = Exclude<ChannelName, HostChannel>;
type Handlers = {
  [C in CoreChannel]: (core: OfficeCore, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

const handlers: Handlers = {
  'session.status': (core) => core.status(),
  'session.setup': (core, input) => core.setup(input),
  'session.join': (core, input) => core.join(input),
  'session.unlock': (core, input) => core.unlock(input),
  'session.recover': (core, input) => core.recover(input),
  'session.lock': (core) => (core.lock('manual'), null),
  'session.touch': (core) => (core.touch(), null),

  'users.list': (core) => listUsers(core.context()),
  'users.staff': (core) => listStaff(core.context()),
  'users.add': (core, input) => addUser(core.context(), core.keyring(), input),
  'users.setActive': (core, input) => setUserActive(core.context(), core.keyring(), input),
  'users.resetPassphrase': (core, input) => resetPassphrase(core.context(), core.keyring(), input),
  'users.changeOwnPassphrase': (core, input) => changeOwnPassphrase(core.context(), core.keyring(), input),
  'users.setUnit': (core, input) => setUserUnit(core.context(), input),

  'settings.get': (core) => getSettings(core.context()),
  'settings.update': (core, input) => updateSettings(core.context(), input),

  'audit.list': (core, input) => {
    const ctx = core.context();
    requireRole(ctx, 'administrator');
    return listAudit(ctx.db, input);
  },
  'audit.verify': (core) => {
    const ctx = core.context();
    requireRole(ctx, 'administrator');
    return verifyAudit(ctx.db);
  },

  ...caseworkHandlers,
  ...contactsHandlers,
  ...pathwaysHandlers,
  ...programsHandlers,
  ...syncHandlers,
  'search.query': (core, input) => search(core.context(), input),
  'caseload.list': (core, input) => listCaseload(core.context(), input),
  'timeline.forPerson': (core, input) => personTimeline(core.context(), input),
  'reports.run': (core, input) => runReport(core, input),
  'reports.drill': (core, input) => drillReport(core, input),
  'reports.export': (core, input) => exportReport(core, input),
  'reports.units': (core) => reportUnits(core),
  'backup.list': (core) => listBackups(core),
  'backup.create': (core) => createBackup(core, 'manual'),
  'backup.restore': (core, input) => restoreBackup(core, input.name),
  'backup.settings.update': (core, input) => updateBackupSettings(core, input),
};

/** Calls that must not count as a person's activity for the idle lock. */
const PASSIVE: ReadonlySet<string> = new Set(['session.status', 'session.lock', /* the status bar polls it */ 'sync.status']);

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

function isCoreChannel(name: string): name is CoreChannel {
  return isChannel(name) && !(HOST_CHANNELS as readonly string[]).includes(name);
}

/** Parses a call's input with its channel's schema: the data, or the INVALID_INPUT envelope. */
export function parseInput(channel: ChannelName, raw: unknown): { ok: true; data: unknown } | { ok: false; error: ErrorPayload } {
  const parsed = contract[channel].input.safeParse(raw === undefined ? {} : raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return fail(
    new AppError('INVALID_INPUT', issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'invalid input', {
      field: issue ? issue.path.join('.') : null,
    }),
  );
}

export function createDispatcher(core: OfficeCore): Dispatch {
  return async (channel, raw) => {
    if (!isCoreChannel(channel)) return fail(new AppError('UNKNOWN_CHANNEL', 'no such call'));
    const parsed = parseInput(channel, raw);
    if (!parsed.ok) return parsed;
    if (!PASSIVE.has(channel)) core.touch();
    try {
      const run = handlers[channel] as (core: OfficeCore, input: unknown) => unknown;
      return { ok: true, value: await run(core, parsed.data) };
    } catch (e) {
      return fail(e);
    }
  };
}

/** The envelope for a failure; never throws, never leaks a message that is not an AppError's. */
export function fail(e: unknown): { ok: false; error: ErrorPayload } {
  if (isAppError(e)) {
    return { ok: false, error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
  }
  // A save that met the import worker's write transaction (SQLite answers a transaction that has
  // already read at once, others after busy_timeout): retryable, not a fault.
  if (/^SQLITE_BUSY/.test(String((e as { code?: unknown } | null)?.code))) {
    return { ok: false, error: { code: 'DB_BUSY', message: 'the database is busy with a sync import; try again' } };
  }
  // Only the error's class goes to the log: messages can quote personal data from SQL constraints.
  console.error('unexpected service error:', e instanceof Error ? e.name : typeof e);
  return { ok: false, error: { code: 'INTERNAL', message: 'unexpected error' } };
}
