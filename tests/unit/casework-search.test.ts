import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VIA_INDEX } from '../../db/services/search';
import { tempDir } from '../helpers/office';
import { caseworkOffice, partialIntake } from '../helpers/intake';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

async function officeWithPeople() {
  const office = await caseworkOffice(t.dir);
  const yamada = await office.call('supervisees.create', partialIntake());
  await office.call(
    'supervisees.create',
    partialIntake({
      familyName: '大野',
      givenName: '健太',
      familyKana: 'おおの',
      givenKana: 'けんた',
      familyRomaji: 'Ohno',
      givenRomaji: 'Kenta',
      caseNumber: 'R8-0002',
    }),
  );
  await office.call(
    'supervisees.create',
    partialIntake({ familyName: '佐々木', givenName: '花', familyKana: 'ささき', givenKana: 'はな', familyRomaji: '', givenRomaji: '', caseNumber: 'R8-0103' }),
  );
  return { office, yamada };
}

const names = (hits: { name: string }[]) => hits.map((h) => h.name);

describe('search', () => {
  it('finds a person by kanji, kana in either script and width, and romaji', async () => {
    const { office } = await officeWithPeople();
    const q = (text: string) => office.call('search.query', { q: text });
    expect(names(await q('山田'))).toEqual(['山田 太郎']);
    expect(names(await q('やまだ'))).toEqual(['山田 太郎']);
    expect(names(await q('ヤマダ'))).toEqual(['山田 太郎']);
    expect(names(await q('ﾔﾏﾀﾞ'))).toEqual(['山田 太郎']);
    expect(names(await q('yamada'))).toEqual(['山田 太郎']);
    expect(names(await q('YAMADA ta'))).toEqual(['山田 太郎']);
    expect(names(await q('taro yamada'))).toEqual(['山田 太郎']);
    // Romaji typed for someone registered without romaji still finds their kana.
    expect(names(await q('sasaki'))).toEqual(['佐々木 花']);
    // Hepburn long vowels: Ohno, Oono and Ono-with-macron all reach おおの.
    expect(names(await q('oono'))).toEqual(['大野 健太']);
    expect(names(await q('ohno'))).toEqual(['大野 健太']);
    expect(await q('zzzz')).toEqual([]);
    expect(await q('   ')).toEqual([]);
  });

  it('finds case numbers (width folded) and non-sensitive contact notes only', async () => {
    const { office, yamada } = await officeWithPeople();
    const hit = (await office.call('search.query', { q: 'r8-0103' }))[0];
    expect(hit).toMatchObject({ kind: 'case', name: '佐々木 花', caseNumber: 'R8-0103' });
    expect((await office.call('search.query', { q: 'Ｒ８－０００２' }))[0]?.name).toBe('大野 健太');

    const caseId = yamada.cases[0]!.id;
    await office.call('contacts.record', { caseId, kind: 'office_interview', outcome: 'held', notes: '就労支援についてハローワークと相談した' });
    await office.call('contacts.record', { caseId, kind: 'home_visit', outcome: 'held', notes: '家族関係の秘匿事項', sensitive: true });
    const notes = await office.call('search.query', { q: 'ハローワーク' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'contact', name: '山田 太郎', caseId });
    expect(notes[0]!.snippet).toContain('ハローワーク');
    expect(await office.call('search.query', { q: '秘匿事項' })).toEqual([]);
  });

  it('follows a name change', async () => {
    const { office, yamada } = await officeWithPeople();
    await office.call('supervisees.update', { id: yamada.person.id, familyName: '川口', familyKana: 'かわぐち', familyRomaji: 'Kawaguchi' });
    expect(names(await office.call('search.query', { q: 'kawaguchi' }))).toEqual(['川口 太郎']);
    expect(await office.call('search.query', { q: 'yamada' })).toEqual([]);
  });
});

describe('search query plan', () => {
  it('uses the trigram index for patterns of 3+ characters without wildcards', async () => {
    const { office } = await officeWithPeople();
    const db = office.core.context().db;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${VIA_INDEX}`).all({ pattern: '%やまだ%', cap: 10 }) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX 0:L/);
    // Wildcards typed by the user are matched literally, through the escaped scan.
    expect(await office.call('search.query', { q: '100%' })).toEqual([]);
    expect(await office.call('search.query', { q: 'r8_0001' })).toEqual([]);
  });
});
