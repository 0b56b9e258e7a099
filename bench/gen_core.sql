/*
 * bench/gen_core.sql — realistic volume for the core benchmark and for the
 * EXPLAIN checks: 100k incidents over ten years, 1M timeline entries,
 * 200k tasks (most of them done, as in a real tracker), and a table of
 * 1M incident ranges for downtime().  Deterministic (setseed).
 *
 *   psql -v ON_ERROR_STOP=1 -f bench/gen_core.sql
 */
SET search_path = public, postmortem;
SET TimeZone = 'UTC';
SET client_min_messages = warning;
SELECT setseed(0.42);

/* durations are skewed: exponential, with a long tail */
INSERT INTO postmortem.incident
	(title, severity, status, started_at, detected_at, acknowledged_at,
	 mitigated_at, resolved_at, closed_at, users_affected_pct, users_affected)
SELECT 'incident ' || g,
	   postmortem.severity(1 + (g * 7) % 5),
	   CASE WHEN g % 100 = 0 THEN 'investigating'
			WHEN g % 3 = 0 THEN 'resolved' ELSE 'closed' END::postmortem.incident_status,
	   s,
	   s + d1,
	   s + d1 + d2,
	   s + d1 + d2 + d3,
	   CASE WHEN g % 100 <> 0 THEN s + d1 + d2 + d3 + d4 END,
	   CASE WHEN g % 100 <> 0 AND g % 3 <> 0 THEN s + d1 + d2 + d3 + d4 + interval '3 days' END,
	   CASE WHEN g % 5 <> 0 THEN round((random() * 100)::numeric, 1) END,
	   CASE WHEN g % 7 = 0 THEN (random() * 100000)::bigint END
  FROM generate_series(1, 100000) g,
	   LATERAL (SELECT timestamptz '2016-01-01' + random() * interval '3650 days' + g * interval '0 s' AS s,
					   -ln(1 - random()) * interval '10 min' + g * interval '0 s' AS d1,
					   -ln(1 - random()) * interval '5 min' + g * interval '0 s' AS d2,
					   -ln(1 - random()) * interval '45 min' + g * interval '0 s' AS d3,
					   -ln(1 - random()) * interval '90 min' + g * interval '0 s' AS d4) x;

INSERT INTO postmortem.timeline (incident_id, at, kind, body, source)
SELECT i.id, i.started_at + n * interval '7 min',
	   (ARRAY['detection', 'escalation', 'misleading_path', 'action', 'mitigation',
			  'resolution', 'communication', 'note'])[1 + n % 8]::postmortem.timeline_kind,
	   'entry ' || n || ' of incident ' || i.id, 'bench'
  FROM postmortem.incident i, generate_series(1, 10) n;

INSERT INTO postmortem.task (incident_id, title, kind, status, owner, due_at, created_at)
SELECT i.id, 'task ' || n || ' of incident ' || i.id,
	   (ARRAY['corrective', 'preventative', 'investigation', 'process'])[1 + (i.id + n) % 4]::postmortem.task_kind,
	   CASE WHEN i.started_at > timestamptz '2025-06-01' AND (i.id + n) % 3 = 0
			THEN (ARRAY['todo', 'in_progress', 'scheduled', 'blocked'])[1 + i.id % 4]
			WHEN (i.id + n) % 50 = 0 THEN 'todo'
			WHEN (i.id + n) % 10 = 0 THEN 'wont_do'
			ELSE 'done' END::postmortem.task_status,
	   'owner' || (i.id * n) % 40,
	   i.started_at + interval '30 days',
	   i.started_at + interval '2 days'
  FROM postmortem.incident i, generate_series(1, 2) n;

DROP TABLE IF EXISTS public.bench_ranges;
CREATE TABLE public.bench_ranges AS
SELECT tstzrange(s, s + -ln(1 - random()) * interval '2 hours') AS r
  FROM (SELECT timestamptz '2016-01-01' + random() * interval '3650 days' AS s
		  FROM generate_series(1, 1000000)) x;

VACUUM ANALYZE postmortem.incident, postmortem.timeline, postmortem.task, public.bench_ranges;
