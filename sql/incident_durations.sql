--
-- durations and impact: functions on the incident row, and downtime()
--
SET search_path = public, postmortem;
SET TimeZone = 'America/New_York';
SET DateStyle = ISO;

-- Seed 001, "The Great Database Debacle of 2024": May 15, 2024, 10:00 AM to
-- 12:30 PM EDT; alert at 10:00, confirmed at 10:05, index rolled back at
-- 12:00; 60 % of users affected.
INSERT INTO postmortem.incident (title, severity, status, started_at, detected_at, acknowledged_at,
								 mitigated_at, resolved_at, users_affected_pct)
VALUES ('The Great Database Debacle of 2024', 'SEV2', 'resolved', '2024-05-15 10:00', '2024-05-15 10:00',
		'2024-05-15 10:05', '2024-05-15 12:00', '2024-05-15 12:30', 60)
RETURNING id AS seed \gset

-- every duration is measured from started_at, except time_to_repair
-- (detected -> resolved); the functional notation works as a column
SELECT i.time_to_detect, i.time_to_acknowledge, i.time_to_mitigate, i.time_to_resolve,
	   i.time_to_repair, i.duration
  FROM postmortem.incident i WHERE i.id = :seed;

-- impact: 150 minutes × 60 % = 90 minutes of full outage;
-- 99.9 % over 30 days allows 43.2 minutes, so the incident burnt 2.08 budgets
SELECT i.impact_minutes, round(postmortem.error_budget_burn(i, 0.999, '30 days')::numeric, 4) AS burn,
	   round(postmortem.error_budget_burn(i, 0.99, '1 mon')::numeric, 4) AS burn_99_month
  FROM postmortem.incident i WHERE i.id = :seed;

-- unknown milestones give NULL, never a guess
INSERT INTO postmortem.incident (title, started_at, detected_at)
VALUES ('still going', '2024-06-01 08:00', '2024-06-01 08:20')
RETURNING id AS open \gset
SELECT i.time_to_detect, i.time_to_acknowledge, i.time_to_mitigate, i.time_to_resolve,
	   i.time_to_repair, i.duration, i.impact_minutes
  FROM postmortem.incident i WHERE i.id = :open;
-- no start known: only time_to_repair can be said
INSERT INTO postmortem.incident (title, detected_at, resolved_at)
VALUES ('start unknown', '2024-06-02 08:00', '2024-06-02 09:15')
RETURNING id AS nostart \gset
SELECT i.time_to_detect, i.time_to_repair, i.duration
  FROM postmortem.incident i WHERE i.id = :nostart;

-- the impact needs the share of users: a head count alone is not a share
-- (without the size of the user base), so it gives NULL; 100 % is the
-- whole duration, 0 % is nothing
UPDATE postmortem.incident SET users_affected_pct = NULL, users_affected = 12000 WHERE id = :seed;
SELECT i.duration, i.users_affected, i.impact_minutes FROM postmortem.incident i WHERE i.id = :seed;
UPDATE postmortem.incident SET users_affected_pct = 100 WHERE id = :seed;
SELECT i.impact_minutes, postmortem.error_budget_burn(i, 0.999, '30 days') AS burn
  FROM postmortem.incident i WHERE i.id = :seed;
UPDATE postmortem.incident SET users_affected_pct = 0 WHERE id = :seed;
SELECT i.impact_minutes FROM postmortem.incident i WHERE i.id = :seed;
UPDATE postmortem.incident SET users_affected_pct = 60, users_affected = NULL WHERE id = :seed;

-- on a row that is not read from a table (here built from JSON), the C
-- functions compute the same values
SELECT postmortem.time_to_detect(r), postmortem.time_to_acknowledge(r),
	   postmortem.time_to_mitigate(r), postmortem.time_to_resolve(r),
	   postmortem.time_to_repair(r), postmortem.duration(r), postmortem.impact_minutes(r),
	   round(postmortem.error_budget_burn(r, 0.999, '30 days')::numeric, 4) AS burn
  FROM (SELECT jsonb_populate_record(NULL::postmortem.incident, to_jsonb(i)) AS r
		  FROM postmortem.incident i WHERE i.id = :seed) x;
SELECT postmortem.duration(NULL::postmortem.incident) AS "NULL row";
-- long durations read as days and hours, as timestamptz subtraction gives
SELECT postmortem.duration(jsonb_populate_record(NULL::postmortem.incident,
		'{"started_at": "2024-01-01 00:00", "resolved_at": "2024-01-03 06:30"}'));

-- invalid input
SELECT postmortem.error_budget_burn(i, 1, '30 days') FROM postmortem.incident i WHERE i.id = :seed;
SELECT postmortem.error_budget_burn(i, 0, '30 days') FROM postmortem.incident i WHERE i.id = :seed;
SELECT postmortem.error_budget_burn(i, 99.9, '30 days') FROM postmortem.incident i WHERE i.id = :seed;
SELECT postmortem.error_budget_burn(i, 'NaN', '30 days') FROM postmortem.incident i WHERE i.id = :seed;
SELECT postmortem.error_budget_burn(i, 0.999, '0') FROM postmortem.incident i WHERE i.id = :seed;
SELECT postmortem.error_budget_burn(i, 0.999, '-1 day') FROM postmortem.incident i WHERE i.id = :seed;
-- a bad slo is an error even when the impact is unknown
SELECT postmortem.error_budget_burn(i, 2, '30 days') FROM postmortem.incident i WHERE i.id = :open;

-- on a table's rows the planner reads the columns: time_to_resolve(i) is
-- (resolved_at - started_at), impact_minutes(i) the arithmetic it does
EXPLAIN (VERBOSE, COSTS OFF)
SELECT i.time_to_resolve, i.time_to_repair, i.impact_minutes FROM postmortem.incident i;
-- so an expression index on that difference serves a filter on the function
BEGIN;
CREATE INDEX incident_ttr_idx ON postmortem.incident ((resolved_at - started_at));
SET LOCAL enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT i.id FROM postmortem.incident i WHERE i.time_to_resolve > interval '2 hours';
ROLLBACK;

--
-- downtime(tstzrange): the length of the union, overlaps counted once
--
-- 10:00-11:00 and 10:30-12:00 overlap (2 h together), plus 13:00-13:15
SELECT postmortem.downtime(r)
  FROM (VALUES (tstzrange('2024-05-15 10:00', '2024-05-15 11:00')),
			   (tstzrange('2024-05-15 10:30', '2024-05-15 12:00')),
			   (tstzrange('2024-05-15 13:00', '2024-05-15 13:15'))) v(r);
-- NULL and empty ranges add nothing; ranges that touch, contain each other
-- or repeat count once; bounds' inclusiveness does not change a length
SELECT postmortem.downtime(r)
  FROM (VALUES (tstzrange('2024-05-15 10:00', '2024-05-15 11:00', '[]')),
			   (tstzrange('2024-05-15 11:00', '2024-05-15 12:00', '()')),
			   (tstzrange('2024-05-15 10:15', '2024-05-15 10:45')),
			   (tstzrange('2024-05-15 10:00', '2024-05-15 11:00')),
			   ('empty'::tstzrange),
			   (NULL)) v(r);
-- nothing to measure: NULL, like sum()
SELECT postmortem.downtime(r) FROM (VALUES (NULL::tstzrange)) v(r);
SELECT postmortem.downtime(r) FROM (VALUES ('empty'::tstzrange)) v(r);
-- long unions read as days and hours
SELECT postmortem.downtime(tstzrange(d, d + interval '20 hours'))
  FROM generate_series(timestamptz '2024-01-01', '2024-01-31', '1 day') d;
-- per group, e.g. the downtime of each severity over the incidents
SELECT severity, postmortem.downtime(tstzrange(started_at, resolved_at))
  FROM postmortem.incident
 WHERE id IN (:seed, :open) AND resolved_at IS NOT NULL
 GROUP BY severity ORDER BY severity;
-- as a window aggregate: the running union
SELECT lower(r), postmortem.downtime(r) OVER (ORDER BY lower(r))
  FROM (VALUES (tstzrange('2024-05-15 10:00', '2024-05-15 11:00')),
			   (tstzrange('2024-05-15 10:30', '2024-05-15 12:00')),
			   (tstzrange('2024-05-15 13:00', '2024-05-15 13:15'))) v(r);

-- invalid input: an unbounded range has no length
SELECT postmortem.downtime(r)
  FROM (VALUES (tstzrange('2024-05-15 10:00', NULL))) v(r);
SELECT postmortem.downtime(r)
  FROM (VALUES (tstzrange('-infinity', '2024-05-15 10:00'))) v(r);

-- parallel plans: workers aggregate (and merge) their share, the leader
-- combines the partial states
CREATE TABLE downtime_ranges AS
SELECT tstzrange(s, s + (g % 97) * interval '1 minute') AS r
  FROM generate_series(1, 20000) g,
	   LATERAL (SELECT timestamptz '2024-01-01' + g * interval '17 minutes' AS s) x;
ANALYZE downtime_ranges;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT postmortem.downtime(r) FROM downtime_ranges;
SELECT postmortem.downtime(r),
	   postmortem.downtime(r) = (SELECT sum(upper(m) - lower(m))
								   FROM unnest((SELECT range_agg(r) FROM downtime_ranges)) m) AS same_as_range_agg
  FROM downtime_ranges;
-- a parallel worker runs the aggregate even on a small table
-- (force_parallel_mode, called debug_parallel_query from PostgreSQL 16)
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
					   THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END,
				  'on', false) AS parallel_query_forced;
SELECT postmortem.downtime(r) FROM downtime_ranges;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
					   THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END,
				  'off', false) AS parallel_query_forced;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE downtime_ranges;

-- attribute notation finds the function through search_path, so it needs
-- postmortem there (nothing of the extension is in pg_catalog); the
-- functional notation works whatever the search_path
SET search_path = public;
SELECT i.time_to_resolve FROM postmortem.incident i WHERE i.id = :seed;
SELECT postmortem.time_to_resolve(i) FROM postmortem.incident i WHERE i.id = :seed;
SET search_path = public, postmortem;
SELECT bool_and(i.time_to_resolve IS NOT DISTINCT FROM postmortem.time_to_resolve(i)
                AND i.impact_minutes IS NOT DISTINCT FROM postmortem.impact_minutes(i)) AS same
  FROM postmortem.incident i WHERE i.id IN (:seed, :open, :nostart);
SET search_path = public, postmortem;

DELETE FROM postmortem.incident WHERE id IN (:seed, :open, :nostart);

