import type { InputOf } from '../../db/contract';
import { ADMIN, fakeClock, setupOffice } from './office';

export const OFFICER = { login: 'sato', displayName: '佐藤 花子', role: 'officer' as const, passphrase: 'officer temporary pass' };
export const OFFICER2 = { login: 'suzuki', displayName: '鈴木 一郎', role: 'officer' as const, passphrase: 'second officer pass' };
export const SUPERVISOR = { login: 'tanaka', displayName: '田中 統括', role: 'supervisor' as const, passphrase: 'supervisor temporary' };

type Counts = Record<
  'audit' | 'changes' | 'people' | 'cases' | 'phases' | 'conditions' | 'suspensions' | 'assessments' | 'family' | 'vpos',
  number
>;

type Who = 'admin' | 'officer' | 'officer2' | 'supervisor';
const PASSPHRASES: Record<Who, { login: string; passphrase: string }> = {
  admin: { login: ADMIN.login, passphrase: ADMIN.passphrase },
  officer: { login: OFFICER.login, passphrase: OFFICER.passphrase },
  officer2: { login: OFFICER2.login, passphrase: OFFICER2.passphrase },
  supervisor: { login: SUPERVISOR.login, passphrase: SUPERVISOR.passphrase },
};

/** An office on a fixed clock (today in Japan: 2026-11-26) with two officers and a supervisor. */
export async function caseworkOffice(dir: string) {
  const clock = fakeClock();
  const office = await setupOffice(dir, { now: clock.now });
  const officer = await office.call('users.add', OFFICER);
  const officer2 = await office.call('users.add', OFFICER2);
  const supervisor = await office.call('users.add', SUPERVISOR);
  /** Signs in as someone else. */
  async function as(who: Who) {
    office.core.lock('manual');
    await office.call('session.unlock', PASSPHRASES[who]);
  }
  const db = () => office.core.context().db;
  /** Row counts of the trail and of every table casework writes: equal before and after = nothing written. */
  function counts() {
    return db()
      .prepare(
        `SELECT (SELECT count(*) FROM audit_log) audit, (SELECT count(*) FROM change_log) changes,
           (SELECT count(*) FROM supervisees) people, (SELECT count(*) FROM cases) cases,
           (SELECT count(*) FROM case_phases) phases, (SELECT count(*) FROM conditions) conditions,
           (SELECT count(*) FROM supervision_suspensions) suspensions, (SELECT count(*) FROM assessments) assessments,
           (SELECT count(*) FROM family_members) family, (SELECT count(*) FROM vpos) vpos`,
      )
      .get() as Counts;
  }
  return { ...office, clock, officer, officer2, supervisor, as, db, counts };
}

/**
 * Intake of a stimulant user with a partial suspended sentence: paroled 2026-06-15 from an
 * unsuspended part ending 2026-12-20, then 2 years of probation.
 */
export function partialIntake(overrides: Partial<InputOf<'supervisees.create'>> = {}): InputOf<'supervisees.create'> {
  return {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'やまだ',
    givenKana: 'たろう',
    familyRomaji: 'Yamada',
    givenRomaji: 'Taro',
    birthDate: '1990-05-05',
    sex: 'male',
    address: '東京都千代田区霞が関1-1-1',
    phone: '090-0000-0000',
    drugTypes: ['stimulants'],
    offences: '覚醒剤取締法違反(使用)',
    priorConvictions: 2,
    caseNumber: 'R8-0001',
    rule: {
      category: 'partial',
      paroleReleaseDate: '2026-06-15',
      unsuspendedEndDate: '2026-12-20',
      suspensionYears: 2,
    },
    employmentAtStart: 'unemployed',
    ...overrides,
  };
}

export const CFP_LOW = {
  family: { risk: 1, strength: 2, notes: '' },
  relationships: { risk: 1, strength: 1, notes: '' },
  work_school: { risk: 2, strength: 1, notes: '求職中' },
  substance_use: { risk: 2, strength: 1, notes: '' },
  leisure: { risk: 1, strength: 1, notes: '' },
  finances: { risk: 1, strength: 1, notes: '' },
  offending_history: { risk: 2, strength: 0, notes: '' },
  psychological: { risk: 1, strength: 2, notes: '' },
};
