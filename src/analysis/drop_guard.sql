
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

/*
 * TRUNCATE of the audit: the cheapest way to wipe it (with the chain heads
 * gone too, the next change starts a new chain that verifies).  Refused,
 * like DROP EXTENSION, unless postmortem.allow_drop is on; ENABLE ALWAYS,
 * so session_replication_role = replica does not skip it.  Named to fire
 * after fleet_guard_truncate, which names the subscription at a centre.
 */
CREATE FUNCTION postmortem.truncate_guard() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF pg_catalog.lower(COALESCE(pg_catalog.current_setting('postmortem.allow_drop', true), 'off'))
		   OPERATOR(pg_catalog.<>) ALL (ARRAY['on', 'true', 'yes', '1']) THEN
		RAISE EXCEPTION 'cannot truncate postmortem.%: it is part of the schema-change audit', TG_TABLE_NAME
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'TRUNCATE would delete the recorded schema changes (or their chain heads, parked rows or attributions) without a trace.',
				  HINT = 'Keep them first (pg_dump --schema=postmortem), then SET postmortem.allow_drop = on and run the statement again.';
	END IF;
	RAISE LOG 'postmortem: TRUNCATE of postmortem.% by role "%" (session user "%") with postmortem.allow_drop on',
		TG_TABLE_NAME, current_user, session_user;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION postmortem.truncate_guard() IS
	'Trigger: refuses TRUNCATE of the audit tables (55000) unless postmortem.allow_drop is on; logs one that goes ahead';
DO $$
DECLARE
	t name;
BEGIN
	FOREACH t IN ARRAY ARRAY['schema_change', 'schema_change_head', 'schema_change_pending',
							 'migration_attribution']::name[]
	LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER truncate_guard BEFORE TRUNCATE ON postmortem.%I FOR EACH STATEMENT EXECUTE FUNCTION postmortem.truncate_guard()', t);
		EXECUTE pg_catalog.format('ALTER TABLE postmortem.%I ENABLE ALWAYS TRIGGER truncate_guard', t);
		EXECUTE pg_catalog.format('COMMENT ON TRIGGER truncate_guard ON postmortem.%I IS %L', t,
								  'TRUNCATE of the audit is refused unless postmortem.allow_drop is on (truncate_guard)');
	END LOOP;
END
$$;
