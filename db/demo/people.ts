/** The demo office's staff, volunteer probation officers, supervisees and their families. */
import type { DrugType, Sex } from '../channels/casework';
import type { Row } from '../write';
import { instantOf, isoOf } from './calendar';
import { CASES_PER_VPO, DRUG_MIX, SECOND_DRUG_SHARE } from './figures';
import { DISTRICTS, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, TOWNS, type NameEntry } from './names';
import type { Rng } from './prng';

export type Rows = Row & { id: string };

export interface Staff {
  id: string;
  login: string;
  role: 'officer' | 'supervisor';
  supervisorId: string | null;
}

/** The demo's sign-in names: the first officer and the first supervisor can sign in. */
export const DEMO_OFFICER_LOGIN = 'demo-officer';
export const DEMO_SUPERVISOR_LOGIN = 'demo-supervisor';

function fullName(rng: Rng, sex: Sex): { family: NameEntry; given: NameEntry } {
  return { family: rng.pick(FAMILY_NAMES), given: rng.pick(sex === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES) };
}

export function fakePhone(rng: Rng): string {
  // 000- is not a Japanese number prefix: nobody can be rung by mistake.
  return `000-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`;
}

export function staffRows(rng: Rng, officers: number, supervisors: number, createdAt: string): { staff: Staff[]; rows: Rows[] } {
  const staff: Staff[] = [];
  const rows: Rows[] = [];
  // Each supervisor heads one unit (部門) and their officers belong to it; no random draws, so
  // adding units changed none of the other demo figures.
  const unitOf = new Map<string, string>();
  const add = (role: Staff['role'], login: string, supervisorId: string | null) => {
    const { family, given } = fullName(rng, rng.chance(0.35) ? 'female' : 'male');
    const id = rng.uuid();
    staff.push({ id, login, role, supervisorId });
    const unit = supervisorId ? (unitOf.get(supervisorId) ?? '') : `処遇第${unitOf.size + 1}部門`;
    unitOf.set(id, unit);
    rows.push({
      id,
      login,
      display_name: `${family[0]} ${given[0]}`,
      role,
      unit,
      active: 1,
      created_at: createdAt,
      updated_at: createdAt,
    });
  };
  for (let i = 1; i <= supervisors; i++) add('supervisor', i === 1 ? DEMO_SUPERVISOR_LOGIN : `sv-${String(i).padStart(4, '0')}`, null);
  const heads = staff.map((s) => s.id);
  for (let i = 1; i <= officers; i++) {
    add('officer', i === 1 ? DEMO_OFFICER_LOGIN : `po-${String(i).padStart(4, '0')}`, heads[Math.floor((i - 1) / Math.ceil(officers / supervisors))]!);
  }
  return { staff, rows };
}

/** Hands out VPOs so that each has 1–3 active cases (DOMAIN.md); creates them as needed. */
export class VpoPool {
  readonly rows: Rows[] = [];
  private current: { id: string; left: number } | null = null;

  constructor(
    private readonly rng: Rng,
    private readonly createdAt: string,
  ) {}

  private create(): string {
    const sex: Sex = this.rng.chance(0.3) ? 'female' : 'male';
    const { family, given } = fullName(this.rng, sex);
    const id = this.rng.uuid();
    this.rows.push({
      id,
      name: `${family[0]} ${given[0]}`,
      name_kana: `${family[1]} ${given[1]}`,
      district: this.rng.pick(DISTRICTS),
      phone: fakePhone(this.rng),
      active: 1,
      created_at: this.createdAt,
      updated_at: this.createdAt,
    });
    return id;
  }

  /** The VPO of an active case. */
  forActive(): string {
    if (!this.current || this.current.left === 0) {
      this.current = { id: this.create(), left: Number(this.rng.weighted(CASES_PER_VPO)) };
    }
    this.current.left -= 1;
    return this.current.id;
  }

  /** The VPO a terminated case had: any of the pool. */
  forTerminated(): string {
    return this.rows.length === 0 ? this.create() : (this.rng.pick(this.rows).id as string);
  }
}

export function drugTypes(rng: Rng): DrugType[] {
  const first = rng.weighted(DRUG_MIX as Record<DrugType, number>);
  if (!rng.chance(SECOND_DRUG_SHARE)) return [first];
  const second = rng.weighted(DRUG_MIX as Record<DrugType, number>);
  return second === first ? [first] : [first, second];
}

const DRUG_OFFENCES: Record<DrugType, string> = {
  stimulants: '覚醒剤取締法違反（使用・所持）',
  cannabis: '大麻取締法違反（所持）',
  mdma_synthetics: '麻薬及び向精神薬取締法違反（所持）',
  organic_solvents: '毒物及び劇物取締法違反',
  opioids: '麻薬及び向精神薬取締法違反（使用）',
  cocaine: '麻薬及び向精神薬取締法違反（所持）',
  dangerous_drugs: '医薬品医療機器等法違反（指定薬物所持）',
  other: 'その他の薬物事犯',
};

export function offencesOf(types: readonly DrugType[], other: string): string {
  return types.length ? [...new Set(types.map((t) => DRUG_OFFENCES[t]))].join('、') : other;
}

export interface PersonInput {
  sex: Sex;
  birthDay: number;
  drugTypes: DrugType[];
  offences: string;
  priorConvictions: number;
  officerId: string;
  vpoId: string;
  createdDay: number;
}

export function personRow(rng: Rng, id: string, p: PersonInput): Rows {
  const { family, given } = fullName(rng, p.sex);
  const at = instantOf(p.createdDay, 11);
  return {
    id,
    family_name: family[0],
    given_name: given[0],
    family_kana: family[1],
    given_kana: given[1],
    family_romaji: family[2],
    given_romaji: given[2],
    birth_date: isoOf(p.birthDay),
    sex: p.sex,
    address: `デモ市${rng.pick(TOWNS)}${rng.int(1, 5)}丁目${rng.int(1, 30)}番${rng.int(1, 20)}号`,
    phone: fakePhone(rng),
    // ASSUMPTION: 2% need an interpreter.
    language_needs: rng.chance(0.02) ? rng.pick(['中国語通訳', 'ポルトガル語通訳', 'ベトナム語通訳', '英語通訳']) : '',
    drug_types: JSON.stringify(p.drugTypes),
    offences: p.offences,
    prior_convictions: p.priorConvictions,
    officer_id: p.officerId,
    vpo_id: p.vpoId,
    created_at: at,
    updated_at: at,
  };
}

/** A guarantor for everyone, a second family member for 40%; seminar participation for drug cases. */
export function familyRows(rng: Rng, person: Rows, age: number, drugRelated: boolean, juvenile: boolean): Rows[] {
  const relations: string[] = [];
  relations.push(juvenile || age < 30 ? 'parent' : rng.pick(['spouse', 'partner', 'sibling', 'parent']));
  if (rng.chance(0.4)) relations.push(rng.pick(['parent', 'sibling', 'spouse', 'child', 'grandparent']));
  const familyName = person.family_name as string;
  const familyKana = person.family_kana as string;
  const at = person.created_at as string;
  return relations.map((relation, i) => {
    const given = rng.pick(rng.chance(0.6) ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
    const seminar = drugRelated ? rng.weighted({ none: 45, invited: 30, attending: 20, declined: 5 }) : 'none';
    return {
      id: rng.uuid(),
      supervisee_id: person.id,
      name: `${familyName} ${given[0]}`,
      name_kana: `${familyKana} ${given[1]}`,
      relation,
      is_guarantor: i === 0 ? 1 : 0,
      contact: fakePhone(rng),
      seminar_participation: seminar,
      guardian_instructed: juvenile && relation === 'parent' && rng.chance(0.2) ? 1 : 0,
      notes: '',
      created_at: at,
      updated_at: at,
    };
  });
}
