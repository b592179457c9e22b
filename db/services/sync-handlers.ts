/** The services behind the channels of db/channels/sync.ts, spread into db/api.ts's table. */
import type { syncChannels } from '../channels/sync';
import type { OutputOf, ParsedInputOf, SyncImportResult } from '../contract';
import type { OfficeCore } from '../core';
import { AppError, isAppError } from '../errors';
import type { ShellPort } from '../shell';
import { listBundles, listDevices, recordRun, revokeDevice, syncStatus, updateSyncSettings } from '../sync/devices';
import { listConflicts, resolveConflict } from './sync-conflicts';
import { acceptEnrolment, completeEnrolment, writeEnrolmentRequest } from '../sync/enrolment';
import { exportBundles } from '../sync/export';
import { importBundles } from '../sync/import';
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

/**
 * Runs an export or import and remembers how it ended for the status bar (a run that found nothing
 * to do is not remembered when `quietWhenEmpty`: the folder watch looks every minute).
 */
function remembered<T>(
  ctx: ServiceContext,
  kind: 'export' | 'import',
  run: () => T,
  count: (t: T) => { bundles: number; files?: number; code?: AppError['code'] },
  quietWhenEmpty = false,
): T {
  const at = new Date(ctx.now()).toISOString();
  try {
    const out = run();
    const c = count(out);
    if (quietWhenEmpty && c.files === 0) return out;
    recordRun(ctx, kind, { at, ok: c.code === undefined, bundles: c.bundles, ...(c.code ? { code: c.code } : {}) });
    return out;
  } catch (e) {
    if (isAppError(e)) recordRun(ctx, kind, { at, ok: false, code: e.code, bundles: 0 });
    throw e;
  }
}

const ENROL_FILES = { name: 'Hogo Case enrolment', extensions: ['json'] };
const BUNDLE_FILES = { name: 'Hogo sync bundle', extensions: ['hogosync'] };

/** Imports the given files, or the sync folder's (only `only` of its names, for the watch). */
function importRun(core: OfficeCore, paths: string[] | undefined, only?: ReadonlySet<string>): { results: SyncImportResult[] } {
  const ctx = core.context();
  const progress = (done: number, total: number) => core.emit('progress', { task: 'sync', done, total });
  return remembered(
    ctx,
    'import',
    () => importBundles(ctx, paths, { progress, ...(only ? { only } : {}) }),
    (r) => {
      const failed = r.results.find((x) => !x.ok);
      return { files: r.results.length, bundles: r.results.filter((x) => x.ok && !x.duplicate && !x.stale).length, ...(failed?.code ? { code: failed.code } : {}) };
    },
    only !== undefined,
  );
}

/** The scheduler's folder watch: imports those of `names` in the sync folder that are for this device. */
export function watchedImport(core: OfficeCore, names: string[]): { results: SyncImportResult[] } {
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
  'sync.export': (core) => {
    const ctx = core.context();
    const progress = (done: number, total: number) => core.emit('progress', { task: 'sync', done, total });
    return remembered(ctx, 'export', () => exportBundles(ctx, { progress }), (r) => ({ bundles: r.bundles.length }));
  },
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
