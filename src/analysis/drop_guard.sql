
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
