/** The services behind the channels of db/channels/sync.ts, spread into db/api.ts's table. */
import type { syncChannels } from '../channels/sync';
import type { OutputOf, ParsedInputOf } from '../contract';
import type { OfficeCore } from '../core';
import { AppError } from '../errors';
import { listBundles, listDevices, revokeDevice, syncStatus, updateSyncSettings } from '../sync/devices';

type SyncChannel = keyof typeof syncChannels;

// Filled in as the transport lands (enrolment, export, import) and by S2 (conflicts).
const notYet = (): never => {
  throw new AppError('INVALID_STATE', 'not available in this build yet');
};

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
  'sync.enrol.request': notYet,
  'sync.enrol.accept': notYet,
  'sync.enrol.complete': notYet,
  'sync.devices.list': (core) => listDevices(core.context()),
  'sync.devices.revoke': (core, input) => revokeDevice(core.context(), input.deviceId),
  'sync.export': notYet,
  'sync.import': notYet,
  'sync.bundles.list': (core, input) => listBundles(core.context(), input),
  'sync.conflicts.list': notYet,
  'sync.conflicts.resolve': notYet,
};
