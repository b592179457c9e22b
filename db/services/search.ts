import { searchForms } from '../casework/kana';
import type { ParsedInputOf, SearchHit } from '../contract';
import { stmt } from '../statements';
import type { ServiceContext } from '../write';

interface TermRow {
  kind: SearchHit['kind'];
  ref_id: string;
  supervisee_id: string;
  case_id: string | null;
  text: string;
}

const KIND_ORDER: Record<SearchHit['kind'], number> = { person: 0, case: 1, contact: 2 };
// The trigram index answers LIKE '%…%' for patterns of 3 characters or more, but only without an
// ESCAPE clause; shorter patterns, and those holding a LIKE wildcard, scan.
export const VIA_INDEX = `SELECT t.kind, t.ref_id, t.supervisee_id, t.case_id, t.text
  FROM search_fts f JOIN search_terms t ON t.id = f.rowid
  WHERE f.text LIKE @pattern LIMIT @cap`;
const BY_SCAN = `SELECT kind, ref_id, supervisee_id, case_id, text FROM search_terms
  WHERE text LIKE @pattern ESCAPE '\\' LIMIT @cap`;

/** As-you-type search over names in kanji, kana and romaji, case numbers and contact notes. */
export function search(ctx: ServiceContext, input: ParsedInputOf<'search.query'>): SearchHit[] {
  const forms = searchForms(input.q);
  if (forms.length === 0) return [];
  const cap = input.limit * 5;
  const found = new Map<string, { row: TermRow; form: string }>();
  for (const form of forms) {
    const indexed = [...form].length >= 3 && !/[\\%_]/.test(form);
    const pattern = indexed ? `%${form}%` : `%${escapeLike(form)}%`;
    for (const row of stmt(ctx.db, indexed ? VIA_INDEX : BY_SCAN).all({ pattern, cap }) as TermRow[]) {
      if (!found.has(row.ref_id)) found.set(row.ref_id, { row, form });
    }
  }
  const ranked = [...found.values()].sort((a, b) => KIND_ORDER[a.row.kind] - KIND_ORDER[b.row.kind]);
  const seenPeople = new Set<string>();
  const hits: SearchHit[] = [];
  for (const { row, form } of ranked) {
    // A person matched by name already covers their case-number and note matches.
    if (row.kind !== 'contact' && seenPeople.has(row.supervisee_id)) continue;
    seenPeople.add(row.supervisee_id);
    const person = stmt(
      ctx.db,
      `SELECT s.family_name, s.given_name, s.family_kana, s.given_kana,
         (SELECT c.case_number FROM cases c WHERE c.supervisee_id = s.id ORDER BY c.status = 'terminated', c.start_date DESC LIMIT 1) AS case_number
       FROM supervisees s WHERE s.id = ?`,
    ).get(row.supervisee_id) as
      | { family_name: string; given_name: string; family_kana: string; given_kana: string; case_number: string | null }
      | undefined;
    if (!person) continue;
    const caseNumber =
      row.kind === 'person'
        ? person.case_number
        : ((stmt(ctx.db, 'SELECT case_number FROM cases WHERE id = ?').get(row.case_id) as { case_number: string } | undefined)
            ?.case_number ?? person.case_number);
    hits.push({
      kind: row.kind,
      superviseeId: row.supervisee_id,
      caseId: row.kind === 'person' ? null : row.case_id,
      name: `${person.family_name} ${person.given_name}`,
      kana: `${person.family_kana} ${person.given_kana}`,
      caseNumber,
      snippet: row.kind === 'contact' ? contactSnippet(ctx, row, form) : null,
    });
    if (hits.length >= input.limit) break;
  }
  return hits;
}

/** The original note around the match (offsets found in the normalized text, which keeps lengths). */
function contactSnippet(ctx: ServiceContext, row: TermRow, form: string): string {
  const original = (stmt(ctx.db, 'SELECT notes FROM contacts WHERE id = ?').get(row.ref_id) as { notes: string } | undefined)?.notes ?? '';
  const at = Math.max(0, row.text.indexOf(form));
  const start = Math.max(0, at - 20);
  const end = at + form.length + 30;
  return `${start > 0 ? '…' : ''}${original.slice(start, end)}${end < original.length ? '…' : ''}`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
