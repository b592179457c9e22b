/**
 * The demo office's support pathways: cooperating employers and vocational support, the
 * employment status history, family seminars, facilities and placements, and links to medical
 * and NGO support. Built after the cases are written, from what they hold (employment at start
 * and termination, the facility-residence condition, drug types, family members), on its own
 * seeded stream: the casework rows are the same with or without it.
 *
 * Figures, marked as in ./figures.ts:
 * - SOURCE (DOMAIN.md): ~25,000 cooperating employers registered nationally, far fewer employing.
 *   ASSUMPTION: ~50 offices, so 500 registered per office (scale 1); construction about half of
 *   them; 60% say they take people with drug offences; 90% active; 1–5 places each.
 * - DOMAIN: 40–50% employed at the start (the case generator draws 45%). ASSUMPTION: an employed
 *   person's job began 1 month–5 years before supervision, 30% of them with a registered
 *   employer; 75% full time; 10% leave it during the recorded year. Unemployed adults: 60% are
 *   referred to Hello Work, 30% get job counselling, 8% a work-experience course, 10% trial
 *   employment (1–3 months) with a registered employer; 35% find a job while supervised (the
 *   termination record says so for ended cases). Juveniles at school are students.
 * - SOURCE (DOMAIN.md): 102 offenders rehabilitation facilities (capacity 2,399, ~23 each) and
 *   ~430 self-reliance preparation homes, some of them DARC residences; average stay ~82 days.
 *   DOMAIN: 10–15% placed at the start (the case generator sets the facility-residence
 *   condition for 12%; the placement follows it: start on the first day, end when the condition
 *   is lifted, 60–120 days later). ASSUMPTION: the office's facilities are sized so its own
 *   placements fill ~75% of the beds at the busiest time (real facilities also take people under
 *   urgent aid): rehabilitation facilities of ~20 beds hold half, DARC residences of ~10 beds a
 *   quarter (drug-related people go there first), self-reliance homes of ~5 beds the rest. Exits:
 *   rented housing 40%, employer housing 20%, family 25%, other 15%.
 * - DOMAIN: family seminars for families of drug-related supervisees; the family generator marks
 *   30% of those families invited, 20% attending, 5% declined. ASSUMPTION: one seminar a month per
 *   scale unit (the second Saturday, 20 places) and one announced for next month; attending
 *   members came to 1–3 seminars; juvenile guardians instructed to attend are invited as such.
 * - SOURCE (DOMAIN.md): 9.1% of drug supervisees linked to medical or NGO support (FY2023).
 *   ASSUMPTION: the demo office does about as well: 13% of drug-related cases get a link (DARC,
 *   self-help group, psychiatric hospital or clinic, mental health and welfare centre, public
 *   health centre), 25% of links end before the case does.
 * Everything is synthetic: none of these numbers may be quoted as facts about real offices.
 */
import { FAMILY_NAMES, TOWNS } from './names';
import { dayOf, isoOf } from './calendar';
import { stamp } from './case-state';
import type { Rows } from './people';
import type { Rng } from './prng';
import type { Db } from '../open';

export const PATHWAY_TABLES = [
  'employers',
  'facilities',
  'support_orgs',
  'seminars',
  'employment_supports',
  'jobs',
  'employment_status',
  'seminar_invitations',
  'placements',
  'support_links',
] as const;
export type PathwayTable = (typeof PATHWAY_TABLES)[number];

export const PATHWAYS = {
  employersPerScale: 500,
  acceptsDrugOffences: 0.6,
  employerActive: 0.9,
  jobWithRegisteredEmployer: 0.3,
  fullTime: 0.75,
  jobEndsInYear: 0.1,
  referral: 0.6,
  counselling: 0.3,
  workExperience: 0.08,
  trialEmployment: 0.1,
  findsJob: 0.35,
  occupancyAtPeak: 0.75,
  seminarsPerMonthPerScale: 1,
  seminarCapacity: 20,
  linked: 0.13,
  linkEndsEarly: 0.25,
} as const;

const INDUSTRIES: Record<string, readonly (readonly [string, string])[]> = {
  建設業: [['建設', 'ケンセツ'], ['工務店', 'コウムテン'], ['組', 'グミ']],
  製造業: [['製作所', 'セイサクショ'], ['工業', 'コウギョウ']],
  運輸業: [['運送', 'ウンソウ'], ['物流', 'ブツリュウ']],
  清掃業: [['清掃', 'セイソウ'], ['ビルサービス', 'ビルサービス']],
  飲食業: [['食堂', 'ショクドウ'], ['フーズ', 'フーズ']],
  介護福祉: [['ケアサービス', 'ケアサービス']],
  農業: [['農園', 'ノウエン']],
};
const INDUSTRY_WEIGHTS = { 建設業: 50, 製造業: 12, 運輸業: 10, 清掃業: 10, 飲食業: 8, 介護福祉: 6, 農業: 4 } as const;
const MUNICIPALITIES = ['中央区', '北区', '南区', '東区', '西区', '港区', '緑市', '桜市'] as const;
const HELLO_WORK = ['ハローワーク中央', 'ハローワーク北', 'ハローワーク港'] as const;
const OTHER_EMPLOYERS = ['近所の飲食店', '知人の工務店', '派遣会社', '家業の手伝い', '建設現場（日雇い）', 'コンビニエンスストア'] as const;
const LEAVING = ['体調不良', '人間関係', '契約期間満了', '転職のため', '無断欠勤が続いたため'] as const;
const EXIT_REASONS = {
  rented_housing: 'アパートへ転居',
  employer_housing: '就労先の寮へ',
  family: '家族のもとへ',
  other: '規則違反による退所',
} as const;
const TOPICS = ['薬物依存の理解と家族の対応', '再使用の兆候に気づく', '家族自身の相談先', '回復を支えるコミュニケーション'] as const;

const katakana = (hiragana: string) => hiragana.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const kanaOf = (entry: readonly [string, string, string]) => katakana(entry[1]);

interface CaseFacts {
  id: string;
  superviseeId: string;
  start: number;
  /** Last day of supervision: termination, else the planned end. */
  lastDay: number;
  terminated: boolean;
  employmentAtStart: string | null;
  employmentAtTermination: string | null;
  drugRelated: boolean;
  juvenile: boolean;
  /** The facility-residence condition: set day and lifted day. */
  facility: { from: number; lifted: number | null } | null;
}

export interface PathwayEnv {
  today: number;
  goLive: number;
  scale: number;
}

export type PathwayRows = Record<PathwayTable, Rows[]>;

/** Reads the written cases (in id order, so the result does not depend on how they were written). */
function readCases(db: Db): CaseFacts[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.supervisee_id, c.status, c.start_date, c.planned_end_date, c.termination_date,
              c.employment_at_start, c.employment_at_termination, s.drug_types <> '[]' AS drug,
              EXISTS (SELECT 1 FROM case_phases p WHERE p.case_id = c.id AND p.category IN ('1', '2')) AS juvenile,
              (SELECT json_array(k.set_on, k.lifted_on) FROM conditions k WHERE k.case_id = c.id AND k.catalogue_code = 'reside_at_facility') AS facility
         FROM cases c JOIN supervisees s ON s.id = c.supervisee_id ORDER BY c.id`,
    )
    .all() as {
    id: string;
    supervisee_id: string;
    status: string;
    start_date: string;
    planned_end_date: string;
    termination_date: string | null;
    employment_at_start: string | null;
    employment_at_termination: string | null;
    drug: number;
    juvenile: number;
    facility: string | null;
  }[];
  return rows.map((r) => {
    const f = r.facility ? (JSON.parse(r.facility) as [string, string | null]) : null;
    return {
      id: r.id,
      superviseeId: r.supervisee_id,
      start: dayOf(r.start_date),
      lastDay: dayOf(r.termination_date ?? r.planned_end_date),
      terminated: r.status === 'terminated',
      employmentAtStart: r.employment_at_start,
      employmentAtTermination: r.employment_at_termination,
      drugRelated: r.drug === 1,
      juvenile: r.juvenile === 1,
      facility: f ? { from: dayOf(f[0]), lifted: f[1] === null ? null : dayOf(f[1]) } : null,
    };
  });
}

export function buildPathways(db: Db, rng: Rng, env: PathwayEnv): PathwayRows {
  const out = Object.fromEntries(PATHWAY_TABLES.map((t) => [t, []])) as unknown as PathwayRows;
  const cases = readCases(db);
  const created = stamp(env.goLive, 9);
  const units = Math.max(1, Math.round(env.scale));

  // --- employers ---------------------------------------------------------------------------
  const er = rng.fork('employers');
  const employers: { id: string; name: string; drug: boolean; active: boolean }[] = [];
  const employerCount = Math.max(5, Math.round(PATHWAYS.employersPerScale * env.scale));
  for (let i = 0; i < employerCount; i++) {
    const industry = er.weighted(INDUSTRY_WEIGHTS);
    const family = er.pick(FAMILY_NAMES);
    const [suffix, suffixKana] = er.pick(INDUSTRIES[industry]!);
    const form = er.weighted({ 株式会社: 50, 有限会社: 20, '': 30 });
    const name = `${form}${family[0]}${suffix}`;
    const drug = er.chance(PATHWAYS.acceptsDrugOffences);
    const active = er.chance(PATHWAYS.employerActive);
    const id = er.uuid();
    employers.push({ id, name, drug, active });
    out.employers.push({
      id,
      name,
      name_kana: `${kanaOf(family)}${suffixKana}`,
      industry,
      address: `${er.pick(TOWNS)}${er.int(1, 9)}-${er.int(1, 30)}-${er.int(1, 20)}`,
      municipality: er.pick(MUNICIPALITIES),
      contact_name: `${er.pick(FAMILY_NAMES)[0]} 様`,
      phone: `000-${er.int(1000, 9999)}-${er.int(1000, 9999)}`,
      capacity: er.int(1, 5),
      accepts_drug_offences: drug ? 1 : 0,
      active: active ? 1 : 0,
      notes: '',
      created_at: created,
      updated_at: created,
    });
  }
  const hiring = employers.filter((e) => e.active);
  const hiringDrug = hiring.filter((e) => e.drug);

  // --- employment per case -----------------------------------------------------------------
  for (const c of cases) {
    const r = rng.fork(`work:${c.id}`);
    const from = Math.max(c.start, env.goLive);
    const to = Math.min(env.today - 1, c.lastDay);
    const status = (since: number, s: string) =>
      out.employment_status.push({ id: r.uuid(), case_id: c.id, status: s, since: isoOf(since), created_at: stamp(since), updated_at: stamp(since) });
    const employer = (drug: boolean) => {
      const pool = drug && hiringDrug.length ? hiringDrug : hiring;
      return pool.length ? r.pick(pool) : null;
    };
    const job = (start: number, kind: string, drug: boolean, supportId: string | null, registered: boolean) => {
      const e = registered ? employer(drug) : null;
      const ends = start < to && r.chance(PATHWAYS.jobEndsInYear) ? r.int(Math.max(start + 14, from), Math.max(start + 14, to)) : null;
      const ended = ends !== null && ends <= to ? ends : null;
      out.jobs.push({
        id: r.uuid(),
        case_id: c.id,
        employer_id: e?.id ?? null,
        employer_name: e ? '' : r.pick(OTHER_EMPLOYERS),
        kind,
        started_on: isoOf(start),
        ended_on: ended === null ? null : isoOf(ended),
        leaving_reason: ended === null ? null : r.pick(LEAVING),
        support_id: supportId,
        created_at: stamp(Math.max(start, from)),
        updated_at: stamp(ended ?? Math.max(start, from)),
      });
      return ended;
    };

    if (c.employmentAtStart === 'student') {
      status(c.start, 'student');
    } else if (c.employmentAtStart === 'employed') {
      const kind = r.chance(PATHWAYS.fullTime) ? 'full_time' : 'part_time';
      status(c.start, kind);
      const ended = job(c.start - r.int(30, 5 * 365), kind, c.drugRelated, null, r.chance(PATHWAYS.jobWithRegisteredEmployer));
      if (ended !== null && ended > c.start) status(ended, 'unemployed_seeking');
    } else if (c.employmentAtStart === 'unemployed') {
      status(c.start, r.chance(0.75) ? 'unemployed_seeking' : 'not_seeking');
      if (from > to) continue;
      const findsJob = c.terminated ? c.employmentAtTermination === 'employed' : r.chance(PATHWAYS.findsJob);
      const within = (lo: number, hi: number) => Math.min(to, from + r.int(lo, hi));
      const supports: { id: string; day: number }[] = [];
      const support = (kind: string, day: number, extra: Record<string, string | number | null> = {}) => {
        const id = r.uuid();
        const ended = kind === 'hello_work_referral' || day + 30 > to ? null : Math.min(to, day + r.int(5, 30));
        out.employment_supports.push({
          id,
          case_id: c.id,
          kind,
          started_on: isoOf(day),
          ended_on: ended === null ? null : isoOf(ended),
          office: kind === 'hello_work_referral' ? r.pick(HELLO_WORK) : '',
          employer_id: null,
          months: null,
          subsidy_status: null,
          outcome: day > to - 30 ? 'pending' : kind === 'hello_work_referral' ? 'no_job' : 'completed',
          notes: '',
          created_at: stamp(day),
          updated_at: stamp(ended ?? day),
          ...extra,
        });
        supports.push({ id, day });
      };
      if (r.chance(PATHWAYS.referral)) support('hello_work_referral', within(7, 60));
      if (r.chance(PATHWAYS.counselling)) support('job_counselling', within(14, 90));
      if (r.chance(PATHWAYS.workExperience)) support('work_experience', within(30, 120), { outcome: 'completed' });
      if (r.chance(PATHWAYS.trialEmployment)) {
        const e = employer(c.drugRelated);
        const day = within(30, 150);
        const months = Number(r.weighted({ 1: 15, 2: 15, 3: 70 }));
        const ends = day + months * 30;
        if (e) {
          support('trial_employment', day, {
            employer_id: e.id,
            months,
            ended_on: ends <= to ? isoOf(ends) : null,
            subsidy_status: ends <= to ? r.weighted({ paid: 70, approved: 20, rejected: 10 }) : 'applied',
            outcome: ends <= to ? 'completed' : 'pending',
            updated_at: stamp(Math.min(ends, to)),
          });
        }
      }
      const last = supports[supports.length - 1];
      const start = Math.min(to, (last?.day ?? from) + r.int(14, 90));
      if (findsJob && start > c.start) {
        const kind = r.chance(PATHWAYS.fullTime) ? 'full_time' : r.weighted({ part_time: 70, day_labour: 30 });
        const ended = job(start, kind, c.drugRelated, last?.id ?? null, r.chance(PATHWAYS.jobWithRegisteredEmployer + 0.1));
        if (last) out.employment_supports[out.employment_supports.length - 1]!.outcome = 'job_found';
        status(start, kind === 'full_time' ? 'full_time' : 'part_time');
        if (ended !== null && ended > start) status(ended, 'unemployed_seeking');
      }
    }
  }

  // --- facilities and placements ----------------------------------------------------------
  const fr = rng.fork('facilities');
  const spans = cases
    .filter((c) => c.facility !== null && c.facility.from <= env.today - 1)
    .map((c) => {
      const f = c.facility!;
      const naturalEnd = f.lifted ?? (c.terminated ? c.lastDay : null);
      const end = naturalEnd !== null && naturalEnd <= env.today - 1 ? Math.max(naturalEnd, f.from + 1) : null;
      return { c, start: f.from, end, planned: f.from + fr.int(60, 120) };
    })
    .sort((a, b) => a.start - b.start || (a.c.id < b.c.id ? -1 : 1));
  // The busiest day's residents in the recorded year, to size the facilities.
  const FAR = env.today + 100_000;
  const events = spans.flatMap((s) => [[s.start, 1] as const, [s.end ?? FAR, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [day, d] of events) {
    now += d;
    if (day >= env.goLive && day < env.today) peak = Math.max(peak, now);
  }
  const beds = Math.max(10, Math.ceil(peak / PATHWAYS.occupancyAtPeak));
  interface Fac {
    id: string;
    capacity: number;
    drug: boolean;
    stays: { start: number; end: number }[];
  }
  const facilities: Fac[] = [];
  const addFacility = (kind: string, name: string, capacity: number, drug: boolean) => {
    const id = fr.uuid();
    facilities.push({ id, capacity, drug, stays: [] });
    out.facilities.push({
      id,
      name,
      kind,
      address: `${fr.pick(TOWNS)}${fr.int(1, 9)}-${fr.int(1, 30)}`,
      phone: `000-${fr.int(1000, 9999)}-${fr.int(1000, 9999)}`,
      capacity,
      drug_focused: drug ? 1 : 0,
      active: 1,
      created_at: created,
      updated_at: created,
    });
  };
  const towns = [...TOWNS];
  // Beds split half, quarter, quarter; a small office gets one smaller facility of each kind.
  const kinds = [
    ['rehabilitation_facility', beds / 2, 20],
    ['darc_residence', beds / 4, 10],
    ['self_reliance_home', beds / 4, 5],
  ] as const;
  for (const [kind, share, size] of kinds) {
    const n = Math.max(1, Math.round(share / size));
    const capacity = Math.max(2, Math.round(share / n));
    for (let i = 0; i < n; i++) {
      const town = towns[(i + kind.length) % towns.length]!;
      const again = i >= towns.length ? String(i) : '';
      if (kind === 'rehabilitation_facility') addFacility(kind, `更生保護施設 ${town}寮${again}`, capacity, fr.chance(0.3));
      else if (kind === 'darc_residence') addFacility(kind, `ダルク ${town}ハウス${again}`, capacity, true);
      else addFacility(kind, `自立準備ホーム ${town}${i + 1}`, capacity, false);
    }
  }
  const residents = (f: Fac, start: number, end: number) => {
    // Spans come in start order: a stay over before this one starts matters to none after it.
    f.stays = f.stays.filter((x) => x.end > start);
    let most = 0;
    for (const d of [start, ...f.stays.map((s) => s.start).filter((x) => x > start && x < end)]) {
      most = Math.max(most, f.stays.filter((s) => s.start <= d && d < s.end).length);
    }
    return most;
  };
  for (const s of spans) {
    const end = s.end ?? Math.max(s.planned, env.today);
    const order = [...facilities].sort((a, b) => Number(b.drug && s.c.drugRelated) - Number(a.drug && s.c.drugRelated));
    const free = order.filter((f) => residents(f, s.start, end) < f.capacity);
    // When every bed is taken the officer confirmed the over-capacity warning.
    const f = free.length ? free[fr.int(0, Math.min(free.length, 3) - 1)]! : order[0]!;
    f.stays.push({ start: s.start, end });
    const destination = s.end === null ? null : fr.weighted({ rented_housing: 40, employer_housing: 20, family: 25, other: 15 });
    out.placements.push({
      id: fr.uuid(),
      case_id: s.c.id,
      facility_id: f.id,
      started_on: isoOf(s.start),
      planned_end_on: isoOf(s.planned),
      ended_on: s.end === null ? null : isoOf(s.end),
      exit_reason: destination === null ? null : EXIT_REASONS[destination],
      exit_destination: destination,
      created_at: stamp(s.start),
      updated_at: stamp(s.end ?? s.start),
    });
  }

  // --- family seminars ----------------------------------------------------------------------
  const sr = rng.fork('seminars');
  const seminars: { id: string; day: number; seats: number }[] = [];
  const secondSaturday = (y: number, m: number) => {
    const first = Date.UTC(y, m, 1) / 86_400_000;
    const dow = new Date(first * 86_400_000).getUTCDay();
    return first + ((6 - dow + 7) % 7) + 7;
  };
  const goLiveDate = new Date(env.goLive * 86_400_000);
  for (let k = 0; ; k++) {
    const y = goLiveDate.getUTCFullYear();
    const m = goLiveDate.getUTCMonth() + k;
    const day = secondSaturday(y, m);
    if (day > env.today + 45) break;
    for (let u = 0; u < units * PATHWAYS.seminarsPerMonthPerScale; u++) {
      const id = sr.uuid();
      seminars.push({ id, day, seats: PATHWAYS.seminarCapacity });
      out.seminars.push({
        id,
        held_on: isoOf(day),
        start_time: sr.pick(['10:00', '14:00', '18:30']),
        place: `保護観察所 ${u % 2 === 0 ? '第1' : '第2'}会議室`,
        topic: TOPICS[(k + u) % TOPICS.length]!,
        facilitator: sr.chance(0.5) ? '保護観察官' : '保護観察官・ダルク職員',
        capacity: PATHWAYS.seminarCapacity,
        notes: '',
        created_at: stamp(Math.min(day - 30, env.today - 1)),
        updated_at: stamp(Math.min(day, env.today - 1)),
      });
    }
  }
  const caseOf = new Map<string, CaseFacts>();
  for (const c of cases) {
    const seen = caseOf.get(c.superviseeId);
    // An invitation goes under the person's open case, else their latest.
    if (!seen || (seen.terminated && !c.terminated) || (seen.terminated === c.terminated && c.start > seen.start)) caseOf.set(c.superviseeId, c);
  }
  const members = db
    .prepare(
      `SELECT id, supervisee_id, seminar_participation, guardian_instructed FROM family_members
        WHERE seminar_participation <> 'none' ORDER BY id`,
    )
    .all() as { id: string; supervisee_id: string; seminar_participation: string; guardian_instructed: number }[];
  for (const m of members) {
    const c = caseOf.get(m.supervisee_id);
    if (!c) continue;
    const r = sr.fork(m.id);
    const from = Math.max(c.start, env.goLive);
    const past = seminars.filter((s) => s.day >= from + 14 && s.day <= Math.min(env.today - 1, c.lastDay + 180) && s.seats > 0);
    const upcoming = seminars.filter((s) => s.day >= env.today && s.seats > 0);
    const invite = (s: (typeof seminars)[number], attendance: string) => {
      s.seats -= attendance === 'declined' ? 0 : 1;
      const invited = Math.max(from, s.day - r.int(14, 40));
      out.seminar_invitations.push({
        id: r.uuid(),
        seminar_id: s.id,
        family_member_id: m.id,
        case_id: c.id,
        invited_on: isoOf(Math.min(invited, env.today - 1)),
        guardian_instructed: m.guardian_instructed,
        attendance,
        follow_up: attendance === 'attended' && r.chance(0.3) ? r.pick(['個別相談を案内', '次回も参加予定', '家族相談会を紹介']) : '',
        created_at: stamp(Math.min(invited, env.today - 1)),
        updated_at: stamp(Math.min(s.day, env.today - 1)),
      });
    };
    if (m.seminar_participation === 'attending' && past.length) {
      const n = Math.min(past.length, r.int(1, 3));
      const start = r.int(0, past.length - n);
      for (let i = 0; i < n; i++) invite(past[start + i]!, 'attended');
    } else if (m.seminar_participation === 'invited') {
      if (upcoming.length && r.chance(0.5)) invite(upcoming[0]!, 'invited');
      else if (past.length) invite(r.pick(past), 'absent');
    } else if (m.seminar_participation === 'declined' && (past.length || upcoming.length)) {
      invite(past.length ? r.pick(past) : upcoming[0]!, 'declined');
    }
  }

  // --- medical and NGO support --------------------------------------------------------------
  const lr = rng.fork('support');
  const orgKinds = {
    psychiatric_hospital: ['精神科病院', 2],
    medical_clinic: ['メンタルクリニック', 3],
    mental_health_centre: ['精神保健福祉センター', 1],
    public_health_centre: ['保健所', 2],
    self_help_group: ['NA', 2],
    darc: ['ダルク', 1],
  } as const;
  const orgs: { id: string; kind: keyof typeof orgKinds }[] = [];
  for (const [kind, [label, per]] of Object.entries(orgKinds) as [keyof typeof orgKinds, (typeof orgKinds)[keyof typeof orgKinds]][]) {
    for (let i = 0; i < Math.max(1, Math.round(per * env.scale)); i++) {
      const id = lr.uuid();
      orgs.push({ id, kind });
      const town = TOWNS[(i + kind.length) % TOWNS.length]!;
      out.support_orgs.push({
        id,
        name: kind === 'self_help_group' ? `${label} ${town}グループ${i + 1}` : `${town}${label}${i >= TOWNS.length ? i + 1 : ''}`,
        kind,
        address: `${town}${lr.int(1, 9)}-${lr.int(1, 30)}`,
        phone: `000-${lr.int(1000, 9999)}-${lr.int(1000, 9999)}`,
        notes: '',
        active: 1,
        created_at: created,
        updated_at: created,
      });
    }
  }
  const orgWeights = { darc: 30, self_help_group: 25, psychiatric_hospital: 15, medical_clinic: 15, mental_health_centre: 10, public_health_centre: 5 };
  for (const c of cases) {
    if (!c.drugRelated) continue;
    const r = lr.fork(c.id);
    if (!r.chance(PATHWAYS.linked)) continue;
    const from = Math.max(c.start, env.goLive);
    const to = Math.min(env.today - 1, c.lastDay);
    if (from > to) continue;
    const kind = r.weighted(orgWeights);
    const candidates = orgs.filter((o) => o.kind === kind);
    const org = r.pick(candidates);
    const start = Math.min(to, from + r.int(7, 90));
    const ended = r.chance(PATHWAYS.linkEndsEarly) && start + 30 < to ? r.int(start + 30, to) : c.terminated ? c.lastDay : null;
    out.support_links.push({
      id: r.uuid(),
      case_id: c.id,
      org_id: org.id,
      started_on: isoOf(start),
      ended_on: ended === null ? null : isoOf(ended),
      notes: '',
      created_at: stamp(start),
      updated_at: stamp(ended ?? start),
    });
  }
  return out;
}
