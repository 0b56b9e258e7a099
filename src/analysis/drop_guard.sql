
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
	'event trigger: refuse to drop the extension (DROP EXTENSION, DROP SCHEMA, DROP OWNED, a DROP ... CASCADE that reaches one of its members, ALTER EXTENSION postmortem DROP TABLE) while it holds incidents or recorded schema changes, unless postmortem.allow_drop is on; log the drop when it goes ahead';
CREATE EVENT TRIGGER postmortem_drop_guard ON ddl_command_start
	WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA', 'DROP OWNED',
				 -- what a member may depend on: a CASCADE drops the extension
				 'DROP LANGUAGE', 'DROP TYPE', 'DROP DOMAIN', 'DROP FUNCTION',
				 'DROP PROCEDURE', 'DROP ROUTINE', 'DROP AGGREGATE', 'DROP OPERATOR',
				 'DROP OPERATOR CLASS', 'DROP OPERATOR FAMILY', 'DROP CAST',
				 'DROP COLLATION', 'DROP TABLE', 'DROP VIEW', 'DROP MATERIALIZED VIEW',
				 'DROP SEQUENCE', 'DROP FOREIGN TABLE', 'DROP INDEX', 'DROP SERVER',
				 'DROP FOREIGN DATA WRAPPER', 'DROP ACCESS METHOD',
				 'DROP TEXT SEARCH CONFIGURATION', 'DROP TEXT SEARCH DICTIONARY',
				 'DROP TEXT SEARCH PARSER', 'DROP TEXT SEARCH TEMPLATE',
				 'DROP TRANSFORM', 'DROP CONVERSION', 'DROP STATISTICS',
				 'ALTER EXTENSION')
	EXECUTE FUNCTION postmortem.drop_guard();
-- like the recorder's, it fires with session_replication_role = replica too
ALTER EVENT TRIGGER postmortem_drop_guard ENABLE ALWAYS;
COMMENT ON EVENT TRIGGER postmortem_drop_guard IS
	'keeps DROP EXTENSION postmortem from deleting incidents and the audit by accident: see postmortem.drop_guard()';
