/**
 * The change history of a person (audit entries of their rows) in words: which fields changed,
 * from what to what, with codes, dates and ids turned into what an officer reads. Pure.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../db/contract';
import { formatDate, type DateStyle } from '../../i18n/dates';

export interface HistoryChange {
  field: string;
  kind: 'set' | 'change' | 'removed';
  before: unknown;
  after: unknown;
}

/** Ids, row timestamps and links to the parent row say nothing to a reader. */
const HIDDEN = new Set(['id', 'created_at', 'updated_at', 'supervisee_id', 'case_id', 'phase_id', 'seq']);

const DATE_FIELDS = new Set([
  'birth_date',
  'start_date',
  'planned_end_date',
  'termination_date',
  'base_end_date',
  'end_date',
  'from_date',
  'resumed_on',
  'set_on',
  'changed_on',
  'lifted_on',
  'assessed_on',
]);
const BOOLEAN_FIELDS = new Set(['is_guarantor', 'guardian_instructed', 'partial_suspension', 'active']);

/** Code fields and the dictionary that words them (kind depends on the row). */
function codeDictionary(entity: string | null, field: string): string | null {
  switch (field) {
    case 'sex':
      return 'sex';
    case 'status':
      return 'status';
    case 'termination_reason':
      return 'termination';
    case 'employment_at_start':
    case 'employment_at_termination':
      return 'employment';
    case 'relation':
      return 'relation';
    case 'seminar_participation':
      return 'seminar';
    case 'overall_risk':
      return 'risk';
    case 'category':
      return 'categoryShort';
    case 'kind':
      return entity === 'case_phases' ? 'phaseKind' : entity === 'conditions' ? 'conditionKind' : null;
    default:
      return null;
  }
}

/** Fields in the order the forms show them; others follow alphabetically. */
const ORDER = [
  'family_name',
  'given_name',
  'family_kana',
  'given_kana',
  'family_romaji',
  'given_romaji',
  'birth_date',
  'sex',
  'phone',
  'address',
  'language_needs',
  'drug_types',
  'offences',
  'prior_convictions',
  'officer_id',
  'vpo_id',
  'name',
  'name_kana',
  'relation',
  'is_guarantor',
  'contact',
  'seminar_participation',
  'guardian_instructed',
  'case_number',
  'partial_suspension',
  'status',
  'category',
  'kind',
  'catalogue_code',
  'text',
  'start_date',
  'base_end_date',
  'end_date',
  'planned_end_date',
  'rule',
  'from_date',
  'resumed_on',
  'reason',
  'set_on',
  'changed_on',
  'lifted_on',
  'assessed_on',
  'overall_risk',
  'intensity_level',
  'domains',
  'termination_date',
  'termination_reason',
  'employment_at_start',
  'employment_at_termination',
  'guidelines',
  'notes',
];
function rank(field: string): number {
  const i = ORDER.indexOf(field);
  return i === -1 ? ORDER.length : i;
}

export function historyChanges(entry: Pick<AuditEntry, 'before' | 'after'>): HistoryChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])]
    .filter((f) => !HIDDEN.has(f))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return fields.map((field) => {
    const hasBefore = entry.before !== null && field in before;
    const hasAfter = entry.after !== null && field in after;
    return { field, kind: !hasBefore ? 'set' : hasAfter ? 'change' : 'removed', before: before[field], after: after[field] };
  });
}

export interface ValueContext {
  t: TFunction;
  style: DateStyle;
  /** Names of users and VPOs by id, where known. */
  names: ReadonlyMap<string, string>;
  /** Labels of catalogue entries by code, where known. */
  catalogue: ReadonlyMap<string, string>;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const RULE_LABELS: Record<string, string> = {
  decisionDate: 'intake.decisionDate',
  juvenileTerm: 'intake.juvenileTerm',
  releaseDate: 'intake.releaseDate',
  endDate: 'intake.endDate',
  sentenceEndDate: 'intake.sentenceEndDate',
  judgmentFinalDate: 'intake.judgmentFinalDate',
  paroleReleaseDate: 'intake.paroleDate',
  unsuspendedEndDate: 'intake.unsuspendedEndDate',
};

function ruleText(rule: Record<string, unknown>, ctx: ValueContext): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(rule)) {
    if (RULE_LABELS[k] === undefined) continue;
    if (v === null) {
      parts.push(`${ctx.t(RULE_LABELS[k])}: ${ctx.t('common.none')}`);
    } else if (k === 'juvenileTerm' && typeof v === 'string') {
      parts.push(`${ctx.t(RULE_LABELS[k])}: ${ctx.t(`peopleCodes.juvenileTerm.${v}`, { defaultValue: v })}`);
    } else if (typeof v === 'string') {
      parts.push(`${ctx.t(RULE_LABELS[k])}: ${formatDate(v, ctx.style) || v}`);
    }
  }
  if (typeof rule.suspensionYears === 'number') {
    parts.push(ctx.t('personHistory.term', { years: rule.suspensionYears, months: Number(rule.suspensionMonths ?? 0) }));
  }
  return parts.join(ctx.t('personHistory.separator'));
}

/** One field's value in words. */
export function historyValue(entity: string | null, field: string, value: unknown, ctx: ValueContext): string {
  const { t } = ctx;
  if (value === null || value === undefined || value === '') return t('common.none');
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDate(value, ctx.style) || value;
  if (BOOLEAN_FIELDS.has(field)) return value === 1 || value === true ? t('common.yes') : t('common.no');
  const dict = codeDictionary(entity, field);
  if (dict && typeof value === 'string') return t(`peopleCodes.${dict}.${value}`, { defaultValue: value });
  if (field === 'officer_id' || field === 'vpo_id' || field === 'assessed_by') {
    return typeof value === 'string' ? (ctx.names.get(value) ?? t('personHistory.unknownId', { id: value.slice(0, 8) })) : String(value);
  }
  if (field === 'catalogue_code' && typeof value === 'string') return ctx.catalogue.get(value) ?? value;
  if (field === 'drug_types') {
    const list = parseJson(value);
    if (Array.isArray(list)) {
      return list.length === 0 ? t('common.none') : list.map((d) => t(`peopleCodes.drug.${String(d)}`, { defaultValue: String(d) })).join(t('personHistory.separator'));
    }
  }
  if (field === 'rule') {
    const rule = parseJson(value);
    if (rule && typeof rule === 'object') return ruleText(rule as Record<string, unknown>, ctx);
  }
  if (field === 'domains') {
    const domains = parseJson(value);
    if (domains && typeof domains === 'object') {
      return Object.entries(domains as Record<string, { risk?: number; strength?: number }>)
        .map(([d, r]) => t('personHistory.domainRating', { domain: t(`peopleCodes.domain.${d}`, { defaultValue: d }), risk: r.risk ?? '', strength: r.strength ?? '' }))
        .join(t('personHistory.separator'));
    }
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** i18n key of an action ("cases.resume" → "personHistory.actions.cases_resume"). */
export function historyActionKey(action: string): string {
  return `personHistory.actions.${action.replace(/\./g, '_')}`;
}
