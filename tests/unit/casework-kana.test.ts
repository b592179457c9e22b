import { describe, expect, it } from 'vitest';
import { katakanaToHiragana, normalizeForSearch, romajiToHiragana, searchForms } from '../../db/casework/kana';

describe('Japanese search normalization', () => {
  it('folds width and katakana', () => {
    expect(normalizeForSearch('ﾔﾏﾀﾞ　ﾀﾛｳ')).toBe('やまだ たろう');
    expect(normalizeForSearch('ヤマダ')).toBe('やまだ');
    expect(normalizeForSearch('ＹＡＭＡＤＡ')).toBe('yamada');
    expect(katakanaToHiragana('ヴァイオリン')).toBe('ゔぁいおりん');
  });

  it('reads Hepburn and Kunrei romaji', () => {
    expect(romajiToHiragana('yamada')).toBe('やまだ');
    expect(romajiToHiragana('shinichi')).toBe('しにち'); // without the apostrophe n+i reads as に
    expect(romajiToHiragana("shin'ichi")).toBe('しんいち');
    expect(romajiToHiragana('tsuchiya')).toBe('つちや');
    expect(romajiToHiragana('tuchiya')).toBe('つちや');
    expect(romajiToHiragana('hattori')).toBe('はっとり');
    expect(romajiToHiragana('kenta')).toBe('けんた');
    expect(romajiToHiragana('honda')).toBe('ほんだ');
    expect(romajiToHiragana('shun')).toBe('しゅん');
    expect(romajiToHiragana('kyoko')).toBe('きょこ');
    expect(romajiToHiragana('sasaki kazuya')).toBe('ささき かずや');
    expect(romajiToHiragana('Ōno')).toBe('おうの');
    expect(romajiToHiragana('山田')).toBeNull();
    expect(romajiToHiragana('xq')).toBeNull();
  });

  it('searches romaji as kana, with both long-vowel spellings', () => {
    expect(searchForms('Ohno')).toEqual(expect.arrayContaining(['ohno', 'おおの']));
    expect(searchForms('ono')).toEqual(['ono', 'おの']);
    expect(searchForms('kato')).toContain('かと');
    expect(searchForms('ｻﾄｳ')).toEqual(['さとう']);
    expect(searchForms('  ')).toEqual([]);
  });
});
