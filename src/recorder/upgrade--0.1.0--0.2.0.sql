
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
CREATE TABLE postmortem.migration_source (
	tool				text NOT NULL,
	schema_name			text,
	table_name			text NOT NULL,
	id_columns			text[] NOT NULL CHECK (pg_catalog.cardinality(id_columns) OPERATOR(pg_catalog.>) 0),
	id_separator		text DEFAULT '.',
	writes				text NOT NULL DEFAULT 'row_per_migration'
						CHECK (writes OPERATOR(pg_catalog.=) ANY (ARRAY['row_per_migration', 'in_place'])),
	direction_column	text,
	match_columns		text[] NOT NULL DEFAULT '{}',
	shipped				boolean NOT NULL DEFAULT false,
	note				text,
	UNIQUE (tool, schema_name, table_name)
);
COMMENT ON TABLE postmortem.migration_source IS
	'Migration tools whose history tables the recorder reads at commit, one row per tool and table; INSERT a row for another tool or a renamed history table';
COMMENT ON COLUMN postmortem.migration_source.tool IS 'Name of the tool, as postmortem.migration_run shows it';
COMMENT ON COLUMN postmortem.migration_source.schema_name IS 'Schema of the history table; NULL: any schema';
COMMENT ON COLUMN postmortem.migration_source.table_name IS 'Name of the history table, a LIKE pattern (escape _ and % with a backslash to match them alone)';
COMMENT ON COLUMN postmortem.migration_source.id_columns IS 'Columns that name the migration, joined by id_separator';
COMMENT ON COLUMN postmortem.migration_source.id_separator IS 'What joins the id columns; NULL: the first of them that is not NULL names the migration';
COMMENT ON COLUMN postmortem.migration_source.writes IS 'row_per_migration: a row inserted per migration applied, deleted when it is undone; in_place: one row updated to each new version (Alembic)';
COMMENT ON COLUMN postmortem.migration_source.direction_column IS 'A column whose value says the way (revert, down, undo, rollback: down; anything else: up), for tools that log events';
COMMENT ON COLUMN postmortem.migration_source.match_columns IS 'Columns the table must also have; a table named by several sources goes to the one it matches with the most columns';
COMMENT ON COLUMN postmortem.migration_source.shipped IS 'Row shipped with the extension (not dumped by pg_dump; user rows are)';
COMMENT ON COLUMN postmortem.migration_source.note IS 'How the tool writes its history';
SELECT pg_catalog.pg_extension_config_dump('postmortem.migration_source', 'WHERE NOT shipped');

INSERT INTO postmortem.migration_source
	(tool, schema_name, table_name, id_columns, id_separator, writes, direction_column, match_columns, shipped, note)
VALUES
	('Flyway', NULL, 'flyway_schema_history', '{version,description}', NULL, 'row_per_migration', NULL, '{installed_rank}', true,
	 'A row per migration, in its transaction (the version names it; a repeatable migration has none: its description); undo (Teams) inserts a row of type UNDO_SQL'),
	('Liquibase', NULL, 'databasechangelog', '{id,author,filename}', ':', 'row_per_migration', NULL, '{}', true,
	 'A row per changeset, in the changeset''s transaction; rollback deletes it'),
	('Django', NULL, 'django_migrations', '{app,name}', '.', 'row_per_migration', NULL, '{}', true,
	 'A row per migration: in its transaction, or just after it when it has deferred SQL or atomic = False; unapply deletes it after the migration''s transaction'),
	('Rails', NULL, 'schema_migrations', '{version}', '.', 'row_per_migration', NULL, '{}', true,
	 'A row per migration in its transaction (after it with disable_ddl_transaction!); down deletes it'),
	('golang-migrate', NULL, 'schema_migrations', '{version}', '.', 'in_place', NULL, '{dirty}', true,
	 'One row (version, dirty), replaced before (dirty) and after each migration, in transactions of its own'),
	('Alembic', NULL, 'alembic_version', '{version_num}', '.', 'in_place', NULL, '{}', true,
	 'One row per head, inserted by the first revision and updated in place to each next one; downgrade updates it back and deletes it at base'),
	('Sqitch', 'sqitch', 'changes', '{change}', '.', 'row_per_migration', NULL, '{change_id}', true,
	 'Written by sqitch''s own connection, not the psql session that runs the script: never in the same session; use the deploy template that sets postmortem.migration'),
	('knex', NULL, 'knex\_migrations', '{name}', '.', 'row_per_migration', NULL, '{batch}', true,
	 'A row per migration in its transaction; rollback deletes it'),
	('node-pg-migrate', NULL, 'pgmigrations', '{name}', '.', 'row_per_migration', NULL, '{run_on}', true,
	 'A row per migration in its transaction (--migrations-table renames the table: add a row); down deletes it'),
	('sql-migrate', NULL, 'gorp\_migrations', '{id}', '.', 'row_per_migration', NULL, '{applied_at}', true,
	 'A row per migration in its transaction; down deletes it'),
	('Prisma', NULL, '\_prisma\_migrations', '{migration_name}', '.', 'row_per_migration', NULL, '{checksum}', true,
	 'A row inserted before the migration runs and updated (finished_at) after it, outside its transaction');

CREATE TABLE postmortem.migration_attribution (
	schema_change_id	bigint NOT NULL,
	origin				text COLLATE "C" NOT NULL,
	migration			text NOT NULL,
	tool				text,
	direction			text CHECK (direction OPERATOR(pg_catalog.=) ANY (ARRAY['up', 'down'])),
	how					text NOT NULL
						CHECK (how OPERATOR(pg_catalog.=) ANY (ARRAY['setting', 'same transaction', 'following transaction', 'before 0.2.0'])),
	history_table		text,
	from_version		text,
	run					bigint NOT NULL,
	attributed_at		timestamptz NOT NULL,
	PRIMARY KEY (schema_change_id, origin)
);
CREATE INDEX migration_attribution_migration_idx
	ON postmortem.migration_attribution (migration COLLATE "C");
CREATE INDEX migration_attribution_run_idx ON postmortem.migration_attribution (run);
SELECT pg_catalog.pg_extension_config_dump('postmortem.migration_attribution', '');
REVOKE ALL ON postmortem.migration_attribution FROM PUBLIC;
COMMENT ON TABLE postmortem.migration_attribution IS
	'The migration each attributed schema change belongs to, written by the recorder (also when the tool names it in a later transaction, after the schema_change row was written)';
COMMENT ON COLUMN postmortem.migration_attribution.schema_change_id IS 'The schema_change row: its id';
COMMENT ON COLUMN postmortem.migration_attribution.origin IS 'The schema_change row: its origin (always this database''s: attributions are made where the change ran)';
COMMENT ON COLUMN postmortem.migration_attribution.migration IS 'The migration, as its tool names it';
COMMENT ON COLUMN postmortem.migration_attribution.tool IS 'The tool (postmortem.migration_source.tool); NULL when named by postmortem.migration';
COMMENT ON COLUMN postmortem.migration_attribution.direction IS 'up (applied) or down (undone); NULL when named by postmortem.migration';
COMMENT ON COLUMN postmortem.migration_attribution.how IS 'setting (postmortem.migration), same transaction (history written with the change), following transaction (history written by the session''s next transaction), or before 0.2.0 (the migration column of a row recorded by 0.1.0)';
COMMENT ON COLUMN postmortem.migration_attribution.history_table IS 'The history table read';
COMMENT ON COLUMN postmortem.migration_attribution.from_version IS 'For a table updated in place, going up: the version it left';
COMMENT ON COLUMN postmortem.migration_attribution.run IS 'The run: the first schema_change id of the changes one history write named';
COMMENT ON COLUMN postmortem.migration_attribution.attributed_at IS 'When the recorder attributed it';

CREATE VIEW postmortem.migration_run WITH (security_invoker = true) AS
SELECT g.run, g.tool, g.id, g.direction, g.attributed_by, g.started_at, g.finished_at,
	   g.finished_at OPERATOR(pg_catalog.-) g.started_at AS duration,
	   g.statements, g.objects,
	   st.lock_mode AS strongest_lock,
	   st.table_name AS strongest_lock_table,
	   (SELECT pg_catalog.max(COALESCE(s3.finished_at, s3.at))
		  FROM postmortem.migration_attribution m3
		  JOIN postmortem.schema_change s3 ON s3.id OPERATOR(pg_catalog.=) m3.schema_change_id AND s3.origin OPERATOR(pg_catalog.=) m3.origin
		 WHERE m3.run OPERATOR(pg_catalog.=) g.run AND s3.xid OPERATOR(pg_catalog.=) st.xid)
		 OPERATOR(pg_catalog.-) st.at AS strongest_lock_held,
	   g.rewrites, g.failed, g.tables, g.role_name, g.application_name, g.schema_change_ids
  FROM (SELECT m.run, m.tool, m.migration AS id, m.direction,
			   pg_catalog.min(m.how) AS attributed_by,
			   pg_catalog.min(s.at) AS started_at,
			   pg_catalog.max(COALESCE(s.finished_at, s.at)) AS finished_at,
			   pg_catalog.count(DISTINCT (s.xid, s.at, s.statement))::integer AS statements,
			   pg_catalog.count(*)::integer AS objects,
			   pg_catalog.count(*) FILTER (WHERE s.rewrote_table)::integer AS rewrites,
			   pg_catalog.bool_or(s.failed) AS failed,
			   pg_catalog.array_agg(DISTINCT s.table_name) FILTER (WHERE s.table_name IS NOT NULL) AS tables,
			   pg_catalog.min(s.role_name) AS role_name,
			   pg_catalog.min(s.application_name) AS application_name,
			   pg_catalog.array_agg(s.id ORDER BY s.id) AS schema_change_ids
		  FROM postmortem.migration_attribution m
		  JOIN postmortem.schema_change s ON s.id OPERATOR(pg_catalog.=) m.schema_change_id AND s.origin OPERATOR(pg_catalog.=) m.origin
		 GROUP BY m.run, m.tool, m.migration, m.direction) g
  LEFT JOIN LATERAL (
		SELECT s2.lock_mode, s2.table_name, s2.at, s2.xid
		  FROM postmortem.migration_attribution m2
		  JOIN postmortem.schema_change s2 ON s2.id OPERATOR(pg_catalog.=) m2.schema_change_id AND s2.origin OPERATOR(pg_catalog.=) m2.origin
		 WHERE m2.run OPERATOR(pg_catalog.=) g.run AND s2.lock_mode IS NOT NULL
		 ORDER BY CASE s2.lock_mode
					WHEN 'ACCESS SHARE' THEN 1 WHEN 'ROW SHARE' THEN 2 WHEN 'ROW EXCLUSIVE' THEN 3
					WHEN 'SHARE UPDATE EXCLUSIVE' THEN 4 WHEN 'SHARE' THEN 5
					WHEN 'SHARE ROW EXCLUSIVE' THEN 6 WHEN 'EXCLUSIVE' THEN 7
					WHEN 'ACCESS EXCLUSIVE' THEN 8 ELSE 0 END DESC, s2.id
		 LIMIT 1) st ON true;
COMMENT ON VIEW postmortem.migration_run IS
	'One row per migration run: tool, migration id, direction, start and end, statements and objects, the strongest lock taken and for how long at least, rewrites, failures';

CREATE FUNCTION postmortem.migration_of(schema_change_id bigint, origin text DEFAULT NULL,
		OUT migration text, OUT summary text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	the_run bigint;
BEGIN
	/* for a role that may not read the attributions: nothing, not an error */
	IF NOT pg_catalog.has_table_privilege('postmortem.migration_attribution', 'SELECT') THEN
		RETURN;
	END IF;
	SELECT m.run, m.migration INTO the_run, migration
	  FROM postmortem.migration_attribution m
	 WHERE m.schema_change_id OPERATOR(pg_catalog.=) migration_of.schema_change_id
	   AND m.origin OPERATOR(pg_catalog.=) COALESCE(migration_of.origin, postmortem.local_origin());
	IF NOT FOUND THEN
		RETURN;
	END IF;
	/* one run: its grouping is computed for that run only */
	SELECT 'migration ' || r.id
		   || COALESCE(' (' || NULLIF(pg_catalog.concat_ws(', ', r.tool, r.direction), '') || ')', '')
		   || COALESCE(' took ' || r.strongest_lock || ' on ' || r.strongest_lock_table
					   || COALESCE(' for ' || CASE
							WHEN pg_catalog.date_part('epoch', r.strongest_lock_held) OPERATOR(pg_catalog.<) 1
							THEN pg_catalog.round(pg_catalog.date_part('epoch', r.strongest_lock_held)::numeric OPERATOR(pg_catalog.*) 1000) || ' ms'
							ELSE pg_catalog.round(pg_catalog.date_part('epoch', r.strongest_lock_held)::numeric) || ' s' END, ''), '')
	  INTO summary
	  FROM postmortem.migration_run r
	 WHERE r.run OPERATOR(pg_catalog.=) the_run AND r.id OPERATOR(pg_catalog.=) migration
	 LIMIT 1;
END
$$;
COMMENT ON FUNCTION postmortem.migration_of(bigint, text) IS
	'The migration a schema change (id, origin; NULL: this database) belongs to, and a sentence about its run: migration 0042 (Django, up) took ACCESS EXCLUSIVE on public.orders for 41 s; NULLs when not attributed or not readable';

COMMENT ON COLUMN postmortem.migration_run.run IS 'The run: its first schema_change id';
COMMENT ON COLUMN postmortem.migration_run.tool IS 'The tool (postmortem.migration_source.tool); NULL when named by postmortem.migration';
COMMENT ON COLUMN postmortem.migration_run.id IS 'The migration, as its tool names it';
COMMENT ON COLUMN postmortem.migration_run.direction IS 'up (applied) or down (undone); NULL when unknown';
COMMENT ON COLUMN postmortem.migration_run.attributed_by IS 'How the recorder knew the migration (see migration_attribution.how)';
COMMENT ON COLUMN postmortem.migration_run.started_at IS 'When its first statement started';
COMMENT ON COLUMN postmortem.migration_run.finished_at IS 'When its last statement finished';
COMMENT ON COLUMN postmortem.migration_run.duration IS 'finished_at - started_at';
COMMENT ON COLUMN postmortem.migration_run.statements IS 'Statements it ran';
COMMENT ON COLUMN postmortem.migration_run.objects IS 'Objects they touched (schema_change rows)';
COMMENT ON COLUMN postmortem.migration_run.strongest_lock IS 'The strongest lock a statement of it took';
COMMENT ON COLUMN postmortem.migration_run.strongest_lock_table IS 'The table that lock was on';
COMMENT ON COLUMN postmortem.migration_run.strongest_lock_held IS 'At least how long it was held: from that statement to the last one of its transaction';
COMMENT ON COLUMN postmortem.migration_run.rewrites IS 'Objects whose table it rewrote';
COMMENT ON COLUMN postmortem.migration_run.failed IS 'Whether a statement of it failed after part of it committed (a concurrent index build)';
COMMENT ON COLUMN postmortem.migration_run.tables IS 'Tables it changed';
COMMENT ON COLUMN postmortem.migration_run.role_name IS 'Role that ran it';
COMMENT ON COLUMN postmortem.migration_run.application_name IS 'application_name of its session';
COMMENT ON COLUMN postmortem.migration_run.schema_change_ids IS 'Its schema_change rows';

/* 0.1.0's rows that name a migration: one run per transaction and migration */
INSERT INTO postmortem.migration_attribution
	(schema_change_id, origin, migration, tool, direction, how, history_table, from_version, run, attributed_at)
SELECT s.id, s.origin, s.migration, NULL, NULL, 'before 0.2.0', NULL, NULL,
	   pg_catalog.min(s.id) OVER (PARTITION BY s.origin, s.xid, s.migration, s.backend_pid), pg_catalog.now()
  FROM postmortem.schema_change s
 WHERE s.migration IS NOT NULL;
/* ---- end of migrations ---------------------------------------------------- */
