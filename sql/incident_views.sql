--
-- views for dashboards: incident_metrics, monthly_metrics, open_tasks,
-- overdue_tasks
--
SET search_path = public, postmortem;
SET TimeZone = 'UTC';
SET DateStyle = ISO;

-- five incidents in February 1999 (a month no other test uses)
INSERT INTO postmortem.incident (title, severity, status, started_at, detected_at, acknowledged_at,
								 mitigated_at, resolved_at, users_affected_pct)
VALUES ('views: replica lag', 'SEV2', 'resolved', '1999-02-01 10:00', '1999-02-01 10:05', '1999-02-01 10:10', '1999-02-01 10:40', '1999-02-01 11:00', 10),
	   ('views: bad index', 'SEV2', 'resolved', '1999-02-03 09:00', '1999-02-03 09:10', '1999-02-03 09:12', '1999-02-03 10:00', '1999-02-03 12:00', 50),
	   ('views: lock queue', 'SEV2', 'resolved', '1999-02-10 14:00', '1999-02-10 14:30', NULL, NULL, '1999-02-10 18:00', NULL),
	   ('views: disk full', 'SEV1', 'closed', '1999-02-20 00:00', '1999-02-20 00:01', '1999-02-20 00:02', '1999-02-20 00:30', '1999-02-20 01:00', 100),
	   ('views: still open', 'SEV2', 'investigating', '1999-02-27 08:00', '1999-02-27 09:00', NULL, NULL, NULL, 5);

-- one row per incident, every duration as an interval and in seconds
SELECT title, severity, status, started_at, time_to_detect, time_to_acknowledge, time_to_mitigate,
	   time_to_resolve, time_to_repair, duration
  FROM postmortem.incident_metrics WHERE title LIKE 'views: %' ORDER BY started_at;
SELECT title, time_to_detect_seconds, time_to_acknowledge_seconds, time_to_mitigate_seconds,
	   time_to_resolve_seconds, time_to_repair_seconds, duration_seconds, users_affected_pct,
	   impact_minutes, is_open
  FROM postmortem.incident_metrics WHERE title LIKE 'views: %' ORDER BY started_at;

-- per month and severity: medians and p90s (seconds), impact minutes
-- SEV2: detect 300, 600, 1800, 3600 s; resolve 3600, 10800, 14400 s (one open)
SELECT month, severity, incidents, median_time_to_detect_seconds, p90_time_to_detect_seconds,
	   median_time_to_resolve_seconds, p90_time_to_resolve_seconds, impact_minutes,
	   median_impact_minutes
  FROM postmortem.monthly_metrics WHERE month = '1999-02-01' ORDER BY severity;
-- the month is the session time zone's: in Pago Pago (UTC-11) the incident
-- of 1999-02-01 10:00 UTC started on January 31
SET TimeZone = 'Pacific/Pago_Pago';
SELECT month, severity, incidents FROM postmortem.monthly_metrics
 WHERE month BETWEEN '1999-01-01' AND '1999-02-01' ORDER BY month, severity;
SET TimeZone = 'UTC';

SET TimeZone = 'UTC';

-- action items: open = not done and not wont_do
INSERT INTO postmortem.task (incident_id, title, kind, status, owner, due_at)
SELECT i.id, t.title, t.kind::postmortem.task_kind, t.status::postmortem.task_status, t.owner,
	   t.due_at::timestamptz
  FROM postmortem.incident i,
	   (VALUES ('views: add the missing index', 'corrective', 'done', 'dba', '1999-02-10'),
			   ('views: alert on replica lag', 'preventative', 'in_progress', 'sre', '1999-03-01'),
			   ('views: review migrations weekly', 'process', 'todo', 'dba', '2999-01-01'),
			   ('views: rewrite the ORM', 'preventative', 'wont_do', 'dev', '1999-03-01'),
			   ('views: find who ran VACUUM FULL', 'investigation', 'blocked', NULL, NULL)) t(title, kind, status, owner, due_at)
 WHERE i.title = 'views: bad index';
SELECT incident_title, incident_severity, title, kind, status, owner, due_at, overdue,
	   age >= interval '0' AS has_age
  FROM postmortem.open_tasks WHERE title LIKE 'views: %' ORDER BY due_at NULLS LAST, title;
SELECT incident_title, title, status, owner, due_at, overdue_by > interval '0' AS late,
	   overdue_by_seconds > 0 AS late_seconds
  FROM postmortem.overdue_tasks WHERE title LIKE 'views: %' ORDER BY due_at;
-- closing a task takes it off both lists
UPDATE postmortem.task SET status = 'done' WHERE title = 'views: alert on replica lag';
SELECT count(*) FROM postmortem.overdue_tasks WHERE title LIKE 'views: %';

-- the views use the indexes (shown here with sequential scans disabled, as
-- these tables are tiny; bench/core.sh shows the same plans at 100k
-- incidents and 200k tasks; bitmap scans and materialize nodes are off too so
-- that the plans do not depend on what earlier tests left in the database)
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SET enable_material = off;
-- overdue: a range scan of the partial index of open tasks by due date
SET enable_nestloop = off;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT * FROM postmortem.overdue_tasks;
RESET enable_nestloop;
RESET enable_mergejoin;
-- the next open tasks due
EXPLAIN (COSTS OFF) SELECT * FROM postmortem.open_tasks ORDER BY due_at LIMIT 10;
-- a dashboard's time range
EXPLAIN (COSTS OFF) SELECT * FROM postmortem.incident_metrics
 WHERE started_at >= '1999-02-01' AND started_at < '1999-03-01';
-- the incidents still open
EXPLAIN (COSTS OFF) SELECT * FROM postmortem.incident_metrics WHERE is_open;
-- one incident
EXPLAIN (COSTS OFF) SELECT * FROM postmortem.incident_metrics WHERE id = 1;
RESET enable_seqscan;
RESET enable_bitmapscan;
RESET enable_material;

-- the views' comments are the dashboard author's manual
SELECT c.relname, obj_description(c.oid, 'pg_class') IS NOT NULL AS commented,
	   (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
		   AND col_description(c.oid, a.attnum) IS NULL) AS columns_without_comment
  FROM pg_class c
 WHERE c.relnamespace = 'postmortem'::regnamespace AND c.relkind = 'v'
   AND c.relname IN ('incident_metrics', 'monthly_metrics', 'open_tasks', 'overdue_tasks')
 ORDER BY c.relname;

DELETE FROM postmortem.incident WHERE title LIKE 'views: %';
