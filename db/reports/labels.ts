/** Labels of the codes report rows are keyed by (categories, drug types…), in Japanese and English. */
import type { Text } from './build';

export const CATEGORY: Record<string, Text> = {
  '1': ['1号観察（保護観察処分少年）', 'Category 1 (juvenile probation)'],
  '2': ['2号観察（少年院仮退院者）', 'Category 2 (juvenile training school parole)'],
  '3': ['3号観察（仮釈放者）', 'Category 3 (prison parole)'],
  '4': ['4号観察（保護観察付執行猶予者）', 'Category 4 (probation, suspended sentence)'],
  '5': ['5号観察（婦人補導院仮退院者）', "Category 5 (women's guidance home parole)"],
};

export const CATEGORY_SHORT: Record<string, Text> = {
  '1': ['1号', 'Cat. 1'],
  '2': ['2号', 'Cat. 2'],
  '3': ['3号', 'Cat. 3'],
  '4': ['4号', 'Cat. 4'],
  '5': ['5号', 'Cat. 5'],
};

export const DRUG: Record<string, Text> = {
  stimulants: ['覚醒剤', 'Stimulants'],
  cannabis: ['大麻', 'Cannabis'],
  mdma_synthetics: ['MDMA等合成麻薬', 'MDMA / synthetics'],
  organic_solvents: ['有機溶剤（シンナー等）', 'Organic solvents'],
  opioids: ['あへん・ヘロイン等', 'Opioids'],
  cocaine: ['コカイン', 'Cocaine'],
  dangerous_drugs: ['危険ドラッグ', 'New psychoactive substances'],
  other: ['その他', 'Other'],
  none: ['記録なし', 'None recorded'],
};

export const SEX: Record<string, Text> = {
  male: ['男性', 'Male'],
  female: ['女性', 'Female'],
  other: ['その他', 'Other'],
  unknown: ['不明', 'Unknown'],
};

export const AGE_BANDS = ['under20', '20-29', '30-39', '40-49', '50-64', '65+'] as const;
export const AGE_BAND: Record<string, Text> = {
  under20: ['20歳未満', 'Under 20'],
  '20-29': ['20〜29歳', '20–29'],
  '30-39': ['30〜39歳', '30–39'],
  '40-49': ['40〜49歳', '40–49'],
  '50-64': ['50〜64歳', '50–64'],
  '65+': ['65歳以上', '65 and over'],
};

/** Age in whole years on a date, as SQL over two ISO date expressions. */
export function ageSql(birth: string, on: string): string {
  return `(CAST(substr(${on}, 1, 4) AS INTEGER) - CAST(substr(${birth}, 1, 4) AS INTEGER) - (substr(${on}, 6, 5) < substr(${birth}, 6, 5)))`;
}

/** The age band key of an age expression (AGE_BANDS). */
export function ageBandSql(age: string): string {
  return `CASE WHEN ${age} < 20 THEN 'under20' WHEN ${age} < 30 THEN '20-29' WHEN ${age} < 40 THEN '30-39'
    WHEN ${age} < 50 THEN '40-49' WHEN ${age} < 65 THEN '50-64' ELSE '65+' END`;
}

export const EMPLOYMENT: Record<string, Text> = {
  employed: ['就労', 'Employed'],
  student: ['就学', 'Student'],
  unemployed: ['無職', 'Unemployed'],
  other: ['その他', 'Other'],
  unknown: ['不明', 'Unknown'],
};

export const TEST_RESULT: Record<string, Text> = {
  negative: ['陰性', 'Negative'],
  positive: ['陽性', 'Positive'],
  invalid: ['判定不能', 'Invalid'],
  refused: ['拒否', 'Refused'],
};

export const MEASURE: Record<string, Text> = {
  warning: ['警告', 'Warning'],
  compulsory_appearance: ['引致', 'Compulsory appearance'],
  detention: ['留置', 'Detention'],
  revocation_application: ['取消しの申出・申請', 'Application to revoke'],
  provisional_cancellation: ['仮解除', 'Provisional cancellation'],
  suspension: ['保護観察の停止', 'Suspension of supervision'],
};

export const TERMINATION: Record<string, Text> = {
  expiry: ['期間満了', 'Expiry'],
  revocation: ['取消し', 'Revocation'],
  other: ['その他', 'Other'],
};

export const EXIT_DESTINATION: Record<string, Text> = {
  rented_housing: ['賃貸住宅', 'Rented housing'],
  employer_housing: ['雇用主の寮等', 'Employer housing'],
  family: ['家族のもと', 'Family'],
  other: ['その他', 'Other'],
  unknown: ['記録なし', 'Not recorded'],
};
