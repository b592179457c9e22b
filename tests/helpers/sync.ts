import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName, InputOf, OutputOf } from '../../db/contract';
import { caseworkOffice, STAFF } from './contacts';
import { newCore } from './office';

type Officer = 'sato' | 'suzuki';
type Caller = <C extends ChannelName>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** A laptop's first run for `login`, its enrolment request, the office's answer and its completion. */
export async function joinLaptop(
  dir: string,
  office: Awaited<ReturnType<typeof caseworkOffice>>,
  login: Officer,
  folder: string,
) {
  const laptop = newCore(dir, { now: office.clock.now });
  await laptop.call('session.join', { login, displayName: STAFF[login].displayName, passphrase: STAFF[login].passphrase });
  await laptop.call('sync.settings.update', { folder });
  const { path } = await laptop.call('sync.enrol.request', {});
  await office.as('admin');
  const accepted = await office.call('sync.enrol.accept', { path, officerId: office.ids[login] });
  await laptop.call('sync.enrol.complete', { path: accepted.responsePath });
  return { ...laptop, deviceId: accepted.deviceId, login };
}

/**
 * The office (caseworkOffice: admin, officers sato and suzuki, supervisor tanaka) and two enrolled
 * laptops, A for sato and B for suzuki, on one fake clock, sharing one sync folder.
 * `syncRound()` exports from both laptops, imports and exports at the office, then imports on both
 * laptops (as whoever is signed in on each).
 */
export async function syncOffice(root: string) {
  const folder = join(root, 'sync');
  mkdirSync(folder, { recursive: true });
  const office = await caseworkOffice(join(root, 'office'));
  await office.call('sync.settings.update', { folder });
  const a = await joinLaptop(join(root, 'laptop-a'), office, 'sato', folder);
  const b = await joinLaptop(join(root, 'laptop-b'), office, 'suzuki', folder);

  async function exportImport(from: Caller[], to: Caller[]) {
    for (const c of from) await c('sync.export', {});
    const results = [];
    for (const c of to) results.push(await c('sync.import', {}));
    return results;
  }
  async function syncRound() {
    const up = await exportImport([a.call, b.call], [office.call]);
    const down = await exportImport([office.call], [a.call, b.call]);
    return { up, down };
  }
  return { folder, office, a, b, syncRound };
}
