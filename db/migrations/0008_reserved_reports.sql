-- Reserved: 0008 is the reports branch's migration. This file only keeps the numbers contiguous on
-- the sync branch (db/migrate.ts refuses gaps); drop it when the reports branch is merged.
SELECT 1;
