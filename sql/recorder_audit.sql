--
-- audit: recorder rows are append-only and hash-chained; verify_audit()
-- lists every broken link, and none when the chain is intact
--
SET search_path = public, postmortem;
CREATE TABLE aud_t (a int);
CREATE INDEX aud_t_a ON aud_t (a);
ALTER TABLE aud_t ADD COLUMN b int;
SELECT * FROM postmortem.verify_audit();
SELECT bool_and(row_hash = postmortem.schema_change_hash(s)) AS hashes_match
  FROM postmortem.schema_change s;
SELECT count(*) = count(DISTINCT row_hash) AS hashes_unique,
	   bool_and(length(row_hash) = 32) AS sha256
  FROM postmortem.schema_change;

-- a superuser who edits, deletes or inserts rows breaks the chain, and
-- verify_audit says where (inside a transaction rolled back afterwards)
BEGIN;
SELECT max(id) AS last FROM postmortem.schema_change \gset
UPDATE postmortem.schema_change SET statement = 'CREATE INDEX aud_t_a ON aud_t (b)'
 WHERE id = :last - 1;
SELECT schema_change_id = :last - 1 AS edited_row, problem FROM postmortem.verify_audit();
ROLLBACK;

BEGIN;
DELETE FROM postmortem.schema_change WHERE id = :last - 1;
SELECT schema_change_id = :last AS row_after_the_gap, problem FROM postmortem.verify_audit();
ROLLBACK;

BEGIN;
DELETE FROM postmortem.schema_change WHERE id = :last;
SELECT schema_change_id = :last AS missing_id, problem FROM postmortem.verify_audit();
ROLLBACK;

BEGIN;
INSERT INTO postmortem.schema_change (id, at, command_tag, role_name, database_name, prev_hash, row_hash)
SELECT :last + 1000, now(), 'CREATE TABLE', 'nobody', current_database(), row_hash, row_hash
  FROM postmortem.schema_change WHERE id = :last;
SELECT schema_change_id = :last + 1000 AS inserted_row, problem FROM postmortem.verify_audit();
ROLLBACK;

SELECT * FROM postmortem.verify_audit();

-- a failure while reading the catalogs at a statement's start or end (here:
-- an index whose collation is gone, so pg_get_indexdef fails) is a WARNING
-- too, leaves nothing behind (no reference leak warnings), and the
-- transaction goes on recording
CREATE TABLE aud_c (a text, b text);
CREATE INDEX aud_c_a ON aud_c (a);
BEGIN;
UPDATE pg_catalog.pg_index SET indcollation = '4000000000'::oidvector
 WHERE indexrelid = 'aud_c_a'::regclass;
ALTER INDEX aud_c_a SET (fillfactor = 70);
DROP INDEX aud_c_a;
CREATE INDEX aud_c_b ON aud_c (b);
ALTER TABLE aud_c ADD COLUMN c int;
COMMIT;
SELECT command_tag, object_identity FROM postmortem.schema_change
 WHERE table_name = 'public.aud_c' ORDER BY id;
SELECT * FROM postmortem.verify_audit();

-- a multi-statement string that no longer parses as it did (its SET changes
-- how a literal scans) is recorded with the whole string as each statement
SET standard_conforming_strings = off;
SET escape_string_warning = off;
SET standard_conforming_strings = on \; CREATE TABLE aud_scs (a text DEFAULT 'x\'y') \; CREATE TABLE aud_scs2 ();
RESET escape_string_warning;
SELECT object_identity, statement FROM postmortem.schema_change
 WHERE object_identity LIKE 'public.aud_scs%' ORDER BY id;

-- a failure inside the recorder never breaks the migration: a WARNING names
-- the statement (here provoked by renaming a column the recorder writes)
BEGIN;
ALTER TABLE postmortem.schema_change RENAME COLUMN origin TO origin_renamed;
CREATE TABLE aud_kept (a int);
COMMIT;
SELECT to_regclass('aud_kept') IS NOT NULL AS migration_ran;
-- postmortem.audit_errors = 'error' makes it stop the migration instead
SET postmortem.audit_errors = 'error';
BEGIN;
CREATE TABLE aud_stopped (a int);
COMMIT;
SELECT to_regclass('aud_stopped') IS NULL AS migration_stopped;
RESET postmortem.audit_errors;
ALTER TABLE postmortem.schema_change RENAME COLUMN origin_renamed TO origin;
SELECT statement FROM postmortem.schema_change ORDER BY id DESC LIMIT 1;
SELECT * FROM postmortem.verify_audit();

-- deleting the newest rows is seen, also after more changes are recorded:
-- the chain head (postmortem.schema_change_head) is not where a DELETE of
-- schema_change reaches
CREATE TEMP TABLE aud_saved AS
SELECT * FROM postmortem.schema_change WHERE id = (SELECT max(id) FROM postmortem.schema_change);
DELETE FROM postmortem.schema_change WHERE id = (SELECT id FROM aud_saved);
SELECT schema_change_id = (SELECT id FROM aud_saved) AS deleted_row, problem FROM postmortem.verify_audit();
CREATE TABLE aud_after_delete ();
SELECT schema_change_id = (SELECT id + 1 FROM aud_saved) AS row_after_the_gap, problem FROM postmortem.verify_audit();
-- putting the row back mends the chain
INSERT INTO postmortem.schema_change (id, at, finished_at, xid, command_tag, object_type,
	   object_identity, schema_name, table_name, table_oid, statement, role_name,
	   application_name, client_addr, backend_pid, database_name, migration, lock_mode,
	   blocks_writes, blocks_reads, rewrote_table, rewrite_reason, definition_before,
	   definition_after, revert_statement, index_invalid, failed, table_rows,
	   table_seq_scan, table_idx_scan, origin, prev_hash, row_hash)
SELECT id, at, finished_at, xid, command_tag, object_type,
	   object_identity, schema_name, table_name, table_oid, statement, role_name,
	   application_name, client_addr, backend_pid, database_name, migration, lock_mode,
	   blocks_writes, blocks_reads, rewrote_table, rewrite_reason, definition_before,
	   definition_after, revert_statement, index_invalid, failed, table_rows,
	   table_seq_scan, table_idx_scan, origin, prev_hash, row_hash
  FROM aud_saved;
SELECT * FROM postmortem.verify_audit();
DROP TABLE aud_saved;

-- a rolled-back transaction leaves no gap to report (ids come from the chain
-- head, which rolls back with the rows)
BEGIN;
CREATE TABLE aud_rolled_back ();
ROLLBACK;
SELECT * FROM postmortem.verify_audit();

-- each origin is verified on its own; verify_audit(origin) checks one
SELECT count(DISTINCT origin) = 1 AS one_origin,
	   bool_and(origin = postmortem.local_origin()) AS local
  FROM postmortem.schema_change;
SELECT * FROM postmortem.verify_audit(postmortem.local_origin());
SELECT * FROM postmortem.verify_audit('no such origin');

-- ids come from the chain head, not a sequence: lastval() and currval()
-- stay the session's own, also for a role with no privilege on the audit
CREATE SEQUENCE aud_s1;
SELECT nextval('aud_s1');
CREATE TABLE aud_lastval (a int);
SELECT lastval(), currval('aud_s1');
CREATE ROLE aud_dev;
GRANT CREATE ON SCHEMA public TO aud_dev;
GRANT USAGE ON SEQUENCE aud_s1 TO aud_dev;
SET ROLE aud_dev;
SELECT nextval('aud_s1');
CREATE TABLE aud_dev_t (a int);
SELECT lastval();
DROP TABLE aud_dev_t;
RESET ROLE;
REVOKE ALL ON SEQUENCE aud_s1 FROM aud_dev;
REVOKE CREATE ON SCHEMA public FROM aud_dev;
DROP ROLE aud_dev;
SELECT count(*) AS ids_without_gaps FROM (
	SELECT id - lag(id) OVER (ORDER BY id) AS step FROM postmortem.schema_change) s
 WHERE step <> 1;

-- temporary objects cannot affect another session: not recorded, unless
-- postmortem.record_temp_objects is on
SELECT max(id) AS before_temp FROM postmortem.schema_change \gset
BEGIN;
CREATE TEMP TABLE aud_tmp (a int) ON COMMIT DROP;
CREATE INDEX ON aud_tmp (a);
ALTER TABLE aud_tmp ADD COLUMN b int;
CREATE TABLE aud_beside_tmp (a int);
COMMIT;
SELECT command_tag, object_identity FROM postmortem.schema_change WHERE id > :before_temp ORDER BY id;
SET postmortem.record_temp_objects = on;
CREATE TEMP TABLE aud_tmp2 (a int);
DROP TABLE aud_tmp2;
RESET postmortem.record_temp_objects;
SELECT command_tag, object_type, schema_name FROM postmortem.schema_change
 WHERE id > :before_temp AND schema_name = 'pg_temp' ORDER BY id;
SELECT * FROM postmortem.verify_audit();

-- the recorder's tables are kept by pg_dump
SELECT c.relname
  FROM pg_extension e, unnest(e.extconfig) AS cfg(oid) JOIN pg_class c ON c.oid = cfg.oid
 WHERE e.extname = 'postmortem' AND c.relname LIKE 'schema_change%' ORDER BY 1;
