/** The services behind the channels of db/channels/sync.ts, spread into db/api.ts's table. */
import type { syncChannels } from '../channels/sync';
import type { OutputOf, ParsedInputOf, SyncImportResult } from '../contract';
import { lastHlc, type OfficeCore } from '../core';
import { AppError, isAppError } from '../errors';
import type { ShellPort } from '../shell';
import { listBundles, listDevices, recordRun, revokeDevice, syncStatus, updateSyncSettings } from '../sync/devices';
import { listConflicts, resolveConflict } from './sync-conflicts';
import { acceptEnrolment, completeEnrolment, writeEnrolmentRequest } from '../sync/enrolment';
import { exportBundles } from '../sync/export';
import { maxClockAheadMs } from '../sync/merge';
import type { ServiceContext } from '../write';

type SyncChannel = keyof typeof syncChannels;

/** The file the caller named, or the one the person picks in the shell's Open dialog. */
async function oneFile(core: OfficeCore, path: string | undefined, filter: { name: string; extensions: string[] }): Promise<string> {
  if (path) return path;
  const shell: ShellPort = core.shell();
  const [picked] = await shell.pickFiles([filter]);
  if (!picked) throw new AppError('INVALID_INPUT', 'no file was chosen');
  return picked;
}

/** What a run did, for the status bar (db/sync/devices.ts recordRun). */
interface RunCount {
  bundles: number;
  files?: number;
  code?: AppError['code'];
}

/**
 * Remembers how an export or import ended for the status bar (a run that found nothing to do is
 * not remembered when `quietWhenEmpty`: the folder watch looks every minute). Nothing is written
 * once the session's database has closed (locked, or replaced by a restore, during the run).
 */
function remember(ctx: ServiceContext, kind: 'export' | 'import', at: string, c: RunCount, quietWhenEmpty = false): void {
  if (!ctx.db.open || (quietWhenEmpty && c.files === 0)) return;
  recordRun(ctx, kind, { at, ok: c.code === undefined, bundles: c.bundles, ...(c.code ? { code: c.code } : {}) });
}

function rememberFailure(ctx: ServiceContext, kind: 'export' | 'import', at: string, e: unknown): void {
  if (isAppError(e)) remember(ctx, kind, at, { bundles: 0, code: e.code });
}

/**
 * Imports run one at a time per office (the worker has one write connection), and an export waits
 * for the import in progress rather than for its write lock: a second request waits its turn.
 */
const turns = new WeakMap<OfficeCore, Promise<unknown>>();

function inTurn<T>(core: OfficeCore, work: () => T | Promise<T>): Promise<T> {
  const next = (turns.get(core) ?? Promise.resolve()).then(work);
  turns.set(core, next.catch(() => undefined));
  return next;
}

const ENROL_FILES = { name: 'Hogo Case enrolment', extensions: ['json'] };
const BUNDLE_FILES = { name: 'Hogo sync bundle', extensions: ['hogosync'] };

/**
 * Imports the given files, or the sync folder's (only `only` of its names, for the watch), in the
 * session's import worker (db/sync/import-worker.ts), so the main process keeps answering. Then
 * this side's clock receives the newest trusted stamp the import applied, as it would have in-process.
 */
function importRun(core: OfficeCore, paths: string[] | undefined, only?: ReadonlySet<string>): Promise<{ results: SyncImportResult[] }> {
  return inTurn(core, async () => {
    const ctx = core.context();
    const at = new Date(ctx.now()).toISOString();
    const quiet = only !== undefined;
    try {
      const out = await core.importWorker().run({
        actor: ctx.actor,
        deviceId: ctx.deviceId,
        clockSeed: lastHlc(ctx.db, ctx.deviceId),
        now: ctx.now,
        onProgress: (done, total) => core.emit('progress', { task: 'sync', done, total }),
        ...(paths ? { paths } : {}),
        ...(only ? { only } : {}),
      });
      if (out.latestHlc !== null && ctx.db.open) ctx.clock.receive(out.latestHlc, maxClockAheadMs(ctx));
      const failed = out.results.find((x) => !x.ok);
      const bundles = out.results.filter((x) => x.ok && !x.duplicate && !x.stale).length;
      remember(ctx, 'import', at, { files: out.results.length, bundles, ...(failed?.code ? { code: failed.code } : {}) }, quiet);
      return { results: out.results };
    } catch (e) {
      rememberFailure(ctx, 'import', at, e);
      throw e;
    }
  });
}

/** The scheduler's folder watch: imports those of `names` in the sync folder that are for this device. */
export function watchedImport(core: OfficeCore, names: string[]): Promise<{ results: SyncImportResult[] }> {
  return importRun(core, undefined, new Set(names));
}

export const syncHandlers: {
  [C in SyncChannel]: (core: OfficeCore, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
} = {
  'sync.status': (core) => syncStatus(core.context()),
  'sync.settings.update': (core, input) => updateSyncSettings(core.context(), input),
  'sync.folder.choose': async (core) => {
    const ctx = core.context();
    const folder = await core.shell().chooseFolder();
    if (folder !== null) updateSyncSettings(ctx, { folder });
    return { folder };
  },
  'sync.enrol.request': (core) => writeEnrolmentRequest(core.context()),
  'sync.enrol.accept': async (core, input) =>
    acceptEnrolment(core.context(), { path: await oneFile(core, input.path, ENROL_FILES), officerId: input.officerId }),
  'sync.enrol.complete': async (core, input) => {
    const path = await oneFile(core, input.path, ENROL_FILES);
    const done = completeEnrolment(core.context(), core.keyring(), { path });
    core.rebindSessionUser(done.user, done.officeName);
    return { officeId: done.officeId, officeKeyId: done.officeKeyId, user: done.user };
  },
  'sync.devices.list': (core) => listDevices(core.context()),
  'sync.devices.revoke': (core, input) => revokeDevice(core.context(), input.deviceId),
  'sync.export': (core) =>
    inTurn(core, () => {
      const ctx = core.context();
      const at = new Date(ctx.now()).toISOString();
      const progress = (done: number, total: number) => core.emit('progress', { task: 'sync', done, total });
      try {
        const out = exportBundles(ctx, { progress });
        remember(ctx, 'export', at, { bundles: out.bundles.length });
        return out;
      } catch (e) {
        rememberFailure(ctx, 'export', at, e);
        throw e;
      }
    }),
  'sync.import': async (core, input) => {
    if (!input.pick) return importRun(core, input.paths);
    // The Open dialog; cancelling it changes nothing and reports nothing.
    const picked = await core.shell().pickFiles([BUNDLE_FILES]);
    return picked.length === 0 ? { results: [] } : importRun(core, picked);
  },
  'sync.bundles.list': (core, input) => listBundles(core.context(), input),
  'sync.conflicts.list': (core) => listConflicts(core.context()),
  'sync.conflicts.resolve': (core, input) => resolveConflict(core.context(), input),
};
