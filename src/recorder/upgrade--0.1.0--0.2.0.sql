
-- ==== chain: identity (origin, id), chain per origin, chain head, prepared
-- ==== transactions, no id sequence (issue 9 items 4, 5, 8; issue 14).
-- ==== Owned by the chain work; other parts add their steps outside this block.

-- The primary key becomes (id, origin): citation's foreign key on id alone
-- goes first (a centre holds the same id from several origins).
ALTER TABLE postmortem.citation DROP CONSTRAINT citation_schema_change_id_fkey;
ALTER TABLE postmortem.schema_change DROP CONSTRAINT schema_change_pkey;

-- Ids come from the chain head, not a sequence (lastval() is left alone).
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

ALTER TABLE postmortem.schema_change ALTER COLUMN id SET DEFAULT postmortem.schema_change_next_id();
ALTER EXTENSION postmortem DROP SEQUENCE postmortem.schema_change_id_seq;
DROP SEQUENCE postmortem.schema_change_id_seq;

-- 0.1.0 wrote origin on every row; rows keep their values (and hashes).
ALTER TABLE postmortem.schema_change
	ALTER COLUMN origin TYPE text COLLATE "C",
	ALTER COLUMN origin SET NOT NULL,
	ALTER COLUMN origin SET DEFAULT postmortem.local_origin(),
	ADD CONSTRAINT schema_change_pkey PRIMARY KEY (id, origin);
COMMENT ON COLUMN postmortem.schema_change.id IS 'Increasing identifier within the origin; also the order of the origin''s hash chain. A row is identified by (origin, id)';
COMMENT ON COLUMN postmortem.schema_change.origin IS 'Where the row was recorded: <system identifier>/<database name>, unique across a fleet; each origin has its own ids and hash chain';
COMMENT ON COLUMN postmortem.schema_change.prev_hash IS 'row_hash of the previous row of the same origin (NULL for its first)';

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


-- The 0.1.0 rows: one chain in id order.  Each origin's head is its newest
-- row; an origin whose first row goes on from another origin's row (the
-- database was restored into another cluster or renamed under 0.1.0) keeps
-- that link as first_prev_hash, so its chain verifies as it was written.
INSERT INTO postmortem.schema_change_head (origin, last_id, last_hash, first_prev_hash)
SELECT n.origin, n.id, n.row_hash,
	   (SELECT f.prev_hash
		  FROM postmortem.schema_change f
		 WHERE f.origin OPERATOR(pg_catalog.=) n.origin
		 ORDER BY f.id LIMIT 1)
  FROM (SELECT DISTINCT ON (s.origin) s.origin, s.id, s.row_hash
		  FROM postmortem.schema_change s
		 WHERE s.row_hash IS NOT NULL
		 ORDER BY s.origin, s.id DESC) n;
UPDATE postmortem.schema_change_head h SET first_prev_hash = NULL
 WHERE NOT EXISTS (SELECT FROM postmortem.schema_change p
					WHERE p.row_hash OPERATOR(pg_catalog.=) h.first_prev_hash
					  AND p.origin OPERATOR(pg_catalog.<>) h.origin);

-- verify_audit() gains the origin column, and a form for one origin.
DROP FUNCTION postmortem.verify_audit();
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

-- ==== end of the chain block

-- ==== recorder capture: session_user as well as current_user (issue 9
-- ==== item 12).  Old rows keep NULL, which their hash never covered
-- ==== (chain.c hashes columns added after 0.1.0 only when not NULL).
ALTER TABLE postmortem.schema_change ADD COLUMN session_role text;
ALTER TABLE postmortem.schema_change_pending ADD COLUMN session_role text;
COMMENT ON COLUMN postmortem.schema_change.session_role IS 'Role of the session that ran the command (session_user: who logged in, also after SET ROLE or inside a SECURITY DEFINER function); NULL for rows recorded before 0.2.0';
COMMENT ON COLUMN postmortem.schema_change_pending.session_role IS 'Role of the session that ran the command (session_user: who logged in, also after SET ROLE or inside a SECURITY DEFINER function); NULL for rows recorded before 0.2.0';

/*
 * ---- Migrations (issue 12; src/recorder/migration.c) ----------------------
 * The objects of src/recorder/recorder_migration.sql, then the rows 0.1.0
 * recorded with a migration, so that migration_run shows them too.
 */
\ir recorder_migration.sql

/* 0.1.0's rows that name a migration: one run per transaction and migration */
INSERT INTO postmortem.migration_attribution
	(schema_change_id, origin, migration, tool, direction, how, history_table, from_version, run, attributed_at)
SELECT s.id, s.origin, s.migration, NULL, NULL, 'before 0.2.0', NULL, NULL,
	   pg_catalog.min(s.id) OVER (PARTITION BY s.origin, s.xid, s.migration, s.backend_pid), pg_catalog.now()
  FROM postmortem.schema_change s
 WHERE s.migration IS NOT NULL;
/* ---- end of migrations ---------------------------------------------------- */

/* ---- capture cost (issue 11): the event-trigger API without a row type built per call ---- */
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
