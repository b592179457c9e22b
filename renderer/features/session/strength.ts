/**
 * A rough, offline passphrase strength estimate for the live hint under passphrase fields. It is
 * advice only: the service enforces the policy minimum. Bits are estimated from the character
 * pool, with runs, repeats and well-known passwords discounted.
 */
export type StrengthLevel = 'empty' | 'tooShort' | 'weak' | 'fair' | 'good' | 'strong';
export type StrengthHint =
  | 'tooShort'
  | 'addWords'
  | 'avoidRepeats'
  | 'avoidSequences'
  | 'avoidCommon'
  | 'mixCharacters';

export interface Strength {
  level: StrengthLevel;
  /** 0 (nothing) to 4 (strong), for the meter. */
  score: 0 | 1 | 2 | 3 | 4;
  bits: number;
  hints: StrengthHint[];
  /** Characters still missing to reach the minimum length. */
  missing: number;
}

const COMMON = [
  'password', 'passw0rd', 'qwerty', 'letmein', 'welcome', 'iloveyou', 'admin', 'administrator',
  'monkey', 'dragon', 'master', 'sunshine', 'princess', 'football', 'baseball', 'shadow',
  'abc123', 'trustno1', 'secret', 'changeme', 'default', 'hogo', 'hogocase', 'probation',
  'hogokansatsu', 'houmusyou', 'houmusho', 'tokyo', 'japan', 'nippon', 'sakura', 'pokemon',
];
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', 'abcdefghijklmnopqrstuvwxyz'];

function poolSize(chars: string[]): number {
  let lower = false, upper = false, digit = false, symbol = false, other = false;
  for (const c of chars) {
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '0' && c <= '9') digit = true;
    else if (c.charCodeAt(0) < 128) symbol = true;
    else other = true;
  }
  return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0);
}

function classCount(chars: string[]): number {
  const classes = new Set(
    chars.map((c) =>
      c >= 'a' && c <= 'z' ? 'l' : c >= 'A' && c <= 'Z' ? 'u' : c >= '0' && c <= '9' ? 'd' : c.charCodeAt(0) < 128 ? 's' : 'o',
    ),
  );
  return classes.size;
}

const ALNUM = /^[a-z0-9]$/u;

function isStep(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (ALNUM.test(x) && ALNUM.test(y) && Math.abs(x.charCodeAt(0) - y.charCodeAt(0)) === 1) return true;
  return KEYBOARD_ROWS.some((row) => {
    const i = row.indexOf(x);
    return i >= 0 && (row[i + 1] === y || row[i - 1] === y);
  });
}

/**
 * Counts characters that add little: the 3rd+ of a repeated run ("aaa") and of a sequence
 * ("abcd", "4321", "qwer").
 */
function weakCharacters(chars: string[]): { repeats: number; sequences: number } {
  let repeats = 0;
  let sequences = 0;
  let sameRun = 1;
  let stepRun = 1;
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1] as string;
    const cur = chars[i] as string;
    sameRun = cur === prev ? sameRun + 1 : 1;
    stepRun = isStep(prev, cur) ? stepRun + 1 : 1;
    if (sameRun >= 3) repeats++;
    else if (stepRun >= 3) sequences++;
  }
  return { repeats, sequences };
}

function looksCommon(passphrase: string): boolean {
  const core = passphrase
    .toLowerCase()
    .replace(/[^a-z0-9]+$/u, '')
    .replace(/\d+$/u, '')
    .replace(/^\d+/u, '');
  if (core.length === 0) return /^\d+$/u.test(passphrase);
  return COMMON.includes(core) || COMMON.includes(passphrase.toLowerCase());
}

export function estimateStrength(passphrase: string, minLength: number): Strength {
  const chars = Array.from(passphrase);
  const length = chars.length;
  if (length === 0) return { level: 'empty', score: 0, bits: 0, hints: [], missing: minLength };

  const { repeats, sequences } = weakCharacters(chars);
  const common = looksCommon(passphrase);
  const effective = Math.max(1, length - repeats - sequences);
  let bits = effective * Math.log2(Math.max(poolSize(chars), 2));
  if (common) bits = Math.min(bits, 12);
  bits = Math.round(bits);

  const hints: StrengthHint[] = [];
  const missing = Math.max(0, minLength - length);
  if (missing > 0) hints.push('tooShort');
  if (common) hints.push('avoidCommon');
  if (repeats > 0) hints.push('avoidRepeats');
  if (sequences > 0) hints.push('avoidSequences');

  let level: StrengthLevel;
  if (missing > 0) level = 'tooShort';
  else if (bits < 45) level = 'weak';
  else if (bits < 65) level = 'fair';
  else if (bits < 85) level = 'good';
  else level = 'strong';

  if (level !== 'strong' && level !== 'tooShort') {
    if (length < 20) hints.push('addWords');
    if (classCount(chars) === 1 && length < 20) hints.push('mixCharacters');
  }
  const score = ({ empty: 0, tooShort: 0, weak: 1, fair: 2, good: 3, strong: 4 } as const)[level];
  return { level, score, bits, hints, missing };
}
