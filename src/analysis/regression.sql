
/*
 * Query regression evidence — src/analysis/regression.c
 *
 * Snapshots of pg_stat_statements, taken before schema changes (event
 * trigger postmortem_statement_snapshot), before deploys (record_change)
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
	query			text,
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
COMMENT ON COLUMN postmortem.statement_snapshot.query IS 'The normalized statement, cut at 1000 characters';
SELECT pg_catalog.pg_extension_config_dump('postmortem.statement_snapshot', '');

CREATE FUNCTION postmortem.snapshot_statements(force boolean DEFAULT true)
	RETURNS timestamptz LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	pss_schema	name;
	last_taken	timestamptz;
BEGIN
	SELECT n.nspname INTO pss_schema
	  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	 WHERE e.extname = 'pg_stat_statements';
	IF pss_schema IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT max(s.taken_at) INTO last_taken FROM postmortem.statement_snapshot s;
	IF NOT force AND last_taken > now() - coalesce(current_setting('postmortem.statement_snapshot_interval', true), '5min')::interval THEN
		RETURN last_taken;
	END IF;
	-- never wait: another session taking one now is as good
	IF NOT pg_try_advisory_xact_lock('postmortem.statement_snapshot'::regclass::oid::bigint) THEN
		RETURN last_taken;
	END IF;
	IF last_taken = now() THEN
		RETURN last_taken;
	END IF;
	EXECUTE format($q$
		INSERT INTO postmortem.statement_snapshot
			(taken_at, queryid, userid, calls, total_exec_time, rows, blks, query)
		SELECT now(), p.queryid, p.userid, sum(p.calls), sum(p.total_exec_time), sum(p.rows),
			   sum(p.shared_blks_hit + p.shared_blks_read), left(min(p.query), 1000)
		  FROM %I.pg_stat_statements p
		 WHERE p.dbid = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
		   AND p.queryid IS NOT NULL
		 GROUP BY p.queryid, p.userid
		 ORDER BY sum(p.total_exec_time) DESC
		 LIMIT %s$q$, pss_schema, coalesce(current_setting('postmortem.statement_snapshot_size', true), '500')::integer);
	-- bounded: 200 snapshots, 7 days
	DELETE FROM postmortem.statement_snapshot s
	 WHERE s.taken_at < now() - interval '7 days'
		OR s.taken_at < (SELECT min(k.taken_at) FROM
						 (SELECT DISTINCT t.taken_at FROM postmortem.statement_snapshot t
						   ORDER BY t.taken_at DESC LIMIT 200) k);
	RETURN now();
END
$$;
COMMENT ON FUNCTION postmortem.snapshot_statements(boolean) IS
	'snapshot this database''s pg_stat_statements counters (force false: only when the last one is older than postmortem.statement_snapshot_interval); returns when the newest snapshot was taken, NULL without pg_stat_statements; never waits on another session';

CREATE FUNCTION postmortem.statement_snapshot_trigger() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'postmortem_statement_snapshot' LANGUAGE C;
COMMENT ON FUNCTION postmortem.statement_snapshot_trigger() IS
	'event trigger: a pg_stat_statements snapshot before a schema change when one is due (a session checks a timestamp otherwise); a failure is a WARNING';
CREATE EVENT TRIGGER postmortem_statement_snapshot ON ddl_command_start
	EXECUTE FUNCTION postmortem.statement_snapshot_trigger();
COMMENT ON EVENT TRIGGER postmortem_statement_snapshot IS
	'postmortem: a baseline of pg_stat_statements before schema changes, for query regression evidence';
