
/*
 * analysis: 0.1.0 → 0.2.0
 */

-- Immune to the caller's search_path (issue 9 item 1).
ALTER FUNCTION postmortem.incident_document(postmortem.incident) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.suspects(bigint, interval) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.cite(bigint, bigint, postmortem.citation_role, text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.incident_timeline(bigint) SET search_path = pg_catalog, pg_temp;

/*
 * The drop guard — src/analysis/drop_guard.c
 *
 * DROP EXTENSION postmortem (or DROP SCHEMA postmortem CASCADE, or DROP
 * OWNED BY its owner) while incidents or audit rows exist fails unless
 * postmortem.allow_drop is on; a drop that goes ahead is written to the
 * server log.
 */
CREATE FUNCTION postmortem.drop_guard() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'postmortem_drop_guard' LANGUAGE C;
COMMENT ON FUNCTION postmortem.drop_guard() IS
	'event trigger: refuse to drop the extension (DROP EXTENSION, DROP SCHEMA, DROP OWNED) while it holds incidents or recorded schema changes, unless postmortem.allow_drop is on; log the drop when it goes ahead';
CREATE EVENT TRIGGER postmortem_drop_guard ON ddl_command_start
	WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA', 'DROP OWNED')
	EXECUTE FUNCTION postmortem.drop_guard();
-- like the recorder's, it fires with session_replication_role = replica too
ALTER EVENT TRIGGER postmortem_drop_guard ENABLE ALWAYS;
COMMENT ON EVENT TRIGGER postmortem_drop_guard IS
	'keeps DROP EXTENSION postmortem from deleting incidents and the audit by accident: see postmortem.drop_guard()';

-- Access (issue 14): citations of a private incident, and the view as the caller.
ALTER TABLE postmortem.citation ENABLE ROW LEVEL SECURITY;
CREATE POLICY citation_visible ON postmortem.citation
	USING (EXISTS (SELECT FROM postmortem.incident i WHERE i.id = incident_id));
COMMENT ON POLICY citation_visible ON postmortem.citation IS
	'a citation is seen and written by those who see its incident';
ALTER VIEW postmortem.change_failure_rate SET (security_invoker = true);

-- pg_restore -j may load citation before incident or schema_change
-- (src/incident/restore.c)
CREATE TRIGGER citation_restore_load_start BEFORE INSERT ON postmortem.citation
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER citation_restore_load_start ON postmortem.citation IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER citation_restore_load_end AFTER INSERT ON postmortem.citation
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.citation ENABLE ALWAYS TRIGGER citation_restore_load_end;
COMMENT ON TRIGGER citation_restore_load_end ON postmortem.citation IS
	'restoring a dump: foreign key checks again after the statement';
