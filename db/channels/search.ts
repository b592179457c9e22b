import { z } from 'zod';
import { channel } from './define';

export interface SearchHit {
  kind: 'person' | 'case' | 'contact';
  superviseeId: string;
  caseId: string | null;
  name: string;
  kana: string;
  caseNumber: string | null;
  /** For a contact note: the words around the match. */
  snippet: string | null;
}

export const searchChannels = {
  'search.query': channel<SearchHit[]>()(
    z.object({ q: z.string().max(100), limit: z.number().int().min(1).max(100).default(20) }).strict(),
  ),
} as const;
