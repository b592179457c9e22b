import { describe, expect, it } from 'vitest';
import { estimateStrength } from '../../renderer/features/session/strength';
import { groupRecoveryCode, isValidLogin, passphraseProblem } from '../../renderer/features/session/validation';

const MIN = 12;

describe('passphrase strength estimate', () => {
  it('says nothing about an empty field and counts what is missing', () => {
    expect(estimateStrength('', MIN)).toMatchObject({ level: 'empty', score: 0, hints: [] });
    const short = estimateStrength('abc', MIN);
    expect(short).toMatchObject({ level: 'tooShort', score: 0, missing: 9 });
    expect(short.hints[0]).toBe('tooShort');
  });

  it('counts characters, not UTF-16 units, against the minimum', () => {
    expect(estimateStrength('あいうえおかきくけこさし', MIN).missing).toBe(0);
    expect(estimateStrength('𠮷'.repeat(11), MIN).level).toBe('tooShort');
  });

  it('marks well-known passwords, repeats and runs as weak whatever their length', () => {
    const common = estimateStrength('Password2024', MIN);
    expect(common.level).toBe('weak');
    expect(common.hints).toContain('avoidCommon');

    const repeated = estimateStrength('aaaaaaaaaaaaaaaa', MIN);
    expect(repeated.level).toBe('weak');
    expect(repeated.hints).toContain('avoidRepeats');

    const run = estimateStrength('abcdefghijklmnop', MIN);
    expect(run.level).toBe('weak');
    expect(run.hints).toContain('avoidSequences');

    expect(estimateStrength('qwertyuiop12', MIN).hints).toContain('avoidSequences');
  });

  it('rates a long sentence of words as strong', () => {
    expect(estimateStrength('umi no mieru oka de 2026', MIN).level).toBe('strong');
    expect(estimateStrength('さくらがさくきせつになりました', MIN).level).toBe('strong');
  });

  it('never rates a passphrase lower for adding a word', () => {
    let previous = 0;
    for (const p of ['kumo', 'kumo hashi', 'kumo hashi yama', 'kumo hashi yama kawa', 'kumo hashi yama kawa mori']) {
      const { score } = estimateStrength(p, MIN);
      expect(score).toBeGreaterThanOrEqual(previous);
      previous = score;
    }
    expect(previous).toBe(4);
  });

  it('suggests more words for a middling passphrase', () => {
    const s = estimateStrength('Kx9!mQ2#', 8);
    expect(['fair', 'good']).toContain(s.level);
    expect(s.hints).toContain('addWords');
  });
});

describe('form checks that mirror the contract', () => {
  it('accepts the contract login format, case-insensitively', () => {
    expect(isValidLogin('sato.h')).toBe(true);
    expect(isValidLogin(' Sato_H ')).toBe(true);
    expect(isValidLogin('a')).toBe(false);
    expect(isValidLogin('.sato')).toBe(false);
    expect(isValidLogin('佐藤')).toBe(false);
  });

  it('reports the first problem of a new passphrase', () => {
    expect(passphraseProblem('', '', MIN)).toBe('required');
    expect(passphraseProblem('short', 'short', MIN)).toBe('tooShort');
    expect(passphraseProblem('long enough phrase', 'long enough phrasE', MIN)).toBe('mismatch');
    expect(passphraseProblem('long enough phrase', 'long enough phrase', MIN)).toBeNull();
    expect(passphraseProblem('long enough phrase', null, MIN)).toBeNull();
  });

  it('groups a recovery code by its dashes, or in fours', () => {
    expect(groupRecoveryCode('ABCD-EFGH-JKMN')).toEqual(['ABCD', 'EFGH', 'JKMN']);
    expect(groupRecoveryCode('ABCDEFGHJK')).toEqual(['ABCD', 'EFGH', 'JK']);
  });
});
