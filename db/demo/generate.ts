/**
 * The demo office generator: a deterministic, seeded synthetic office built from the figures in
 * ./figures.ts (each labelled SOURCE, DOMAIN or ASSUMPTION). Same seed, scale and `today` → the
 * same rows, ids included. Scale 1 ≈ one mid-size office (~250 active cases with a year of
 * history); scale 100 ≈ a prefecture (~25,000 active cases).
 *
 * Two ways to write, both in chunks of whole cases, one transaction per chunk:
 * - 'audited': every row through Tx (db/write.ts) — row, change-log ops and an audit entry each.
 * - 'bulk' (DEMO DATA ONLY): plain INSERTs with one audit entry per chunk listing the row counts,
 *   and no change-log ops. The rows then cannot travel in a sync bundle, which a demo office
 *   never needs. Measured on a 2-core machine: scale 10 took 60 s and 1.1 GB audited (the change
 *   log, one row per field, is most of it) against 15 s and 120 MB bulk; scale 100 bulk takes
 *   about 3 minutes and 1.2 GB. Audited at scale 100 would take well over 10 minutes and ~11 GB.
 */
import { appendAudit } from '../audit';
import { addMonths as addMonthsToMonth } from '../casework/standards';
import type { DrugType, EmploymentStatus, Sex } from '../contract';
import { stmt } from '../statements';
import { mutate, type ServiceContext } from '../write';
import { buildCase, type CaseRows, type CaseSpec, type Env } from './case';
import { dayOf, instantOf, reiwaYear } from './calendar';
import {
  ACTIVE_CASES_PER_SCALE,
  CASES_PER_OFFICER,
  CATEGORY_WEIGHTS,
  DRUG_RELATED_SHARE,
  EMPLOYED_AT_START,
  HISTORY_MONTHS,
  OFFICERS_PER_SUPERVISOR,
  PRIOR_CONVICTIONS,
  PROGRAM,
  TERMINATED_PER_ACTIVE,
  type DemoCategory,
} from './figures';
import { NON_DRUG_OFFENCES } from './names';
import { drugTypes as drawDrugTypes, familyRows, offencesOf, personRow, staffRows, VpoPool, type Rows, type Staff } from './people';
import { buildPathways, PATHWAY_TABLES } from './pathways';
import { DemoPrograms } from './programs';
import { Rng } from './prng';

export type DemoWriter = 'audited' | 'bulk';

export interface DemoOptions {
  /** 1 ≈ one office (~250 active cases); fractions make smaller offices. */
  scale: number;
  seed?: string | number;
  /** Japan calendar date the office is "as of"; defaults to today in Japan. */
  today?: string;
  /** Defaults to 'audited' up to scale 5, 'bulk' above (see the note at the top). */
  writer?: DemoWriter;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_SEED = 'hogo-case-demo';

/** Insertion order: every row's references are written before it. */
export const DEMO_TABLES = [
  'users',
  'vpos',
  'supervisees',
  'family_members',
  'cases',
  'case_phases',
  'supervision_suspensions',
  'conditions',
  'assessments',
  'contacts',
  'appointments',
  'drug_tests',
  'measures',
  'enrolments',
  'program_sessions',
  'enrolment_schedule',
  'session_participants',
  ...PATHWAY_TABLES,
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

export interface DemoSummary {
  scale: number;
  seed: string;
  today: string;
  writer: DemoWriter;
  activeCases: number;
  terminatedCases: number;
  rows: Record<DemoTable, number>;
  /** Staff who can sign in to the demo office (their slots are added by fillDemoOffice). */
  signIns: { officer: { id: string; login: string }; supervisor: { id: string; login: string } };
  ms: number;
}

type Batch = Record<DemoTable, Rows[]>;
const emptyBatch = (): Batch => Object.fromEntries(DEMO_TABLES.map((t) => [t, []])) as unknown as Batch;

/**
 * Cases per transaction. Ids are random, so every chunk dirties pages all over each index and a
 * commit writes them all: bigger bulk chunks write each page fewer times.
 */
const CHUNK_CASES: Record<DemoWriter, number> = { audited: 200, bulk: 2000 };

function writeBatch(ctx: ServiceContext, writer: DemoWriter, batch: Batch): void {
  if (writer === 'audited') {
    mutate(ctx, 'demo.generate', (tx) => {
      for (const t of DEMO_TABLES) for (const row of batch[t]) tx.insert(t, row);
    });
    return;
  }
  ctx.db.transaction(() => {
    const counts: Record<string, number> = {};
    for (const t of DEMO_TABLES) {
      const rows = batch[t];
      if (rows.length === 0) continue;
      counts[t] = rows.length;
      for (const row of rows) {
        const cols = Object.keys(row);
        stmt(ctx.db, `INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
      }
    }
    appendAudit(ctx.db, {
      actor: ctx.actor,
      deviceId: ctx.deviceId,
      action: 'demo.bulkInsert',
      at: new Date(ctx.now()).toISOString(),
      after: counts,
    });
  })();
}

function sexFor(rng: Rng, drugRelated: boolean): Sex {
  return rng.chance(drugRelated ? 0.85 : 0.88) ? 'male' : 'female';
}

function ageFor(rng: Rng, category: DemoCategory, types: readonly DrugType[]): number {
  // A fraction inside the year keeps the age in whole years stable whichever day the case starts.
  const fraction = 0.05 + rng.next() * 0.9;
  if (category === 'juvenileProbation') return rng.int(14, 19) + fraction;
  if (category === 'juvenileParole') return rng.int(15, 19) + fraction;
  const [mean, sd] = types[0] === 'stimulants' ? [43, 10] : types[0] === 'cannabis' ? [28, 6] : [36, 11];
  return Math.floor(rng.normal(mean, sd, 20, 75)) + fraction;
}

function employmentFor(rng: Rng, category: DemoCategory): EmploymentStatus {
  if (category === 'juvenileProbation' || category === 'juvenileParole') return rng.weighted({ student: 60, employed: 15, unemployed: 25 });
  return rng.chance(EMPLOYED_AT_START) ? 'employed' : 'unemployed';
}

function priorsFor(rng: Rng, category: DemoCategory, types: readonly DrugType[]): number {
  if (category === 'juvenileProbation' || category === 'juvenileParole') return 0;
  const stimulants = types[0] === 'stimulants';
  const share =
    stimulants && category === 'parole'
      ? PRIOR_CONVICTIONS.stimulantParole
      : stimulants
        ? PRIOR_CONVICTIONS.stimulantProbation
        : PRIOR_CONVICTIONS.other;
  return rng.chance(share) ? rng.int(1, 6) : 0;
}

/** Writes a demo office into the database of `ctx` (normally a new office set up with {demo: true}). */
export async function generateDemoOffice(ctx: ServiceContext, opts: DemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  if (!(opts.scale > 0 && opts.scale <= 1000)) throw new RangeError('scale must be in (0, 1000]');
  const seed = String(opts.seed ?? DEFAULT_SEED);
  const writer: DemoWriter = opts.writer ?? (opts.scale <= 5 ? 'audited' : 'bulk');
  const today = opts.today ?? new Date(ctx.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  const todayDay = dayOf(today);
  const rng = new Rng(seed);
  const env: Env = {
    today: todayDay,
    goLive: dayOf(`${addMonthsToMonth(today.slice(0, 7), -HISTORY_MONTHS)}-01`),
    rules: Object.fromEntries(
      (stmt(ctx.db, 'SELECT id, po_per_month, vpo_per_month FROM contact_standards').all() as { id: string; po_per_month: number; vpo_per_month: number }[]).map(
        (r) => [r.id, { po: r.po_per_month, vpo: r.vpo_per_month }],
      ),
    ),
  };

  const active = Math.max(1, Math.round(ACTIVE_CASES_PER_SCALE * opts.scale));
  const terminatedWeights = Object.fromEntries(
    (Object.keys(CATEGORY_WEIGHTS) as DemoCategory[]).map((c) => [c, CATEGORY_WEIGHTS[c] * TERMINATED_PER_ACTIVE[c]]),
  ) as Record<DemoCategory, number>;
  const terminated = Math.round(active * Object.values(terminatedWeights).reduce((a, b) => a + b, 0));
  const total = active + terminated;

  const staffRng = rng.fork('staff');
  const officers = Math.max(1, Math.ceil(active / CASES_PER_OFFICER));
  const supervisors = Math.max(1, Math.ceil(officers / OFFICERS_PER_SUPERVISOR));
  const staffCreated = instantOf(env.goLive, 9);
  const { staff, rows: staffUsers } = staffRows(staffRng, officers, supervisors, staffCreated);
  const officerList = staff.filter((s) => s.role === 'officer');
  const supervisorOf = new Map(staff.map((s) => [s.id, s.supervisorId]));
  const vpos = new VpoPool(rng.fork('vpos'), staffCreated);

  const counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
  let batch = emptyBatch();
  batch.users.push(...staffUsers);
  let vposWritten = 0;
  const caseSeq = new Map<string, number>();
  const caseNumberFor = (startDay: number) => {
    const year = reiwaYear(startDay);
    const era = year >= 1 ? `R${year}` : `H${year + 30}`;
    const n = (caseSeq.get(era) ?? 0) + 1;
    caseSeq.set(era, n);
    return `${era}-${String(n).padStart(6, '0')}`;
  };

  const flush = async (done: number) => {
    batch.vpos.push(...vpos.rows.slice(vposWritten));
    vposWritten = vpos.rows.length;
    writeBatch(ctx, writer, batch);
    for (const t of DEMO_TABLES) counts[t] += batch[t].length;
    batch = emptyBatch();
    opts.onProgress?.(done, total);
    // Let the event loop breathe between chunks (progress events, the idle timer).
    await new Promise((resolve) => setImmediate(resolve));
  };

  const people = rng.fork('people');
  const programs = new DemoPrograms(rng.fork('programs'), new Map(staffUsers.map((u) => [u.id, String(u.display_name)])));
  const addCase = (i: number) => {
    const isTerminated = i >= active;
    const r = people.fork(String(i));
    const category = r.weighted(isTerminated ? terminatedWeights : CATEGORY_WEIGHTS);
    const drugRelated = r.chance(DRUG_RELATED_SHARE[category]);
    const types = drugRelated ? drawDrugTypes(r) : [];
    const juvenile = category === 'juvenileProbation' || category === 'juvenileParole';
    const officer: Staff = r.pick(officerList);
    const spec: CaseSpec = {
      category,
      terminated: isTerminated,
      drugRelated,
      drugTypes: types,
      program: drugRelated && !juvenile && (category === 'partial' || r.chance(PROGRAM.drugRelatedShare)),
      employment: employmentFor(r, category),
      ageAtStart: ageFor(r, category, types),
      officer,
      supervisorId: supervisorOf.get(officer.id) ?? officer.id,
      superviseeId: r.uuid(),
    };
    const vpoId = isTerminated ? vpos.forTerminated() : vpos.forActive();
    const built = buildCase(r, spec, vpoId, caseNumberFor, env);
    const person = personRow(r, spec.superviseeId, {
      sex: sexFor(r, drugRelated),
      birthDay: built.birthDay,
      drugTypes: types,
      offences: offencesOf(types, r.pick(NON_DRUG_OFFENCES)),
      priorConvictions: priorsFor(r, category, types),
      officerId: officer.id,
      vpoId,
      createdDay: built.startDay,
    });
    batch.supervisees.push(person);
    batch.family_members.push(...familyRows(r, person, Math.floor(spec.ageAtStart), drugRelated, juvenile));
    for (const t of Object.keys(built.rows) as (keyof CaseRows)[]) batch[t].push(...built.rows[t]);
    programs.addCase(built.state, batch);
  };

  // Rows arrive in random id order for every index: with the indexes in the page cache the
  // inserts stay in memory. The office's own cache size comes back afterwards.
  const cacheSize = ctx.db.pragma('cache_size', { simple: true }) as number;
  ctx.db.pragma(`cache_size = -${Math.min(1024 * 1024, Math.max(64 * 1024, Math.round(opts.scale * 10 * 1024)))}`);
  try {
    for (let i = 0; i < total; i++) {
      addCase(i);
      if ((i + 1) % CHUNK_CASES[writer] === 0) await flush(i + 1);
    }
    await flush(total);
    // Support pathways are built from the written cases, on a stream of their own (./pathways.ts).
    const pathways = buildPathways(ctx.db, new Rng(`${seed}:pathways`), { today: env.today, goLive: env.goLive, scale: opts.scale });
    for (const t of PATHWAY_TABLES) batch[t] = pathways[t];
    await flush(total);
  } finally {
    ctx.db.pragma(`cache_size = ${cacheSize}`);
  }

  const signIn = (login: string) => {
    const s = staff.find((x) => x.login === login)!;
    return { id: s.id, login: s.login };
  };
  return {
    scale: opts.scale,
    seed,
    today,
    writer,
    activeCases: active,
    terminatedCases: terminated,
    rows: counts,
    signIns: { officer: signIn(officerList[0]!.login), supervisor: signIn(staff.find((s) => s.role === 'supervisor')!.login) },
    ms: Date.now() - started,
  };
}
