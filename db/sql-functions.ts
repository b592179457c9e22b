import { normalizeForSearch } from './casework/kana';
import type Database from 'better-sqlite3-multiple-ciphers';

/** Functions the schema's triggers call; registered on every connection before anything runs. */
export function registerSqlFunctions(db: Database.Database): void {
  db.function('search_text', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? normalizeForSearch(text) : '',
  );
}
