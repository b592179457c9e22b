/**
 * npm run demo -- --scale 1 --dir <folder> [--seed <text>] [--today YYYY-MM-DD] [--writer audited|bulk]
 * Creates a demo office (synthetic people, marked DEMO) in <folder> and prints how to sign in.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_CREDENTIALS } from '../contract';
import { FILES } from '../core';
import { isAppError } from '../errors';
import { createDemoOffice } from './office';

function fail(message: string): never {
  console.error(`demo: ${message}`);
  console.error('usage: npm run demo -- --scale 1 --dir <folder> [--seed <text>] [--today YYYY-MM-DD] [--writer audited|bulk]');
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    dir: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    writer: { type: 'string' },
  },
});
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1000)) fail('--scale must be a number above 0 (1 ≈ one office, 100 ≈ a prefecture)');
if (!values.dir) fail('--dir is required');
if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail('--today must be YYYY-MM-DD');
if (values.writer !== undefined && values.writer !== 'audited' && values.writer !== 'bulk') fail('--writer must be audited or bulk');
const dir = resolve(values.dir);

const started = Date.now();
let last = 0;
const created = await createDemoOffice(dir, {
  scale,
  ...(values.seed !== undefined ? { seed: values.seed } : {}),
  ...(values.today !== undefined ? { today: values.today } : {}),
  ...(values.writer !== undefined ? { writer: values.writer as 'audited' | 'bulk' } : {}),
  onProgress: (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 250) return;
    last = now;
    const s = ((now - started) / 1000).toFixed(0);
    process.stdout.write(`\rdemo office: ${done}/${total} cases (${Math.floor((100 * done) / total)}%), ${s} s   `);
  },
}).catch((e: unknown) => {
  if (isAppError(e)) fail(e.code === 'OFFICE_EXISTS' ? `${dir} already holds an office; choose an empty folder` : `${e.code}: ${e.message}`);
  throw e;
});
const { core, summary } = created;
core.close();
process.stdout.write('\n');

const r = summary.rows;
console.log(`created ${dir}/${FILES.db} in ${((Date.now() - started) / 1000).toFixed(1)} s (writer: ${summary.writer}, seed: ${summary.seed}, as of ${summary.today})`);
console.log(
  `  ${summary.activeCases} active and ${summary.terminatedCases} terminated cases, ${r.contacts} contacts, ${r.drug_tests} drug tests, ` +
    `${r.appointments} appointments, ${r.measures} measures, ${r.vpos} VPOs, ${r.users} staff`,
);
console.log('sign in (public demo credentials, synthetic people only):');
console.log(`  administrator  login ${DEMO_CREDENTIALS.login}  passphrase ${DEMO_CREDENTIALS.passphrase}`);
console.log(`  supervisor     login ${summary.signIns.supervisor.login}  passphrase ${DEMO_CREDENTIALS.passphrase}`);
console.log(`  officer        login ${summary.signIns.officer.login}  passphrase ${DEMO_CREDENTIALS.passphrase}`);
