BEGIN;
SELECT plan(16);

SELECT has_table('postmortem', 'schema_change', 'the recorder table exists');
SELECT columns_are('postmortem', 'schema_change', ARRAY[
	'id', 'at', 'finished_at', 'duration', 'xid', 'command_tag', 'object_type',
	'object_identity', 'schema_name', 'table_name', 'table_oid', 'statement',
	'role_name', 'application_name', 'client_addr', 'backend_pid', 'database_name',
	'migration', 'lock_mode', 'blocks_writes', 'blocks_reads', 'rewrote_table',
	'rewrite_reason', 'definition_before', 'definition_after', 'revert_statement',
	'index_invalid', 'failed', 'table_rows', 'table_seq_scan', 'table_idx_scan',
	'origin', 'prev_hash', 'row_hash', 'session_role'], 'schema_change has the columns the API relies on');
SELECT col_is_pk('postmortem', 'schema_change', ARRAY['origin', 'id'], 'a row is identified by (origin, id): the primary key');

SELECT is((SELECT string_agg(evtname || ' ' || evtevent || ' ' || evtenabled::text, ', ' ORDER BY evtname)
			 FROM pg_event_trigger WHERE evtname LIKE 'postmortem\_recorder%'),
	'postmortem_recorder_drop sql_drop A, postmortem_recorder_end ddl_command_end A, '
	'postmortem_recorder_rewrite table_rewrite A, postmortem_recorder_start ddl_command_start A',
	'four event triggers, ENABLE ALWAYS');

-- trust: ordinary roles cannot write
CREATE ROLE tap_recorder_user;
SELECT table_privs_are('postmortem', 'schema_change', 'tap_recorder_user', ARRAY[]::text[],
	'an ordinary role has no privilege on schema_change');
SELECT table_privs_are('postmortem', 'schema_change_head', 'tap_recorder_user', ARRAY[]::text[],
	'nor on the chain head');
SELECT is_definer('postmortem', 'verify_audit', ARRAY[]::name[], 'verify_audit runs as the owner');
SELECT ok((SELECT proconfig @> ARRAY['search_path=pg_catalog, pg_temp'] FROM pg_proc
			WHERE oid = 'postmortem.verify_audit()'::regprocedure), 'and pins search_path');
SELECT ok((SELECT proconfig @> ARRAY['search_path=pg_catalog, pg_temp'] FROM pg_proc
			WHERE oid = 'postmortem.revert_sql(bigint)'::regprocedure), 'revert_sql pins search_path');

-- revert_sql errors
SELECT throws_ok('SELECT postmortem.revert_sql(-42)', 'P0002',
	'schema change -42 does not exist', 'unknown id: P0002');
INSERT INTO postmortem.schema_change (id, at, command_tag, object_type, object_identity, role_name, database_name)
	VALUES (-7, now(), 'DROP TABLE', 'table', 'public.gone', current_user, current_database());
SELECT throws_ok('SELECT postmortem.revert_sql(-7)', '0A000',
	'schema change -7 (DROP TABLE public.gone) cannot be reverted by a statement',
	'a dropped table cannot be reverted: 0A000');
INSERT INTO postmortem.schema_change (id, at, command_tag, role_name, database_name, revert_statement)
	VALUES (-8, now(), 'CREATE INDEX', current_user, current_database(), 'DROP INDEX public.i');
SELECT is(postmortem.revert_sql(-8), 'DROP INDEX public.i', 'revert_sql returns the stored statement');

-- the hash is canonical: it does not depend on session settings
SET LOCAL TimeZone = 'Asia/Kolkata';
SET LOCAL DateStyle = 'German';
CREATE TEMP TABLE h1 AS SELECT postmortem.schema_change_hash(s) AS h FROM postmortem.schema_change s WHERE id = -8;
SET LOCAL TimeZone = 'UTC';
SET LOCAL DateStyle = 'ISO';
SELECT is((SELECT h FROM h1), (SELECT postmortem.schema_change_hash(s) FROM postmortem.schema_change s WHERE id = -8),
	'the row hash does not depend on TimeZone or DateStyle');
SELECT is(length(postmortem.schema_change_hash(s)), 32, 'SHA-256') FROM postmortem.schema_change s WHERE id = -8;

-- the rows inserted behind the recorder's back show up as broken links
SELECT ok((SELECT count(*) FROM postmortem.verify_audit() WHERE schema_change_id IN (-7, -8)) >= 2,
	'rows inserted behind the recorder''s back break the chain');

-- GUCs
SELECT is(current_setting('postmortem.audit_errors'), 'warning', 'failures warn by default');
SELECT * FROM finish();
ROLLBACK;
