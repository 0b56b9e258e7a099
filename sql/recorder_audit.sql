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

-- a failure of the recorder itself still leaves a row that stands for the
-- gap: statement, tag, time and the error (here provoked by a unique index
-- on the statement, which the two rows of one DROP break)
CREATE TABLE aud_gap1 (); CREATE TABLE aud_gap2 ();
CREATE UNIQUE INDEX aud_one_row_per_statement ON postmortem.schema_change (statement)
 WHERE statement LIKE 'DROP TABLE aud_gap%';
DROP TABLE aud_gap1, aud_gap2;
SELECT command_tag, object_type, object_identity, statement
  FROM postmortem.schema_change ORDER BY id DESC LIMIT 1;
DROP INDEX postmortem.aud_one_row_per_statement;
SELECT * FROM postmortem.verify_audit();

-- the recorder's tables are kept by pg_dump
SELECT c.relname
  FROM pg_extension e, unnest(e.extconfig) AS cfg(oid) JOIN pg_class c ON c.oid = cfg.oid
 WHERE e.extname = 'postmortem' AND c.relname LIKE 'schema_change%' ORDER BY 1;
