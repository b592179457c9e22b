/**
 * Child process for the kill test (tests/unit/sync-kill.test.ts): unlocks a laptop's office,
 * imports one bundle, and SIGKILLs itself when the import reports op number `killAt` (inside the
 * transaction), or right after the import returned when killAt is past the last op. killAt 0:
 * the parent kills it instead, after a random delay.
 * argv: dataDir migrationsDir login passphrase bundle killAt nowMs (a fixed clock)
 */
import { OfficeCore } from '../../db/core';
import { importBundle } from '../../db/sync/import';

async function main(): Promise<void> {
  const [dataDir, migrationsDir, login, passphrase, bundle, killAtText, nowText] = process.argv.slice(2) as string[] as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const killAt = Number(killAtText);
  const now = Number(nowText);
  const core = new OfficeCore({ dataDir, migrationsDir, now: () => now });
  await core.unlock({ login, passphrase });
  process.stdout.write('ready\n');
  const result = importBundle(core.context(), bundle, {
    progressEvery: 1,
    progress: (done) => {
      if (done === killAt) process.kill(process.pid, 'SIGKILL');
    },
  });
  if (killAt > 0) process.kill(process.pid, 'SIGKILL');
  process.stdout.write(`${JSON.stringify(result)}\n`);
  core.lock('manual');
}

main().catch((e: unknown) => {
  process.stderr.write(`child failed: ${e instanceof Error ? e.name : 'error'}\n`);
  process.exit(2);
});
