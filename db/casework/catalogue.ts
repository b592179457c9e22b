/**
 * Standard condition texts. General conditions (一般遵守事項, Offenders Rehabilitation Act Art. 50)
 * apply to everyone and are added to every new case; special conditions (特別遵守事項, Art. 51) are
 * chosen per person from this catalogue and usually adapted. The wording is ours, a summary of the
 * statute, not a quotation: an office can replace the texts here.
 */
import type { CatalogueEntry, SpecialConditionKind } from '../channels/casework';

export const GENERAL_CONDITIONS: readonly CatalogueEntry[] = [
  {
    code: 'general_sound_life',
    kind: 'general',
    labelJa: '健全な生活態度の保持',
    labelEn: 'Lead a sound life',
    text: '再び犯罪をすることがないよう、又は非行をなくすよう、健全な生活態度を保持すること。',
  },
  {
    code: 'general_supervision',
    kind: 'general',
    labelJa: '指導監督を誠実に受けること',
    labelEn: 'Accept visits and summons, answer truthfully',
    text:
      '保護観察官又は保護司の呼出し又は訪問を受けたときはこれに応じて面接を受け、生活の状況について問われたときは' +
      '事実を申告し、又は資料を示すこと。',
  },
  {
    code: 'general_residence',
    kind: 'general',
    labelJa: '届け出た住居に居住すること',
    labelEn: 'Live at the notified residence',
    text: '速やかに住居を定めて保護観察所の長に届け出て、その住居に居住すること。',
  },
  {
    code: 'general_moving_travel',
    kind: 'general',
    labelJa: '転居・7日以上の旅行の事前許可',
    labelEn: 'Prior permission to move or travel for 7 days or more',
    text: '転居し、又は7日以上の旅行をするときは、あらかじめ保護観察所の長の許可を受けること。',
  },
];

export const SPECIAL_CONDITIONS: readonly (CatalogueEntry & { kind: SpecialConditionKind })[] = [
  {
    code: 'no_association_with_drug_users',
    kind: 'prohibited_conduct',
    labelJa: '薬物使用者等との交際の禁止',
    labelEn: 'No association with drug users or dealers',
    text: '規制薬物を使用し、又は所持している者と交際しないこと。',
  },
  {
    code: 'no_drug_related_places',
    kind: 'prohibited_conduct',
    labelJa: '薬物の入手に関係する場所への出入りの禁止',
    labelEn: 'No visits to places where drugs are obtained',
    text: '規制薬物の入手に関係する場所に出入りしないこと。',
  },
  {
    code: 'keep_working',
    kind: 'required_conduct',
    labelJa: '就労の継続',
    labelEn: 'Keep working or looking for work',
    text: '就職活動を行い、又は仕事をすること。',
  },
  {
    code: 'keep_studying',
    kind: 'required_conduct',
    labelJa: '就学の継続',
    labelEn: 'Keep attending school',
    text: '学校に通い、学業に励むこと。',
  },
  {
    code: 'report_job_change',
    kind: 'prior_reporting',
    labelJa: '転職・離職の事前申告',
    labelEn: 'Report a change or loss of job beforehand',
    text: '仕事を変え、又は辞めようとするときは、あらかじめ保護観察官又は保護司に申告すること。',
  },
  {
    code: 'drug_relapse_prevention_program',
    kind: 'specialised_treatment',
    labelJa: '薬物再乱用防止プログラムの受講',
    labelEn: 'Attend the drug relapse prevention program',
    text:
      '規制薬物等に対する依存を改善するための専門的処遇として、薬物再乱用防止プログラムを受け、' +
      'その中で実施される簡易薬物検出検査を受けること。',
  },
  {
    code: 'reside_at_facility',
    kind: 'facility_residence',
    labelJa: '指定された施設への居住',
    labelEn: 'Live at the designated facility',
    text: '保護観察所の長が指定する更生保護施設等に居住すること。',
  },
];

export const CATALOGUE: readonly CatalogueEntry[] = [...GENERAL_CONDITIONS, ...SPECIAL_CONDITIONS];

export function findCatalogueEntry(code: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.code === code);
}
