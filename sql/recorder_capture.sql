--
-- recorder: every DDL statement becomes rows of postmortem.schema_change,
-- one per object the command touched, written when the transaction commits.
--
SET search_path = public, postmortem;
CREATE TEMP VIEW recorded AS
	SELECT id - current_setting('rec.start')::bigint AS n, command_tag, object_type,
		   object_identity, table_name, statement, lock_mode, blocks_writes,
		   blocks_reads, migration
	  FROM postmortem.schema_change WHERE id > current_setting('rec.start')::bigint;
SELECT coalesce(max(id), 0) AS start FROM postmortem.schema_change \gset
SET rec.start = :start;

-- a table, an index on it, a column: one row each, with the exact statement
CREATE TABLE rec_orders (id bigint PRIMARY KEY, customer int, total numeric);
CREATE INDEX rec_orders_customer_idx ON rec_orders (customer);
ALTER TABLE rec_orders ADD COLUMN note text;
SELECT n, command_tag, object_type, object_identity, table_name, statement
  FROM recorded ORDER BY n;

-- the lock each command takes on its table, and whether it blocks writes or reads
CREATE INDEX CONCURRENTLY rec_orders_total_idx ON rec_orders (total);
ALTER TABLE rec_orders ALTER COLUMN note SET STATISTICS 100;
ALTER TABLE rec_orders ADD CONSTRAINT rec_orders_total_positive CHECK (total > 0) NOT VALID;
DROP INDEX rec_orders_total_idx;
SELECT n, statement, lock_mode, blocks_writes, blocks_reads
  FROM recorded WHERE table_name = 'public.rec_orders' ORDER BY n;

-- several statements in one query string: each row carries only its own
-- (psql's \; sends them to the server as one string)
CREATE TABLE rec_multi (a int) \; CREATE INDEX rec_multi_a ON rec_multi (a) \; COMMENT ON TABLE rec_multi IS 'one; two' \; CREATE TABLE rec_multi2 (b int);
SELECT n, command_tag, statement FROM recorded WHERE object_identity LIKE 'public.rec_multi%' ORDER BY n;

-- quoted mixed-case names are quoted as PostgreSQL quotes them
CREATE TABLE "Rec Mixed" ("Id" int);
CREATE INDEX "Rec_Mixed_Id" ON "Rec Mixed" ("Id");
SELECT n, object_identity, table_name, statement FROM recorded WHERE table_name LIKE '%Mixed%' ORDER BY n;

-- the migration: SET LOCAL postmortem.migration, for that transaction only
BEGIN;
SET LOCAL postmortem.migration = '2024_05_01_add_status';
ALTER TABLE rec_orders ADD COLUMN status text;
COMMIT;
CREATE TABLE rec_after (a int);
SELECT n, statement, migration FROM recorded WHERE statement ~ 'status|rec_after' ORDER BY n;

-- ... and the history tables of migration tools, written in the same
-- transaction, also when created after the extension (Flyway, Django):
-- each change gets the history row written after it
CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text,
	description text, script text, success boolean);
BEGIN;
CREATE TABLE rec_flyway (a int);
CREATE INDEX rec_flyway_a ON rec_flyway (a);
INSERT INTO flyway_schema_history VALUES (1, '7', 'add rec flyway', 'V7__add_rec_flyway.sql', true);
COMMIT;
CREATE TABLE django_migrations (id serial PRIMARY KEY, app text, name text, applied timestamptz);
BEGIN;
CREATE TABLE rec_django1 (a int);
INSERT INTO django_migrations (app, name, applied) VALUES ('shop', '0002_first', now());
CREATE TABLE rec_django2 (a int);
INSERT INTO django_migrations (app, name, applied) VALUES ('shop', '0003_second', now());
COMMIT;
SELECT n, statement, migration FROM recorded WHERE statement ~ 'CREATE (TABLE|INDEX) rec_(flyway|django)' ORDER BY n;

-- definitions before and after; a rewrite and its reason
ALTER TABLE rec_orders ALTER COLUMN customer TYPE bigint;
SELECT definition_before, definition_after, rewrote_table, rewrite_reason
  FROM postmortem.schema_change WHERE id > :start AND statement LIKE '%customer TYPE bigint';

-- a dropped index's definition is read before it is gone, also for the
-- indexes that go with a DROP TABLE
DROP TABLE "Rec Mixed";
SELECT command_tag, object_type, object_identity, table_name, definition_before
  FROM postmortem.schema_change WHERE id > :start AND command_tag LIKE 'DROP%' ORDER BY id;

-- a role without privileges on the recorder's tables is still recorded
CREATE ROLE rec_app;
GRANT CREATE ON SCHEMA public TO rec_app;
SET ROLE rec_app;
CREATE TABLE rec_app_table (a int);
RESET ROLE;
SELECT role_name, statement FROM postmortem.schema_change
 WHERE id > :start AND statement LIKE '%rec_app_table%';

-- rolled-back DDL leaves no row, nor does DDL in a rolled-back savepoint
BEGIN;
CREATE TABLE rec_rolled_back (a int);
ROLLBACK;
BEGIN;
CREATE TABLE rec_kept (a int);
SAVEPOINT s;
CREATE TABLE rec_savepoint_gone (a int);
ROLLBACK TO s;
COMMIT;
SELECT statement FROM recorded WHERE statement ~ 'rec_rolled_back|rec_kept|rec_savepoint_gone';
-- a released savepoint's DDL goes with the savepoint around it; a PL/pgSQL
-- exception block that catches an error rolls back its DDL, and its row
BEGIN;
SAVEPOINT outer_sp;
SAVEPOINT inner_sp;
CREATE TABLE rec_released_then_gone (a int);
RELEASE inner_sp;
ROLLBACK TO outer_sp;
SAVEPOINT kept_sp;
CREATE TABLE rec_released_kept (a int);
RELEASE kept_sp;
DO $$
BEGIN
	CREATE TABLE rec_exception_gone (a int);
	PERFORM 1 / 0;
EXCEPTION WHEN division_by_zero THEN
	CREATE TABLE rec_exception_handler (a int);
END $$;
COMMIT;
SELECT object_identity FROM postmortem.schema_change
 WHERE id > :start AND object_identity ~ 'rec_released|rec_exception' ORDER BY id;

-- replica-role sessions are recorded too (the triggers are ENABLE ALWAYS)
SET session_replication_role = replica;
CREATE TABLE rec_replica (a int);
RESET session_replication_role;
SELECT statement FROM recorded WHERE statement LIKE '%rec_replica%';
SELECT evtname, evtenabled FROM pg_event_trigger WHERE evtname LIKE 'postmortem\_recorder%' ORDER BY 1;

-- the other facts of every row
SELECT count(*) > 20 AS many_rows,
	   bool_and(finished_at >= at AND duration = finished_at - at) AS durations,
	   bool_and(xid IS NOT NULL AND backend_pid IS NOT NULL) AS xid_and_pid,
	   bool_and(database_name = current_database()) AS database,
	   bool_and(application_name = 'pg_regress/recorder_capture') AS application,
	   bool_and(origin LIKE '%/' || current_database()) AS origin,
	   bool_and(row_hash IS NOT NULL) AS hashed
  FROM postmortem.schema_change WHERE id > :start;

-- without shared_preload_libraries, the recorder says what it cannot see
SELECT item, recorded FROM postmortem.recorder_status();

-- invalid input
SET postmortem.audit_errors = 'loud';
-- (with USAGE on the schema, as roles of the incident API have it: the
-- table's own privileges refuse, and revert_sql reads only what the caller
-- may read)
GRANT USAGE ON SCHEMA postmortem TO rec_app;
SET ROLE rec_app;
SET postmortem.audit_errors = 'warning';
SELECT postmortem.revert_sql(1);
INSERT INTO postmortem.schema_change (at, command_tag, role_name, database_name)
	VALUES (now(), 'CREATE TABLE', 'x', 'x');
UPDATE postmortem.schema_change SET statement = NULL;
DELETE FROM postmortem.schema_change;
TRUNCATE postmortem.schema_change;
RESET ROLE;
REVOKE USAGE ON SCHEMA postmortem FROM rec_app;

-- EXPLAIN: "what changed on this table lately" uses an index
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT * FROM postmortem.schema_change WHERE table_oid = 1259 AND at > now() - interval '1 day';
EXPLAIN (COSTS OFF)
SELECT * FROM postmortem.schema_change WHERE at > now() - interval '1 hour';
RESET enable_seqscan;

DROP OWNED BY rec_app;
DROP ROLE rec_app;
