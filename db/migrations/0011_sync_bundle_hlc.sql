-- The sender's header clock of each bundle read or written (a sender's header clocks never go back). A sender's newer bundle carries everything the
-- receiver has not acknowledged, so a bundle older than the last one imported from the same
-- sender is recorded as 'stale' and not applied (it could replay an old purge or snapshot).
ALTER TABLE sync_bundles ADD COLUMN hlc TEXT;
CREATE INDEX sync_bundles_in_hlc ON sync_bundles (peer, hlc) WHERE direction = 'in' AND result = 'ok';
