/**
 * Japanese text normalization for search: full/half width folded (NFKC), katakana folded to
 * hiragana, and romaji typed by an officer turned into hiragana, so that 「ヤマダ」「やまだ」「ﾔﾏﾀﾞ」
 * and "yamada" all find 山田 (やまだ). Both Hepburn and Kunrei spellings are accepted.
 */

/** NFKC, lower case, katakana → hiragana, runs of spaces collapsed. */
export function normalizeForSearch(text: string): string {
  return katakanaToHiragana(text.normalize('NFKC').toLowerCase())
    .replace(/\s+/g, ' ')
    .trim();
}

export function katakanaToHiragana(text: string): string {
  // ァ (U+30A1) … ヶ (U+30F6) map 1:1 onto ぁ (U+3041) … ゖ (U+3096).
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const SYLLABLES: Record<string, string> = {
  a: 'あ', i: 'い', u: 'う', e: 'え', o: 'お',
  ka: 'か', ki: 'き', ku: 'く', ke: 'け', ko: 'こ',
  ga: 'が', gi: 'ぎ', gu: 'ぐ', ge: 'げ', go: 'ご',
  sa: 'さ', shi: 'し', si: 'し', su: 'す', se: 'せ', so: 'そ',
  za: 'ざ', ji: 'じ', zi: 'じ', zu: 'ず', ze: 'ぜ', zo: 'ぞ',
  ta: 'た', chi: 'ち', ti: 'ち', tsu: 'つ', tu: 'つ', te: 'て', to: 'と',
  da: 'だ', di: 'ぢ', du: 'づ', de: 'で', do: 'ど',
  na: 'な', ni: 'に', nu: 'ぬ', ne: 'ね', no: 'の',
  ha: 'は', hi: 'ひ', fu: 'ふ', hu: 'ふ', he: 'へ', ho: 'ほ',
  ba: 'ば', bi: 'び', bu: 'ぶ', be: 'べ', bo: 'ぼ',
  pa: 'ぱ', pi: 'ぴ', pu: 'ぷ', pe: 'ぺ', po: 'ぽ',
  ma: 'ま', mi: 'み', mu: 'む', me: 'め', mo: 'も',
  ya: 'や', yu: 'ゆ', yo: 'よ',
  ra: 'ら', ri: 'り', ru: 'る', re: 'れ', ro: 'ろ',
  wa: 'わ', wo: 'を',
  kya: 'きゃ', kyu: 'きゅ', kyo: 'きょ', gya: 'ぎゃ', gyu: 'ぎゅ', gyo: 'ぎょ',
  sha: 'しゃ', shu: 'しゅ', sho: 'しょ', sya: 'しゃ', syu: 'しゅ', syo: 'しょ',
  ja: 'じゃ', ju: 'じゅ', jo: 'じょ', zya: 'じゃ', zyu: 'じゅ', zyo: 'じょ', jya: 'じゃ', jyu: 'じゅ', jyo: 'じょ',
  cha: 'ちゃ', chu: 'ちゅ', cho: 'ちょ', tya: 'ちゃ', tyu: 'ちゅ', tyo: 'ちょ',
  nya: 'にゃ', nyu: 'にゅ', nyo: 'にょ', hya: 'ひゃ', hyu: 'ひゅ', hyo: 'ひょ',
  bya: 'びゃ', byu: 'びゅ', byo: 'びょ', pya: 'ぴゃ', pyu: 'ぴゅ', pyo: 'ぴょ',
  mya: 'みゃ', myu: 'みゅ', myo: 'みょ', rya: 'りゃ', ryu: 'りゅ', ryo: 'りょ',
  fa: 'ふぁ', fi: 'ふぃ', fe: 'ふぇ', fo: 'ふぉ', vu: 'ゔ',
};
const MACRONS: Record<string, string> = { 'ā': 'aa', 'ī': 'ii', 'ū': 'uu', 'ē': 'ee', 'ō': 'ou', 'â': 'aa', 'î': 'ii', 'û': 'uu', 'ê': 'ee', 'ô': 'ou' };

/**
 * Romaji → hiragana, or null when the text is not romaji. "n" before a consonant or at the end is
 * ん ("n'" or "nn" force it); a doubled consonant is っ.
 */
export function romajiToHiragana(input: string): string | null {
  const text = input.toLowerCase().replace(/[āīūēōâîûêô]/g, (c) => MACRONS[c]!);
  if (!/^[a-z' -]+$/.test(text)) return null;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '-') {
      out += ' ';
      i += 1;
      continue;
    }
    if (c === "'") {
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (c === 'n') {
      if (next === "'") {
        out += 'ん';
        i += 2;
        continue;
      }
      if (next === 'n' && !'aiueoy'.includes(text[i + 2] ?? '')) {
        out += 'ん';
        i += 2;
        continue;
      }
      if (next === undefined || !'aiueoy'.includes(next)) {
        out += 'ん';
        i += 1;
        continue;
      }
    }
    if (next === c && !'aiueon'.includes(c)) {
      out += 'っ';
      i += 1;
      continue;
    }
    if (c === 't' && next === 'c') {
      out += 'っ'; // "tch" as in matcha
      i += 1;
      continue;
    }
    let matched = false;
    for (const len of [3, 2, 1]) {
      const kana = SYLLABLES[text.slice(i, i + len)];
      if (kana) {
        out += kana;
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) return null;
  }
  return out;
}

/**
 * The forms a query is searched in: the normalized text and, when it reads as romaji, its
 * hiragana. Hepburn "oo"/"ou"/"oh" long vowels are also tried as both spellings.
 */
export function searchForms(query: string): string[] {
  const n = normalizeForSearch(query);
  if (!n) return [];
  const forms = new Set([n]);
  // "Ohno" spells おおの with Hepburn's "oh" for a long o.
  for (const romaji of new Set([n, n.replace(/oh(?=[^aiueo]|$)/g, 'oo')])) {
    const kana = romajiToHiragana(romaji);
    if (!kana) continue;
    forms.add(kana);
    forms.add(kana.replace(/おう/g, 'おお'));
    forms.add(kana.replace(/おお/g, 'おう'));
  }
  return [...forms];
}
