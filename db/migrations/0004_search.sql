-- As-you-type search over names (kanji, kana, romaji), case numbers and contact notes.
-- search_terms holds one normalized text per searchable row (search_text() folds width, katakana
-- and case; it is registered on every connection by db/sql-functions.ts). search_fts indexes it with
-- the trigram tokenizer, which needs no Japanese word segmentation and also serves LIKE '%…%'.
-- An explicit INTEGER PRIMARY KEY keeps the FTS rowids stable across VACUUM and backups.
-- Sensitive contact notes are never indexed.

CREATE TABLE search_terms (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('person', 'case', 'contact')),
  ref_id        TEXT NOT NULL UNIQUE,
  supervisee_id TEXT NOT NULL,
  case_id       TEXT,
  text          TEXT NOT NULL
) STRICT;
CREATE INDEX search_terms_supervisee ON search_terms (supervisee_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (text, content = 'search_terms', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER search_terms_ai AFTER INSERT ON search_terms BEGIN
  INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_terms_ad AFTER DELETE ON search_terms BEGIN
  INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER search_terms_au AFTER UPDATE ON search_terms BEGIN
  INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER supervisees_search_ai AFTER INSERT ON supervisees BEGIN
  INSERT INTO search_terms (kind, ref_id, supervisee_id, text)
  VALUES ('person', new.id, new.id, search_text(new.family_name || new.given_name || ' ' || new.family_name || ' ' || new.given_name
    || ' ' || new.family_kana || new.given_kana || ' ' || new.family_kana || ' ' || new.given_kana
    || ' ' || new.family_romaji || ' ' || new.given_romaji || ' ' || new.given_romaji || ' ' || new.family_romaji));
END;
CREATE TRIGGER supervisees_search_au
AFTER UPDATE OF family_name, given_name, family_kana, given_kana, family_romaji, given_romaji ON supervisees BEGIN
  UPDATE search_terms SET text = search_text(new.family_name || new.given_name || ' ' || new.family_name || ' ' || new.given_name
    || ' ' || new.family_kana || new.given_kana || ' ' || new.family_kana || ' ' || new.given_kana
    || ' ' || new.family_romaji || ' ' || new.given_romaji || ' ' || new.given_romaji || ' ' || new.family_romaji)
  WHERE ref_id = new.id;
END;

CREATE TRIGGER cases_search_ai AFTER INSERT ON cases BEGIN
  INSERT INTO search_terms (kind, ref_id, supervisee_id, case_id, text)
  VALUES ('case', new.id, new.supervisee_id, new.id, search_text(new.case_number));
END;
CREATE TRIGGER cases_search_au AFTER UPDATE OF case_number ON cases BEGIN
  UPDATE search_terms SET text = search_text(new.case_number) WHERE ref_id = new.id;
END;

CREATE TRIGGER contacts_search_ai AFTER INSERT ON contacts WHEN new.sensitive = 0 AND new.notes <> '' BEGIN
  INSERT INTO search_terms (kind, ref_id, supervisee_id, case_id, text)
  SELECT 'contact', new.id, c.supervisee_id, new.case_id, search_text(new.notes) FROM cases c WHERE c.id = new.case_id;
END;
CREATE TRIGGER contacts_search_au AFTER UPDATE OF notes, sensitive ON contacts BEGIN
  DELETE FROM search_terms WHERE ref_id = new.id;
  INSERT INTO search_terms (kind, ref_id, supervisee_id, case_id, text)
  SELECT 'contact', new.id, c.supervisee_id, new.case_id, search_text(new.notes)
  FROM cases c WHERE c.id = new.case_id AND new.sensitive = 0 AND new.notes <> '';
END;
