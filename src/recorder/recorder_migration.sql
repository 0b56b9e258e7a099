
/*
 * Migrations — src/recorder/migration.c.  The tools whose history tables the
 * recorder reads (postmortem.migration_source, data: add a row for your own
 * tool or a renamed table), the migration of every attributed schema change
 * (postmortem.migration_attribution, written by the recorder only) and one
 * row per migration run (postmortem.migration_run).
 * (Named recorder_migration.sql so that it runs after recorder.sql, which
 * creates schema_change.)
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
/*
 * Only the extension's owner (and superusers) write migration_source: a row
 * there makes the recorder read the named tables' rows at commit.  The
 * recorder also reads a table only if the committing role may, and never
 * one with row-level security (migration.c); a pattern that names every
 * table is refused here.
 */
REVOKE ALL ON postmortem.migration_source FROM PUBLIC;

CREATE FUNCTION postmortem.migration_source_check() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF pg_catalog.btrim(NEW.table_name, '%_') OPERATOR(pg_catalog.=) '' THEN
		RAISE EXCEPTION 'migration source table pattern "%" names every table', NEW.table_name
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'table_name is a LIKE pattern; one made only of wildcards would make the recorder read the rows every transaction writes.',
				  HINT = 'Name the history table (escape _ and % with a backslash), e.g. ''deploy\_history''.';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION postmortem.migration_source_check() IS
	'Trigger of migration_source: refuses a table_name pattern made only of wildcards (22023)';
CREATE TRIGGER migration_source_check BEFORE INSERT OR UPDATE ON postmortem.migration_source
	FOR EACH ROW EXECUTE FUNCTION postmortem.migration_source_check();
COMMENT ON TRIGGER migration_source_check ON postmortem.migration_source IS
	'A history table pattern must name tables, not every table';

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
