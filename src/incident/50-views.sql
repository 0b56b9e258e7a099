
/*
 * views — dashboards (Grafana, Metabase, Superset) read these.
 *
 * Columns are named for dashboards: a timestamp column per row, numbers as
 * numbers, every duration both as an interval and as *_seconds.  Medians and
 * p90s rather than means: incident durations are heavily skewed.
 *
 * security_invoker: a view reads the tables as the role querying it, so
 * row-level security keeps private incidents out of a dashboard's rows and
 * counts (src/incident/60-access.sql).
 */
CREATE VIEW postmortem.incident_metrics WITH (security_invoker = true) AS
SELECT i.id,
	   i.title,
	   i.severity,
	   i.status,
	   i.started_at,
	   i.detected_at,
	   i.acknowledged_at,
	   i.mitigated_at,
	   i.resolved_at,
	   i.closed_at,
	   postmortem.time_to_detect(i) AS time_to_detect,
	   postmortem.time_to_acknowledge(i) AS time_to_acknowledge,
	   postmortem.time_to_mitigate(i) AS time_to_mitigate,
	   postmortem.time_to_resolve(i) AS time_to_resolve,
	   postmortem.time_to_repair(i) AS time_to_repair,
	   postmortem.duration(i) AS duration,
	   pg_catalog.date_part('epoch', postmortem.time_to_detect(i)) AS time_to_detect_seconds,
	   pg_catalog.date_part('epoch', postmortem.time_to_acknowledge(i)) AS time_to_acknowledge_seconds,
	   pg_catalog.date_part('epoch', postmortem.time_to_mitigate(i)) AS time_to_mitigate_seconds,
	   pg_catalog.date_part('epoch', postmortem.time_to_resolve(i)) AS time_to_resolve_seconds,
	   pg_catalog.date_part('epoch', postmortem.time_to_repair(i)) AS time_to_repair_seconds,
	   pg_catalog.date_part('epoch', postmortem.duration(i)) AS duration_seconds,
	   i.users_affected_pct::double precision AS users_affected_pct,
	   i.users_affected,
	   postmortem.impact_minutes(i) AS impact_minutes,
	   i.status < 'resolved'::postmortem.incident_status AS is_open
  FROM postmortem.incident i;
COMMENT ON VIEW postmortem.incident_metrics IS
	'One row per incident with every duration (as interval and as seconds) and impact figure; started_at is its time column';
COMMENT ON COLUMN postmortem.incident_metrics.id IS 'Incident number';
COMMENT ON COLUMN postmortem.incident_metrics.title IS 'One-line name of the incident';
COMMENT ON COLUMN postmortem.incident_metrics.severity IS 'SEV1 (worst) to SEV5';
COMMENT ON COLUMN postmortem.incident_metrics.status IS 'Lifecycle status';
COMMENT ON COLUMN postmortem.incident_metrics.started_at IS 'When impact began: the time column for dashboards';
COMMENT ON COLUMN postmortem.incident_metrics.detected_at IS 'When the problem was noticed';
COMMENT ON COLUMN postmortem.incident_metrics.acknowledged_at IS 'When someone took it on';
COMMENT ON COLUMN postmortem.incident_metrics.mitigated_at IS 'When impact stopped growing';
COMMENT ON COLUMN postmortem.incident_metrics.resolved_at IS 'When impact ended';
COMMENT ON COLUMN postmortem.incident_metrics.closed_at IS 'When the incident was closed';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_detect IS 'started → detected';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_acknowledge IS 'started → acknowledged';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_mitigate IS 'started → mitigated';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_resolve IS 'started → resolved';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_repair IS 'detected → resolved';
COMMENT ON COLUMN postmortem.incident_metrics.duration IS 'started → resolved: how long users were affected';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_detect_seconds IS 'time_to_detect in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_acknowledge_seconds IS 'time_to_acknowledge in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_mitigate_seconds IS 'time_to_mitigate in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_resolve_seconds IS 'time_to_resolve in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.time_to_repair_seconds IS 'time_to_repair in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.duration_seconds IS 'duration in seconds';
COMMENT ON COLUMN postmortem.incident_metrics.users_affected_pct IS 'Share of users affected, 0-100';
COMMENT ON COLUMN postmortem.incident_metrics.users_affected IS 'Number of users affected, when counted';
COMMENT ON COLUMN postmortem.incident_metrics.impact_minutes IS 'duration in minutes × users_affected_pct / 100 (NULL when either is unknown)';
COMMENT ON COLUMN postmortem.incident_metrics.is_open IS 'true while the incident is investigating, identified or mitigated';

CREATE VIEW postmortem.monthly_metrics WITH (security_invoker = true) AS
SELECT pg_catalog.date_trunc('month', i.started_at) AS month,
	   i.severity,
	   pg_catalog.count(*) AS incidents,
	   (pg_catalog.percentile_cont(ARRAY[0.5, 0.9]::double precision[]) WITHIN GROUP
		(ORDER BY pg_catalog.date_part('epoch', postmortem.time_to_detect(i))))[1]
		AS median_time_to_detect_seconds,
	   (pg_catalog.percentile_cont(ARRAY[0.5, 0.9]::double precision[]) WITHIN GROUP
		(ORDER BY pg_catalog.date_part('epoch', postmortem.time_to_detect(i))))[2]
		AS p90_time_to_detect_seconds,
	   (pg_catalog.percentile_cont(ARRAY[0.5, 0.9]::double precision[]) WITHIN GROUP
		(ORDER BY pg_catalog.date_part('epoch', postmortem.time_to_resolve(i))))[1]
		AS median_time_to_resolve_seconds,
	   (pg_catalog.percentile_cont(ARRAY[0.5, 0.9]::double precision[]) WITHIN GROUP
		(ORDER BY pg_catalog.date_part('epoch', postmortem.time_to_resolve(i))))[2]
		AS p90_time_to_resolve_seconds,
	   pg_catalog.sum(postmortem.impact_minutes(i)) AS impact_minutes,
	   pg_catalog.percentile_cont(0.5::double precision) WITHIN GROUP
		(ORDER BY postmortem.impact_minutes(i)) AS median_impact_minutes
  FROM postmortem.incident i
 WHERE i.started_at IS NOT NULL
 GROUP BY 1, 2;
COMMENT ON VIEW postmortem.monthly_metrics IS
	'Per month (in the session time zone) and severity: incident count, median and p90 time to detect and to resolve in seconds, impact minutes; month is its time column';
COMMENT ON COLUMN postmortem.monthly_metrics.month IS 'Start of the month the incidents started in, in the session time zone';
COMMENT ON COLUMN postmortem.monthly_metrics.severity IS 'SEV1 (worst) to SEV5';
COMMENT ON COLUMN postmortem.monthly_metrics.incidents IS 'Incidents that started that month';
COMMENT ON COLUMN postmortem.monthly_metrics.median_time_to_detect_seconds IS 'Median time to detect, seconds (over incidents where it is known)';
COMMENT ON COLUMN postmortem.monthly_metrics.p90_time_to_detect_seconds IS '90th percentile time to detect, seconds';
COMMENT ON COLUMN postmortem.monthly_metrics.median_time_to_resolve_seconds IS 'Median time to resolve, seconds (over resolved incidents)';
COMMENT ON COLUMN postmortem.monthly_metrics.p90_time_to_resolve_seconds IS '90th percentile time to resolve, seconds';
COMMENT ON COLUMN postmortem.monthly_metrics.impact_minutes IS 'Sum of impact_minutes (over incidents where it is known)';
COMMENT ON COLUMN postmortem.monthly_metrics.median_impact_minutes IS 'Median impact_minutes';

CREATE VIEW postmortem.open_tasks WITH (security_invoker = true) AS
SELECT t.id,
	   t.incident_id,
	   i.title AS incident_title,
	   i.severity AS incident_severity,
	   t.title,
	   t.kind,
	   t.status,
	   t.owner,
	   t.due_at,
	   t.created_at,
	   pg_catalog.now() - t.created_at AS age,
	   pg_catalog.date_part('epoch', pg_catalog.now() - t.created_at) AS age_seconds,
	   t.due_at < pg_catalog.now() AS overdue
  FROM postmortem.task t
  JOIN postmortem.incident i ON i.id = t.incident_id
 WHERE t.status < 'done'::postmortem.task_status;
COMMENT ON VIEW postmortem.open_tasks IS
	'Action items not yet done or dropped (status todo, in_progress, scheduled, blocked), with their incident; created_at is the time column';
COMMENT ON COLUMN postmortem.open_tasks.id IS 'Task number';
COMMENT ON COLUMN postmortem.open_tasks.incident_id IS 'The incident';
COMMENT ON COLUMN postmortem.open_tasks.incident_title IS 'The incident''s title';
COMMENT ON COLUMN postmortem.open_tasks.incident_severity IS 'The incident''s severity';
COMMENT ON COLUMN postmortem.open_tasks.title IS 'What is to be done';
COMMENT ON COLUMN postmortem.open_tasks.kind IS 'corrective, preventative, investigation or process';
COMMENT ON COLUMN postmortem.open_tasks.status IS 'todo, in_progress, scheduled or blocked';
COMMENT ON COLUMN postmortem.open_tasks.owner IS 'Who owns it';
COMMENT ON COLUMN postmortem.open_tasks.due_at IS 'When it is due';
COMMENT ON COLUMN postmortem.open_tasks.created_at IS 'When it was written down';
COMMENT ON COLUMN postmortem.open_tasks.age IS 'How long it has been open';
COMMENT ON COLUMN postmortem.open_tasks.age_seconds IS 'age in seconds';
COMMENT ON COLUMN postmortem.open_tasks.overdue IS 'true when due_at has passed';

CREATE VIEW postmortem.overdue_tasks WITH (security_invoker = true) AS
SELECT o.id,
	   o.incident_id,
	   o.incident_title,
	   o.incident_severity,
	   o.title,
	   o.kind,
	   o.status,
	   o.owner,
	   o.due_at,
	   o.created_at,
	   pg_catalog.now() - o.due_at AS overdue_by,
	   pg_catalog.date_part('epoch', pg_catalog.now() - o.due_at) AS overdue_by_seconds
  FROM postmortem.open_tasks o
 WHERE o.due_at < pg_catalog.now();
COMMENT ON VIEW postmortem.overdue_tasks IS
	'Open action items whose due date has passed, with their incident; due_at is the time column';
COMMENT ON COLUMN postmortem.overdue_tasks.id IS 'Task number';
COMMENT ON COLUMN postmortem.overdue_tasks.incident_id IS 'The incident';
COMMENT ON COLUMN postmortem.overdue_tasks.incident_title IS 'The incident''s title';
COMMENT ON COLUMN postmortem.overdue_tasks.incident_severity IS 'The incident''s severity';
COMMENT ON COLUMN postmortem.overdue_tasks.title IS 'What is to be done';
COMMENT ON COLUMN postmortem.overdue_tasks.kind IS 'corrective, preventative, investigation or process';
COMMENT ON COLUMN postmortem.overdue_tasks.status IS 'todo, in_progress, scheduled or blocked';
COMMENT ON COLUMN postmortem.overdue_tasks.owner IS 'Who owns it';
COMMENT ON COLUMN postmortem.overdue_tasks.due_at IS 'When it was due';
COMMENT ON COLUMN postmortem.overdue_tasks.created_at IS 'When it was written down';
COMMENT ON COLUMN postmortem.overdue_tasks.overdue_by IS 'How long past due';
COMMENT ON COLUMN postmortem.overdue_tasks.overdue_by_seconds IS 'overdue_by in seconds';
