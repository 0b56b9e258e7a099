
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
CREATE FUNCTION postmortem.local_origin()
	RETURNS text
	AS 'MODULE_PATHNAME', 'pm_local_origin'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.local_origin() IS
	'The origin this database records its schema changes under: <system identifier>/<database name>';

CREATE FUNCTION postmortem.schema_change_next_id()
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'pm_schema_change_next_id'
	LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION postmortem.schema_change_next_id() IS
	'Default id of a schema_change row inserted by hand: after every row of the table (the recorder takes its ids from the chain head, and never changes lastval()); not PUBLIC: it reads the audit without a privilege check';
REVOKE EXECUTE ON FUNCTION postmortem.schema_change_next_id() FROM PUBLIC;

CREATE TABLE postmortem.schema_change (
	id					bigint NOT NULL DEFAULT postmortem.schema_change_next_id(),
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
	origin				text COLLATE "C" NOT NULL DEFAULT postmortem.local_origin(),
	prev_hash			bytea,
	row_hash			bytea,
	session_role		text,
	CONSTRAINT schema_change_pkey PRIMARY KEY (id, origin)
);
CREATE INDEX schema_change_at_idx ON postmortem.schema_change (at);
CREATE INDEX schema_change_table_at_idx ON postmortem.schema_change (table_oid, at);
SELECT pg_catalog.pg_extension_config_dump('postmortem.schema_change', '');
REVOKE ALL ON postmortem.schema_change FROM PUBLIC;

COMMENT ON TABLE postmortem.schema_change IS
	'Every schema change, one row per object a DDL command touched; written by the recorder at commit, append-only, hash-chained';
COMMENT ON COLUMN postmortem.schema_change.id IS 'Increasing identifier within the origin; also the order of the origin''s hash chain. A row is identified by (origin, id)';
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
COMMENT ON COLUMN postmortem.schema_change.session_role IS 'Role of the session that ran the command (session_user: who logged in, also after SET ROLE or inside a SECURITY DEFINER function); NULL for rows recorded before 0.2.0';
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
COMMENT ON COLUMN postmortem.schema_change.origin IS 'Where the row was recorded: <system identifier>/<database name>, unique across a fleet; each origin has its own ids and hash chain';
COMMENT ON COLUMN postmortem.schema_change.prev_hash IS 'row_hash of the previous row of the same origin (NULL for its first)';
COMMENT ON COLUMN postmortem.schema_change.row_hash IS 'SHA-256 over prev_hash and every other column of the row';

/*
 * The chain head of each origin, where a DELETE of the newest rows of
 * schema_change cannot reach it: written only by the recorder (write.c), in
 * the same transaction as the rows it chains, so a crash or a rollback never
 * leaves it ahead of the rows.
 */
CREATE TABLE postmortem.schema_change_head (
	origin				text COLLATE "C" PRIMARY KEY,
	last_id				bigint NOT NULL,
	last_hash			bytea NOT NULL,
	first_prev_hash		bytea
);
SELECT pg_catalog.pg_extension_config_dump('postmortem.schema_change_head', '');
REVOKE ALL ON postmortem.schema_change_head FROM PUBLIC;
COMMENT ON TABLE postmortem.schema_change_head IS
	'Head of each origin''s hash chain (its newest id and row_hash), written by the recorder with the rows: verify_audit() compares it with the newest row, so rows deleted at the end are seen';
COMMENT ON COLUMN postmortem.schema_change_head.origin IS 'The origin whose chain this is';
COMMENT ON COLUMN postmortem.schema_change_head.last_id IS 'id of the newest row of the chain';
COMMENT ON COLUMN postmortem.schema_change_head.last_hash IS 'row_hash of the newest row of the chain';
COMMENT ON COLUMN postmortem.schema_change_head.first_prev_hash IS 'prev_hash of the chain''s first row: NULL, except for a chain migrated from 0.1.0 that goes on from another origin''s last row';

/*
 * Rows of prepared transactions: PREPARE TRANSACTION writes them here
 * without taking the chain lock (a lock held across PREPARE would stop every
 * other DDL commit until COMMIT PREPARED); the next recorded commit chains
 * the committed ones into schema_change.  Same columns as schema_change: a
 * column added to schema_change is added here too.
 */
CREATE TABLE postmortem.schema_change_pending (LIKE postmortem.schema_change INCLUDING COMMENTS);
ALTER TABLE postmortem.schema_change_pending ALTER COLUMN id DROP NOT NULL;
SELECT pg_catalog.pg_extension_config_dump('postmortem.schema_change_pending', '');
REVOKE ALL ON postmortem.schema_change_pending FROM PUBLIC;
COMMENT ON TABLE postmortem.schema_change_pending IS
	'Schema changes of prepared transactions, waiting to be chained: the next recorded commit moves the committed ones into schema_change';
COMMENT ON COLUMN postmortem.schema_change_pending.id IS 'NULL: given when the row is chained';
COMMENT ON COLUMN postmortem.schema_change_pending.prev_hash IS 'NULL: set when the row is chained';
COMMENT ON COLUMN postmortem.schema_change_pending.row_hash IS 'NULL: set when the row is chained';

CREATE FUNCTION postmortem.schema_change_hash(postmortem.schema_change)
	RETURNS bytea
	AS 'MODULE_PATHNAME', 'pm_schema_change_hash'
	LANGUAGE C STRICT STABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.schema_change_hash(postmortem.schema_change) IS
	'SHA-256 of a schema_change row as the recorder chained it: prev_hash followed by every other column in a canonical binary form';

CREATE FUNCTION postmortem.verify_audit(chain_origin text)
	RETURNS TABLE (schema_change_id bigint, problem text, expected bytea, found bytea, origin text)
	LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
	WITH c AS (
		SELECT s.origin, s.id, s.prev_hash, s.row_hash,
			   lag(s.id) OVER w IS NULL AS first,
			   lag(s.row_hash) OVER w AS expected_prev,
			   postmortem.schema_change_hash(s) AS computed
		  FROM postmortem.schema_change s
		 WHERE $1 IS NULL OR s.origin OPERATOR(pg_catalog.=) $1
		WINDOW w AS (PARTITION BY s.origin ORDER BY s.id)
	), h AS (
		SELECT h.origin, h.last_id, h.last_hash, h.first_prev_hash
		  FROM postmortem.schema_change_head h
		 WHERE $1 IS NULL OR h.origin OPERATOR(pg_catalog.=) $1
	), newest AS (
		SELECT DISTINCT ON (c.origin) c.origin, c.id, c.row_hash
		  FROM c ORDER BY c.origin, c.id DESC
	), problems AS (
		SELECT c.origin, c.id, 1 AS ord,
			   'row changed after it was recorded: its hash does not match its contents' AS problem,
			   c.computed AS expected, c.row_hash AS found
		  FROM c WHERE c.row_hash IS DISTINCT FROM c.computed
		UNION ALL
		SELECT c.origin, c.id, 2,
			   CASE WHEN c.first THEN 'rows missing before the first row of the chain'
					ELSE 'chain broken before this row: a row was deleted or inserted' END,
			   CASE WHEN c.first THEN h.first_prev_hash ELSE c.expected_prev END, c.prev_hash
		  FROM c LEFT JOIN h ON h.origin OPERATOR(pg_catalog.=) c.origin
		 WHERE c.prev_hash IS DISTINCT FROM CASE WHEN c.first THEN h.first_prev_hash ELSE c.expected_prev END
		UNION ALL
		SELECT c.origin, c.id, 3,
			   'row after the head of the chain: inserted behind the recorder''s back', NULL, c.row_hash
		  FROM c JOIN h ON h.origin OPERATOR(pg_catalog.=) c.origin
		 WHERE c.id OPERATOR(pg_catalog.>) h.last_id
		UNION ALL
		SELECT h.origin, h.last_id, 4,
			   'rows missing at the end of the chain: the newest recorded rows are gone',
			   h.last_hash, n.row_hash
		  FROM h LEFT JOIN newest n ON n.origin OPERATOR(pg_catalog.=) h.origin
		 WHERE n.id IS NULL OR n.id OPERATOR(pg_catalog.<) h.last_id
		UNION ALL
		SELECT h.origin, h.last_id, 4,
			   'newest row is not the one the head of the chain records: it was replaced',
			   h.last_hash, n.row_hash
		  FROM h JOIN newest n ON n.origin OPERATOR(pg_catalog.=) h.origin
		 WHERE n.id OPERATOR(pg_catalog.=) h.last_id AND n.row_hash IS DISTINCT FROM h.last_hash
		UNION ALL
		SELECT n.origin, n.id, 5,
			   'head of the chain missing: rows deleted at the end cannot be seen', NULL, n.row_hash
		  FROM newest n
		 WHERE NOT EXISTS (SELECT FROM h WHERE h.origin OPERATOR(pg_catalog.=) n.origin)
	)
	SELECT p.id, p.problem, p.expected, p.found, p.origin
	  FROM problems p
	 ORDER BY p.origin, p.id, p.ord
$$;
COMMENT ON FUNCTION postmortem.verify_audit(text) IS
	'Checks the hash chain of one origin (NULL: of every origin): one row per broken link (a row edited, deleted or inserted behind the recorder''s back, rows deleted at the end), none when intact';

CREATE FUNCTION postmortem.verify_audit()
	RETURNS TABLE (schema_change_id bigint, problem text, expected bytea, found bytea, origin text)
	LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT v.schema_change_id, v.problem, v.expected, v.found, v.origin
	  FROM postmortem.verify_audit(NULL::text) v
$$;
COMMENT ON FUNCTION postmortem.verify_audit() IS
	'Checks the hash chain of every origin in schema_change: one row per broken link (a row edited, deleted or inserted behind the recorder''s back, rows deleted at the end), none when intact';

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

/*
 * The event-trigger API's set-returning functions declared once more as
 * RETURNS SETOF record: capture.c calls them with the row type it built
 * once per session, instead of PostgreSQL building it from the OUT
 * parameters at every call (src/recorder/capture.c, call_event_srf).
 */
CREATE FUNCTION postmortem.recorder_ddl_commands() RETURNS SETOF record
	AS 'pg_event_trigger_ddl_commands' LANGUAGE internal VOLATILE STRICT;
REVOKE ALL ON FUNCTION postmortem.recorder_ddl_commands() FROM PUBLIC;
COMMENT ON FUNCTION postmortem.recorder_ddl_commands() IS
	'pg_event_trigger_ddl_commands() for the recorder''s ddl_command_end trigger, with the row type given by the caller; not for direct use';
CREATE FUNCTION postmortem.recorder_dropped_objects() RETURNS SETOF record
	AS 'pg_event_trigger_dropped_objects' LANGUAGE internal VOLATILE STRICT;
REVOKE ALL ON FUNCTION postmortem.recorder_dropped_objects() FROM PUBLIC;
COMMENT ON FUNCTION postmortem.recorder_dropped_objects() IS
	'pg_event_trigger_dropped_objects() for the recorder''s sql_drop trigger, with the row type given by the caller; not for direct use';

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
