-- Casework core: a person's change history is read from the audit trail by row (entity, entity_id);
-- without this index that read scans the whole trail, which grows with every contact recorded.
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
