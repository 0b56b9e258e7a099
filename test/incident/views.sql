BEGIN;
SELECT plan(16);
SET LOCAL TimeZone = 'UTC';

SELECT has_view('postmortem', 'incident_metrics', 'incident_metrics exists');
SELECT has_view('postmortem', 'monthly_metrics', 'monthly_metrics exists');
SELECT has_view('postmortem', 'open_tasks', 'open_tasks exists');
SELECT has_view('postmortem', 'overdue_tasks', 'overdue_tasks exists');

INSERT INTO postmortem.incident (title, severity, status, started_at, detected_at, acknowledged_at,
								 mitigated_at, resolved_at, users_affected_pct)
VALUES ('tap a', 'SEV1', 'resolved', '1998-07-01 10:00', '1998-07-01 10:10', '1998-07-01 10:20', '1998-07-01 11:00', '1998-07-01 12:00', 50),
	   ('tap b', 'SEV1', 'resolved', '1998-07-02 10:00', '1998-07-02 10:30', NULL, NULL, '1998-07-02 14:00', 20),
	   ('tap c', 'SEV1', 'resolved', '1998-07-03 10:00', '1998-07-03 11:00', NULL, NULL, '1998-07-03 11:30', NULL);

SELECT results_eq(
	$$SELECT time_to_detect_seconds, time_to_resolve_seconds, duration, impact_minutes
		FROM postmortem.incident_metrics WHERE title = 'tap a'$$,
	$$VALUES (600::float8, 7200::float8, interval '2 hours', 60::float8)$$,
	'incident_metrics: durations in seconds and as intervals, impact');
SELECT is((SELECT count(*) FROM postmortem.incident_metrics WHERE title LIKE 'tap _'), 3::bigint,
		  'one row per incident');
SELECT results_eq(
	$$SELECT incidents, median_time_to_detect_seconds, p90_time_to_detect_seconds,
			 median_time_to_resolve_seconds, p90_time_to_resolve_seconds, impact_minutes, median_impact_minutes
		FROM postmortem.monthly_metrics WHERE month = '1998-07-01' AND severity = 'SEV1'$$,
	$$VALUES (3::bigint, 1800::float8, 3240::float8, 7200::float8, 12960::float8, 108::float8, 54::float8)$$,
	'monthly_metrics: count, median and p90 (percentile_cont), impact');

INSERT INTO postmortem.task (incident_id, title, status, owner, due_at)
SELECT i.id, t.title, t.status::postmortem.task_status, 'tap', t.due_at::timestamptz
  FROM postmortem.incident i,
	   (VALUES ('tap late', 'todo', '1998-08-01'), ('tap blocked', 'blocked', '1998-08-01'),
			   ('tap future', 'in_progress', '2998-01-01'), ('tap done', 'done', '1998-08-01'),
			   ('tap dropped', 'wont_do', '1998-08-01'), ('tap undated', 'scheduled', NULL)) t(title, status, due_at)
 WHERE i.title = 'tap a';
SELECT set_eq($$SELECT title FROM postmortem.open_tasks WHERE owner = 'tap'$$,
			  ARRAY['tap late', 'tap blocked', 'tap future', 'tap undated'], 'open tasks: neither done nor wont_do');
SELECT set_eq($$SELECT title FROM postmortem.overdue_tasks WHERE owner = 'tap'$$,
			  ARRAY['tap late', 'tap blocked'], 'overdue tasks: open and past due');
SELECT is((SELECT incident_title FROM postmortem.open_tasks WHERE title = 'tap late'), 'tap a',
		  'open tasks carry their incident''s title');
UPDATE postmortem.task SET status = 'done' WHERE title = 'tap late';
SELECT set_eq($$SELECT title FROM postmortem.overdue_tasks WHERE owner = 'tap'$$,
			  ARRAY['tap blocked'], 'a task done is no longer overdue');

-- the plans use the indexes
SET LOCAL enable_seqscan = off;
CREATE FUNCTION pg_temp.plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; p text := '';
BEGIN
	FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP p := p || r || E'\n'; END LOOP;
	RETURN p;
END $$;
SELECT matches(pg_temp.plan('SELECT * FROM postmortem.overdue_tasks'), 'task_open_due_idx',
			   'overdue_tasks scans the partial index of open tasks');
SELECT matches(pg_temp.plan('SELECT * FROM postmortem.open_tasks ORDER BY due_at LIMIT 5'), 'task_open_due_idx',
			   'open_tasks by due date scans the partial index');
SELECT matches(pg_temp.plan($q$SELECT * FROM postmortem.incident_metrics WHERE started_at > '1998-01-01'$q$),
			   'incident_started_at_idx', 'incident_metrics over a time range uses the started_at index');
SELECT matches(pg_temp.plan('SELECT * FROM postmortem.incident_metrics WHERE is_open'), 'incident_open_idx',
			   'open incidents use the partial index');
SELECT doesnt_match(pg_temp.plan('SELECT time_to_resolve, impact_minutes FROM postmortem.incident_metrics'),
					'SubPlan|Function', 'no function calls left to slow the view down');

SELECT * FROM finish();
ROLLBACK;
