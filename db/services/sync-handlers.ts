/** The services behind the channels of db/channels/sync.ts, spread into db/api.ts's table. */
import type { syncChannels } from '../channels/sync';
import type { OutputOf, ParsedInputOf } from '../contract';
import type { OfficeCore } from '../core';
import { AppError } from '../errors';
import type { ShellPort } from '../shell';
import { listBundles, listDevices, revokeDevice, syncStatus, updateSyncSettings } from '../sync/devices';
import { listConflicts, resolveConflict } from './sync-conflicts';
import { acceptEnrolment, completeEnrolment, writeEnrolmentRequest } from '../sync/enrolment';

type SyncChannel = keyof typeof syncChannels;

// Filled in as the transport lands (enrolment, export, import) and by S2 (conflicts).
const notYet = (): never => {
  throw new AppError('INVALID_STATE', 'not available in this build yet');
};

/** The file the caller named, or the one the person picks in the shell's Open dialog. */
async function oneFile(core: OfficeCore, path: string | undefined, filter: { name: string; extensions: string[] }): Promise<string> {
  if (path) return path;
  const shell: ShellPort = core.shell();
  const [picked] = await shell.pickFiles([filter]);
  if (!picked) throw new AppError('INVALID_INPUT', 'no file was chosen');
  return picked;
}

const ENROL_FILES = { name: 'Hogo Case enrolment', extensions: ['json'] };

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
  'sync.export': notYet,
  'sync.import': notYet,
  'sync.bundles.list': (core, input) => listBundles(core.context(), input),
  'sync.conflicts.list': (core) => listConflicts(core.context()),
  'sync.conflicts.resolve': (core, input) => resolveConflict(core.context(), input),
};
