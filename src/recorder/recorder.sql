
/*
 * schema-change recorder — src/recorder/capture.c (event triggers, buffering, the
 * write at commit), src/recorder/facts.c (statement text, lock modes,
 * definitions), src/recorder/revert.c (revert statements), src/recorder/chain.c (hash
 * chain), src/recorder/hook.c (ProcessUtility hook in preload mode).
 *
 * The recorder writes rows itself, as the extension, at commit: ordinary
 * roles have no privilege on these tables at all, and each row is chained to
 * the previous one by a SHA-256 hash.
 */
CREATE SEQUENCE postmortem.schema_change_id_seq AS bigint;
COMMENT ON SEQUENCE postmortem.schema_change_id_seq IS
	'Identifiers of recorded schema changes, in the order they were chained';

CREATE TABLE postmortem.schema_change (
	id					bigint NOT NULL DEFAULT nextval('postmortem.schema_change_id_seq') PRIMARY KEY,
	at					timestamptz NOT NULL,
	finished_at			timestamptz,
	duration			interval GENERATED ALWAYS AS (finished_at - at) STORED,
	xid					xid8,
	command_tag			text NOT NULL,
	object_type			text,
	object_identity		text,
	schema_name			text,
	table_name			text,
	table_oid			oid,
	statement			text,
	role_name			text NOT NULL DEFAULT current_user,
	application_name	text,
	client_addr			inet,
	backend_pid			integer,
	database_name		text NOT NULL DEFAULT current_database(),
	migration			text,
	lock_mode			text,
	blocks_writes		boolean,
	blocks_reads		boolean,
	rewrote_table		boolean NOT NULL DEFAULT false,
	rewrite_reason		text,
	definition_before	text,
	definition_after	text,
	revert_statement	text,
	index_invalid		boolean NOT NULL DEFAULT false,
	failed				boolean NOT NULL DEFAULT false,
	table_rows			bigint,
	table_seq_scan		bigint,
	table_idx_scan		bigint,
	origin				text,
	prev_hash			bytea,
	row_hash			bytea
);
ALTER SEQUENCE postmortem.schema_change_id_seq OWNED BY postmortem.schema_change.id;
CREATE INDEX schema_change_at_idx ON postmortem.schema_change (at);
CREATE INDEX schema_change_table_at_idx ON postmortem.schema_change (table_oid, at);
SELECT pg_catalog.pg_extension_config_dump('postmortem.schema_change', '');
SELECT pg_catalog.pg_extension_config_dump('postmortem.schema_change_id_seq', '');
REVOKE ALL ON postmortem.schema_change FROM PUBLIC;
REVOKE ALL ON SEQUENCE postmortem.schema_change_id_seq FROM PUBLIC;

COMMENT ON TABLE postmortem.schema_change IS
	'Every schema change, one row per object a DDL command touched; written by the recorder at commit, append-only, hash-chained';
COMMENT ON COLUMN postmortem.schema_change.id IS 'Increasing identifier; also the order of the hash chain';
COMMENT ON COLUMN postmortem.schema_change.at IS 'When the command started (ddl_command_start)';
COMMENT ON COLUMN postmortem.schema_change.finished_at IS 'When the command finished (ddl_command_end)';
COMMENT ON COLUMN postmortem.schema_change.duration IS 'finished_at - at: how long the command ran, lock waits included';
COMMENT ON COLUMN postmortem.schema_change.xid IS 'Top-level transaction id of the command';
COMMENT ON COLUMN postmortem.schema_change.command_tag IS 'Command tag for this object, e.g. CREATE INDEX';
COMMENT ON COLUMN postmortem.schema_change.object_type IS 'Object type as pg_event_trigger_ddl_commands() names it';
COMMENT ON COLUMN postmortem.schema_change.object_identity IS 'Object identity, quoted as PostgreSQL quotes it';
COMMENT ON COLUMN postmortem.schema_change.schema_name IS 'Schema of the object';
COMMENT ON COLUMN postmortem.schema_change.table_name IS 'Qualified name of the table the object belongs to (the table itself, an index''s table, ...)';
COMMENT ON COLUMN postmortem.schema_change.table_oid IS 'OID of that table at the time of the change';
COMMENT ON COLUMN postmortem.schema_change.statement IS 'The exact statement, also when it was sent in a string of several';
COMMENT ON COLUMN postmortem.schema_change.role_name IS 'Role that ran the command (current_user)';
COMMENT ON COLUMN postmortem.schema_change.application_name IS 'application_name of the session';
COMMENT ON COLUMN postmortem.schema_change.client_addr IS 'Client address; NULL over a Unix socket';
COMMENT ON COLUMN postmortem.schema_change.backend_pid IS 'Backend process id';
COMMENT ON COLUMN postmortem.schema_change.database_name IS 'Database the command ran in';
COMMENT ON COLUMN postmortem.schema_change.migration IS 'Migration: postmortem.migration, or the history row (Flyway, Django, Rails, Alembic, Sqitch) written in the same transaction';
COMMENT ON COLUMN postmortem.schema_change.lock_mode IS 'Lock the command takes on its table, e.g. SHARE, SHARE UPDATE EXCLUSIVE, ACCESS EXCLUSIVE';
COMMENT ON COLUMN postmortem.schema_change.blocks_writes IS 'Whether that lock blocks INSERT/UPDATE/DELETE';
COMMENT ON COLUMN postmortem.schema_change.blocks_reads IS 'Whether that lock blocks SELECT';
COMMENT ON COLUMN postmortem.schema_change.rewrote_table IS 'Whether the command rewrote the table (table_rewrite event)';
COMMENT ON COLUMN postmortem.schema_change.rewrite_reason IS 'Why it was rewritten';
COMMENT ON COLUMN postmortem.schema_change.definition_before IS 'Definition before the change (pg_get_indexdef for an index, columns for a table, the query for a view)';
COMMENT ON COLUMN postmortem.schema_change.definition_after IS 'Definition after the change';
COMMENT ON COLUMN postmortem.schema_change.revert_statement IS 'Statement that undoes the change; NULL when none can (see postmortem.revert_sql)';
COMMENT ON COLUMN postmortem.schema_change.index_invalid IS 'The index was left invalid (a failed CREATE INDEX CONCURRENTLY)';
COMMENT ON COLUMN postmortem.schema_change.failed IS 'The command failed after part of it had committed (concurrent index builds)';
COMMENT ON COLUMN postmortem.schema_change.table_rows IS 'reltuples of the table when the change ran';
COMMENT ON COLUMN postmortem.schema_change.table_seq_scan IS 'Sequential scans of the table so far (pg_stat_user_tables.seq_scan) when the change ran';
COMMENT ON COLUMN postmortem.schema_change.table_idx_scan IS 'Index scans of the table so far (pg_stat_user_tables.idx_scan) when the change ran';
COMMENT ON COLUMN postmortem.schema_change.origin IS 'Where the row was recorded: system identifier and database, unique across a fleet';
COMMENT ON COLUMN postmortem.schema_change.prev_hash IS 'row_hash of the previous row (NULL for the first)';
COMMENT ON COLUMN postmortem.schema_change.row_hash IS 'SHA-256 over prev_hash and every other column of the row';

CREATE FUNCTION postmortem.schema_change_hash(postmortem.schema_change)
	RETURNS bytea
	AS 'MODULE_PATHNAME', 'pm_schema_change_hash'
	LANGUAGE C STRICT STABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.schema_change_hash(postmortem.schema_change) IS
	'SHA-256 of a schema_change row as the recorder chained it: prev_hash followed by every other column in a canonical binary form';

CREATE FUNCTION postmortem.verify_audit()
	RETURNS TABLE (schema_change_id bigint, problem text, expected bytea, found bytea)
	LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
	WITH c AS (
		SELECT s.id, s.prev_hash, s.row_hash,
			   lag(s.row_hash) OVER (ORDER BY s.id) AS expected_prev,
			   postmortem.schema_change_hash(s) AS computed
		  FROM postmortem.schema_change s
	), problems AS (
		SELECT c.id, 1 AS ord, 'row changed after it was recorded: its hash does not match its contents' AS problem,
			   c.computed AS expected, c.row_hash AS found
		  FROM c WHERE c.row_hash IS DISTINCT FROM c.computed
		UNION ALL
		SELECT c.id, 2, CASE WHEN c.expected_prev IS NULL
							 THEN 'rows missing before the first row'
							 ELSE 'chain broken before this row: a row was deleted or inserted' END,
			   c.expected_prev, c.prev_hash
		  FROM c WHERE c.prev_hash IS DISTINCT FROM c.expected_prev
		UNION ALL
		SELECT q.last_value, 3, 'rows missing at the end of the chain: the newest recorded rows are gone',
			   NULL, NULL
		  FROM postmortem.schema_change_id_seq q
		 WHERE q.is_called
		   AND q.last_value > coalesce((SELECT max(s.id) FROM postmortem.schema_change s), 0)
	)
	SELECT p.id, p.problem, p.expected, p.found FROM problems p ORDER BY p.id NULLS LAST, p.ord
$$;
COMMENT ON FUNCTION postmortem.verify_audit() IS
	'Checks the schema_change hash chain: one row per broken link (a row edited, deleted or inserted behind the recorder''s back), none when intact';

/* Event triggers: C functions in src/recorder/capture.c. */
CREATE FUNCTION postmortem.recorder_ddl_start() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'pm_recorder_ddl_start' LANGUAGE C;
COMMENT ON FUNCTION postmortem.recorder_ddl_start() IS
	'ddl_command_start: notes the start time, the statement, the lock it will take and the definitions about to change';
CREATE FUNCTION postmortem.recorder_sql_drop() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'pm_recorder_sql_drop' LANGUAGE C;
COMMENT ON FUNCTION postmortem.recorder_sql_drop() IS
	'sql_drop: notes every object the command dropped, with the definition read before it was gone';
CREATE FUNCTION postmortem.recorder_table_rewrite() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'pm_recorder_table_rewrite' LANGUAGE C;
COMMENT ON FUNCTION postmortem.recorder_table_rewrite() IS
	'table_rewrite: notes that the command rewrites a table, and why';
CREATE FUNCTION postmortem.recorder_ddl_end() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'pm_recorder_ddl_end' LANGUAGE C;
COMMENT ON FUNCTION postmortem.recorder_ddl_end() IS
	'ddl_command_end: builds one row per object the command touched; rows are written at commit';

CREATE EVENT TRIGGER postmortem_recorder_start ON ddl_command_start
	EXECUTE FUNCTION postmortem.recorder_ddl_start();
CREATE EVENT TRIGGER postmortem_recorder_drop ON sql_drop
	EXECUTE FUNCTION postmortem.recorder_sql_drop();
CREATE EVENT TRIGGER postmortem_recorder_rewrite ON table_rewrite
	EXECUTE FUNCTION postmortem.recorder_table_rewrite();
CREATE EVENT TRIGGER postmortem_recorder_end ON ddl_command_end
	EXECUTE FUNCTION postmortem.recorder_ddl_end();
ALTER EVENT TRIGGER postmortem_recorder_start ENABLE ALWAYS;
ALTER EVENT TRIGGER postmortem_recorder_drop ENABLE ALWAYS;
ALTER EVENT TRIGGER postmortem_recorder_rewrite ENABLE ALWAYS;
ALTER EVENT TRIGGER postmortem_recorder_end ENABLE ALWAYS;

CREATE FUNCTION postmortem.revert_sql(schema_change_id bigint)
	RETURNS text
	AS 'MODULE_PATHNAME', 'pm_revert_sql'
	LANGUAGE C STRICT STABLE
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION postmortem.revert_sql(bigint) IS
	'The statement that undoes a recorded schema change; SQLSTATE 0A000 when no statement can';

CREATE FUNCTION postmortem.recorder_status(
		OUT item text, OUT recorded boolean, OUT detail text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'pm_recorder_status'
	LANGUAGE C STABLE;
COMMENT ON FUNCTION postmortem.recorder_status() IS
	'What the recorder sees in this session, and what it misses without shared_preload_libraries = ''postmortem''';

CREATE FUNCTION postmortem.record_failed_builds()
	RETURNS integer
	AS 'MODULE_PATHNAME', 'pm_record_failed_builds'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION postmortem.record_failed_builds() IS
	'Writes the concurrent index builds of this session that failed and left an invalid index (done on its own at the next schema change and when the session ends); returns how many';
COMMENT ON EVENT TRIGGER postmortem_recorder_start IS
	'postmortem recorder: notes the command''s start time and reads what a DROP is about to remove (index definitions)';
COMMENT ON EVENT TRIGGER postmortem_recorder_drop IS
	'postmortem recorder: one row per object a DROP removed';
COMMENT ON EVENT TRIGGER postmortem_recorder_rewrite IS
	'postmortem recorder: notes that a command rewrote its table, and why';
COMMENT ON EVENT TRIGGER postmortem_recorder_end IS
	'postmortem recorder: one row per object a command created or altered, with its facts';
