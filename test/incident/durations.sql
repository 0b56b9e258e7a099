BEGIN;
SELECT plan(29);
SET LOCAL TimeZone = 'America/New_York';

-- seed 001: 10:00-12:30 EDT, detected 10:00, acknowledged 10:05, mitigated 12:00, 60 % of users
INSERT INTO postmortem.incident (title, status, started_at, detected_at, acknowledged_at,
								 mitigated_at, resolved_at, users_affected_pct)
VALUES ('seed 001', 'resolved', '2024-05-15 10:00', '2024-05-15 10:00', '2024-05-15 10:05',
		'2024-05-15 12:00', '2024-05-15 12:30', 60);

SELECT is((SELECT i.time_to_detect FROM postmortem.incident i WHERE i.title = 'seed 001'), interval '0', 'time to detect 0');
SELECT is((SELECT i.time_to_acknowledge FROM postmortem.incident i WHERE i.title = 'seed 001'), interval '5 minutes', 'time to acknowledge 5 min');
SELECT is((SELECT i.time_to_mitigate FROM postmortem.incident i WHERE i.title = 'seed 001'), interval '2 hours', 'time to mitigate 2 h');
SELECT is((SELECT i.time_to_resolve FROM postmortem.incident i WHERE i.title = 'seed 001'), interval '2 hours 30 minutes', 'time to resolve 2 h 30 min');
SELECT is((SELECT i.time_to_repair FROM postmortem.incident i WHERE i.title = 'seed 001'), interval '2 hours 30 minutes', 'time to repair (from detection)');
SELECT is((SELECT i.duration FROM postmortem.incident i WHERE i.title = 'seed 001'), interval '2 hours 30 minutes', 'duration');
SELECT is((SELECT i.impact_minutes FROM postmortem.incident i WHERE i.title = 'seed 001'), 90::double precision, 'impact 90 minutes');
SELECT is((SELECT round(postmortem.error_budget_burn(i, 0.999, '30 days')::numeric, 2) FROM postmortem.incident i WHERE i.title = 'seed 001'),
		  2.08, '90 of the 43.2 minutes 99.9 % allows in 30 days: 2.08 budgets');
-- the C path (a row value, not a table's row) agrees with the planner's rewrite
SELECT is((SELECT postmortem.impact_minutes(jsonb_populate_record(NULL::postmortem.incident, to_jsonb(i))) FROM postmortem.incident i WHERE i.title = 'seed 001'),
		  (SELECT i.impact_minutes FROM postmortem.incident i WHERE i.title = 'seed 001'), 'impact_minutes: the C path and the rewrite agree');
SELECT is((SELECT postmortem.time_to_acknowledge(jsonb_populate_record(NULL::postmortem.incident, to_jsonb(i))) FROM postmortem.incident i WHERE i.title = 'seed 001'),
		  interval '5 minutes', 'time_to_acknowledge on a row value');
SELECT is((SELECT postmortem.impact_minutes(r) = date_part('epoch', (r).resolved_at - (r).started_at) / 60 * (r).users_affected_pct::float8 / 100
			 FROM (SELECT jsonb_populate_record(NULL::postmortem.incident,
						  jsonb_build_object('started_at', s, 'resolved_at', s + random() * interval '3 days',
											 'users_affected_pct', round((random() * 100)::numeric, 2))) AS r
					 FROM generate_series(now(), now() + interval '99 days', '1 day') s) x
			GROUP BY 1),
		  true, 'impact_minutes in C equals the inline expression');

-- unknown
UPDATE postmortem.incident SET users_affected_pct = NULL, users_affected = 500 WHERE title = 'seed 001';
SELECT is((SELECT i.impact_minutes FROM postmortem.incident i WHERE i.title = 'seed 001'), NULL, 'a head count without a share: impact unknown');
SELECT is((SELECT postmortem.error_budget_burn(i, 0.999, '30 days') FROM postmortem.incident i WHERE i.title = 'seed 001'), NULL, 'burn unknown too');
UPDATE postmortem.incident SET users_affected_pct = 60, resolved_at = NULL, closed_at = NULL, status = 'mitigated'
 WHERE title = 'seed 001';
SELECT is((SELECT i.time_to_resolve FROM postmortem.incident i WHERE i.title = 'seed 001'), NULL, 'not resolved: time to resolve unknown');
SELECT is((SELECT i.impact_minutes FROM postmortem.incident i WHERE i.title = 'seed 001'), NULL, 'not resolved: impact unknown');

-- bad arguments
SELECT throws_ok($$SELECT postmortem.error_budget_burn(i, 1, '30 days') FROM postmortem.incident i WHERE i.title = 'seed 001'$$, '22023', NULL, 'slo 1');
SELECT throws_ok($$SELECT postmortem.error_budget_burn(i, 0, '30 days') FROM postmortem.incident i WHERE i.title = 'seed 001'$$, '22023', NULL, 'slo 0');
SELECT throws_ok($$SELECT postmortem.error_budget_burn(i, 99.9, '30 days') FROM postmortem.incident i WHERE i.title = 'seed 001'$$, '22023', NULL, 'slo as a percentage');
SELECT throws_ok($$SELECT postmortem.error_budget_burn(i, 0.999, '0 s') FROM postmortem.incident i WHERE i.title = 'seed 001'$$, '22023', NULL, 'empty period');
SELECT throws_ok($$SELECT postmortem.error_budget_burn(i, 0.999, '-30 days') FROM postmortem.incident i WHERE i.title = 'seed 001'$$, '22023', NULL, 'negative period');

-- downtime
SELECT is((SELECT postmortem.downtime(r) FROM (VALUES (tstzrange('2024-05-15 10:00', '2024-05-15 11:00')),
		  (tstzrange('2024-05-15 10:30', '2024-05-15 12:00')), (tstzrange('2024-05-15 13:00', '2024-05-15 13:15'))) v(r)),
		  interval '2 hours 15 minutes', 'downtime counts overlaps once');
SELECT is((SELECT postmortem.downtime(r) FROM (VALUES (NULL::tstzrange), ('empty'), (tstzrange('2024-05-15 10:00', '2024-05-15 10:01'))) v(r)),
		  interval '1 minute', 'NULL and empty ranges are ignored');
SELECT is((SELECT postmortem.downtime(r) FROM (SELECT NULL::tstzrange WHERE false) v(r)), NULL, 'no ranges: NULL');
SELECT throws_ok($$SELECT postmortem.downtime(tstzrange(now(), NULL))$$, '22023', 'downtime cannot measure an unbounded range', 'unbounded range');
SELECT throws_ok($$SELECT postmortem.downtime(tstzrange(now(), 'infinity'))$$, '22023', NULL, 'infinite bound');
-- random ranges: the same as range_agg, serial and parallel
CREATE TEMP TABLE ranges AS
SELECT tstzrange(s, s + random() * interval '3 hours') AS r
  FROM (SELECT timestamptz '2024-01-01' + random() * interval '30 days' AS s FROM generate_series(1, 5000)) x;
SELECT is((SELECT postmortem.downtime(r) FROM ranges),
		  (SELECT sum(upper(m) - lower(m)) FROM unnest((SELECT range_agg(r) FROM ranges)) m),
		  'downtime equals the length of range_agg');
-- as a running window aggregate: the final function merges the state in
-- place, and the aggregate goes on from it
CREATE TEMP TABLE few AS
SELECT g AS n, tstzrange(s, s + random() * interval '3 hours') AS r
  FROM (SELECT g, timestamptz '2024-01-01' + random() * interval '2 days' AS s
		  FROM generate_series(1, 60) g) x;
SELECT is((SELECT count(*) FROM (SELECT f.n, postmortem.downtime(f.r) OVER (ORDER BY f.n) AS d FROM few f) w
			WHERE w.d IS DISTINCT FROM
				  (SELECT sum(upper(m) - lower(m))
					 FROM unnest((SELECT range_agg(p.r) FROM few p WHERE p.n <= w.n)) m)),
		  0::bigint, 'downtime as a running window aggregate');
-- force_parallel_mode is called debug_parallel_query from PostgreSQL 16
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
					   THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', true);
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
-- temp tables are not scanned in parallel: use a real one
CREATE TABLE public.durations_tap_ranges AS SELECT * FROM ranges;
SELECT is((SELECT postmortem.downtime(r) FROM public.durations_tap_ranges),
		  (SELECT sum(upper(m) - lower(m)) FROM unnest((SELECT range_agg(r) FROM ranges)) m),
		  'downtime in a parallel plan equals the length of range_agg');

SELECT is((SELECT array_agg(DISTINCT p.provolatile::text || p.proparallel::text) FROM pg_proc p
			WHERE p.pronamespace = 'postmortem'::regnamespace
			  AND p.proname IN ('time_to_detect', 'time_to_acknowledge', 'time_to_mitigate', 'time_to_resolve',
								'time_to_repair', 'duration', 'impact_minutes', 'error_budget_burn', 'downtime')),
		  ARRAY['is'], 'durations are IMMUTABLE and PARALLEL SAFE');

SELECT * FROM finish();
ROLLBACK;
