/** Editing contact standards: a level as the form holds it, its checks, and what is saved. Pure. */
import type { ContactKind, ContactStandard, InputOf } from '../../../db/contract';
import { CONTACT_KIND_OPTIONS } from '../contacts/codes';

export type CountsFor = 'po' | 'vpo' | 'none';

export interface Draft {
  id: string;
  label: string;
  poPerMonth: string;
  vpoPerMonth: string;
  kinds: Record<ContactKind, CountsFor>;
}

export type DraftField = 'label' | 'poPerMonth' | 'vpoPerMonth' | 'kinds';

export function toDraft(s: ContactStandard): Draft {
  const kinds = Object.fromEntries(
    CONTACT_KIND_OPTIONS.map((k) => [k, s.poKinds.includes(k) ? 'po' : s.vpoKinds.includes(k) ? 'vpo' : 'none']),
  ) as Record<ContactKind, CountsFor>;
  return { id: s.id, label: s.label, poPerMonth: String(s.poPerMonth), vpoPerMonth: String(s.vpoPerMonth), kinds };
}

function perMonth(s: string): number | null {
  const v = s.trim();
  if (!/^\d{1,2}$/.test(v)) return null;
  const n = Number(v);
  return n <= 31 ? n : null;
}

/** Message keys for what is wrong with a draft, per field. */
export function draftProblems(d: Draft): Partial<Record<DraftField, string>> {
  const out: Partial<Record<DraftField, string>> = {};
  if (!d.label.trim()) out.label = 'daily.standardsPage.labelRequired';
  else if (d.label.trim().length > 80) out.label = 'daily.standardsPage.labelTooLong';
  if (perMonth(d.poPerMonth) === null) out.poPerMonth = 'daily.standardsPage.numberInvalid';
  if (perMonth(d.vpoPerMonth) === null) out.vpoPerMonth = 'daily.standardsPage.numberInvalid';
  return out;
}

export function toInput(d: Draft): InputOf<'standards.save'> {
  const side = (s: CountsFor) => CONTACT_KIND_OPTIONS.filter((k) => d.kinds[k] === s);
  return {
    id: d.id,
    label: d.label.trim(),
    poPerMonth: perMonth(d.poPerMonth) ?? 0,
    vpoPerMonth: perMonth(d.vpoPerMonth) ?? 0,
    poKinds: side('po'),
    vpoKinds: side('vpo'),
  };
}

export function isDirty(d: Draft, s: ContactStandard): boolean {
  const o = toDraft(s);
  return (
    d.label.trim() !== o.label ||
    d.poPerMonth.trim() !== o.poPerMonth ||
    d.vpoPerMonth.trim() !== o.vpoPerMonth ||
    CONTACT_KIND_OPTIONS.some((k) => d.kinds[k] !== o.kinds[k])
  );
}

export function isLevelCode(s: string): boolean {
  return /^[A-Za-z0-9_-]{1,16}$/.test(s);
}
