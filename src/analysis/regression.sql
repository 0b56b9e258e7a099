
/*
 * Query regression evidence — src/analysis/regression.c
 *
 * Snapshots of pg_stat_statements, taken before schema changes (by the
 * recorder's ddl_command_start trigger), before deploys (record_change)
 * and on demand; suspects() and the evidence at declaration compare them
 * with the counters now.  GUCs: postmortem.statement_snapshot_interval
 * (5 min), postmortem.statement_snapshot_size (500 statements),
 * postmortem.regression_min_ms (1 ms).
 */
CREATE TABLE postmortem.statement_snapshot (
	taken_at		timestamptz NOT NULL,
	queryid			bigint NOT NULL,
	userid			oid NOT NULL,
	calls			bigint NOT NULL,
	total_exec_time	double precision NOT NULL,
	rows			bigint NOT NULL,
	blks			bigint NOT NULL,
	PRIMARY KEY (taken_at, queryid, userid)
);
COMMENT ON TABLE postmortem.statement_snapshot IS
	'pg_stat_statements counters of this database at moments before changes (the most expensive statements, at most 200 snapshots, none older than 7 days): the baselines query regressions are measured against';
COMMENT ON COLUMN postmortem.statement_snapshot.taken_at IS 'When the snapshot was taken';
COMMENT ON COLUMN postmortem.statement_snapshot.queryid IS 'pg_stat_statements.queryid';
COMMENT ON COLUMN postmortem.statement_snapshot.userid IS 'pg_stat_statements.userid';
COMMENT ON COLUMN postmortem.statement_snapshot.calls IS 'Calls counted until then';
COMMENT ON COLUMN postmortem.statement_snapshot.total_exec_time IS 'Execution time counted until then, ms';
COMMENT ON COLUMN postmortem.statement_snapshot.rows IS 'Rows counted until then';
COMMENT ON COLUMN postmortem.statement_snapshot.blks IS 'Shared blocks hit and read until then';
SELECT pg_catalog.pg_extension_config_dump('postmortem.statement_snapshot', '');

CREATE FUNCTION postmortem.snapshot_statements(force boolean DEFAULT true)
	RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'postmortem_snapshot_statements' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION postmortem.snapshot_statements(boolean) IS
	'snapshot this database''s pg_stat_statements counters (force false: only when the last one is older than postmortem.statement_snapshot_interval); returns when the newest snapshot was taken, NULL without pg_stat_statements; runs as the table''s owner and never waits on another session; not PUBLIC (create_roles() grants it to responders)';
-- it writes and trims the snapshots as their owner: not for every role
REVOKE EXECUTE ON FUNCTION postmortem.snapshot_statements(boolean) FROM PUBLIC;

