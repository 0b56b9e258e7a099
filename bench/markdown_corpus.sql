-- Generate a corpus of postmortems in varied formats: bench_doc(id, doc).
-- Six styles, in turn: Markdown bullets with 12-hour times and a zone
-- abbreviation; a table with 24-hour times; prose ("At 14:05 EAT, ..."); ISO
-- timestamps with offsets; tab-indented plain text; numbered lists with GMT
-- offsets.  Each has 8-15 timeline entries and 3-7 tasks.
-- psql -v n=N sets the count (bench/markdown.sh N); 10000 otherwise
\if :{?n}
\else
\set n 10000
\endif
DROP TABLE IF EXISTS bench_doc;
CREATE TABLE bench_doc AS
WITH d AS (
	SELECT i,
		   i % 6 AS style,
		   date '2023-01-01' + (i % 700) AS day,
		   (6 + i % 10) AS h0,
		   8 + i % 8 AS nentries,
		   3 + i % 5 AS ntasks,
		   (ARRAY['UTC', 'EST', 'EDT', 'PST', 'CET', 'EAT', 'WAT', 'GMT'])[1 + i % 8] AS zone
	  FROM generate_series(1, :n) AS i
), e AS (
	SELECT d.*, k,
		   (d.day + make_interval(hours => d.h0, mins => 7 * k)) AS at,
		   (ARRAY['Monitoring alert detected elevated error rates on the checkout API',
				  'On-call engineer acknowledged and started investigating recent deploys',
				  'Escalated to the database team after seeing lock waits on orders',
				  'Misleading path: suspected a network partition between zones',
				  'Found a CREATE INDEX without CONCURRENTLY holding a SHARE lock',
				  'Cancelled the migration and rolled back the release',
				  'Error rates dropped; traffic slowly recovering across regions',
				  'Customer support notified through the status page',
				  'Replication lag returned under one second on all replicas',
				  'Service restored and the incident resolved'])[1 + k % 10] AS body
	  FROM d, generate_series(0, d.nentries - 1) AS k
), t AS (
	SELECT d.i, j,
		   (ARRAY['Require CONCURRENTLY for index builds on large tables',
				  'Add lock_timeout to every migration',
				  'Alert on lock waits longer than ten seconds',
				  'Review schema changes in the weekly change meeting',
				  'Add a load test for the checkout path',
				  'Document the rollback procedure for migrations',
				  'Train the team on PostgreSQL lock levels'])[1 + j] AS title,
		   (ARRAY['Completed', 'In progress', 'To be started', 'Scheduled', 'done'])[1 + (d.i + j) % 5] AS status
	  FROM d, generate_series(0, d.ntasks - 1) AS j
), timeline AS (
	SELECT e.i, string_agg(
		CASE e.style
			WHEN 0 THEN format('- **%s %s:** %s', to_char(e.at, 'FMHH12:MI AM'), e.zone, e.body)
			WHEN 1 THEN format('| %s | %s |', to_char(e.at, 'HH24:MI'), e.body)
			WHEN 2 THEN format('At %s %s, %s.', to_char(e.at, 'HH24:MI'), e.zone, lower(e.body))
			WHEN 3 THEN format('* %s+01:00 — %s', to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS'), e.body)
			WHEN 4 THEN format(E'\t%s: %s.', to_char(e.at, 'FMHH12:MI AM'), e.body)
			ELSE format('%s. %s GMT+1 - %s', e.k + 1, to_char(e.at, 'HH24:MI'), e.body)
		END, CASE WHEN e.style = 2 THEN ' ' ELSE E'\n' END ORDER BY e.k) AS lines
	  FROM e GROUP BY e.i
), tasks AS (
	SELECT t.i, string_agg(
		CASE t.i % 3
			WHEN 0 THEN format('- [%s] %s — Status: %s', CASE WHEN t.status IN ('Completed', 'done') THEN 'x' ELSE ' ' END, t.title, t.status)
			WHEN 1 THEN format(E'%s. %s\n   - *Status:* %s', t.j + 1, t.title, t.status)
			ELSE format('+ %s (%s)', t.title, t.status)
		END, E'\n' ORDER BY t.j) AS lines
	  FROM t GROUP BY t.i
)
SELECT d.i AS id, d.nentries AS entries, d.ntasks AS tasks,
	CASE d.style
		WHEN 0 THEN format(E'# Postmortem: checkout outage #%s\n\n## Issue Summary\n- **Duration:** %s, from %s to %s (%s)\n- **Impact:** about %s %% of users saw errors.\n- **Root Cause:** a blocking index build.\n\n## Timeline\n%s\n\n## Root Cause and Resolution\nThe migration took a SHARE lock.\n\n## Corrective and Preventative Measures\n**Tasks:**\n%s\n',
						   d.i, to_char(d.day, 'FMMonth FMDD, YYYY'), to_char(d.day + make_interval(hours => d.h0), 'FMHH12:MI AM'),
						   to_char(d.day + make_interval(hours => d.h0, mins => 7 * (d.nentries - 1)), 'FMHH12:MI AM'), d.zone, 5 + d.i % 90, tl.lines, tk.lines)
		WHEN 1 THEN format(E'# Orders table locked (%s)\n\n**Date:** %s\n**Severity:** SEV2\n\n## Summary\n%s users could not place orders.\n\n## Timeline (%s)\n| Time | Event |\n|------|-------|\n%s\n\n## Action Items\n%s\n',
						   d.i, d.day, 100 + d.i, d.zone, tl.lines, tk.lines)
		WHEN 2 THEN format(E'# Payments callback outage %s\n\n## Overview\nOn %s callbacks failed for %s%% of our users.\n\n## Timeline\n%s\n\n## Resolution\nThe config was reverted.\n\n## TODO\n%s\n',
						   d.i, to_char(d.day, 'FMDD FMMonth YYYY'), 1 + d.i % 99, tl.lines, tk.lines)
		WHEN 3 THEN format(E'# Replica lag %s\n\n## Issue Summary\n- Start: %s\n- Impact: stale reads for %s%% of customers.\n\n## Timeline\n%s\n\n## Corrective and Preventative Measures\n%s\n',
						   d.i, to_char(d.day + make_interval(hours => d.h0), 'YYYY-MM-DD"T"HH24:MI:SS+01:00'), 1 + d.i % 50, tl.lines, tk.lines)
		WHEN 4 THEN format(E'Postmortem: search degraded %s\nIssue Summary:\n\tDuration: %s, from %s to %s (%s)\n\tImpact: slow search for %s%% of users.\nTimeline:\n%s\nRoot Cause and Resolution:\n\tRoot Cause: a table rewrite.\nCorrective and Preventative Measures:\nTasks:\n%s\n',
						   d.i, to_char(d.day, 'FMMonth FMDD, YYYY'), to_char(d.day + make_interval(hours => d.h0), 'FMHH12:MI AM'),
						   to_char(d.day + make_interval(hours => d.h0, mins => 7 * (d.nentries - 1)), 'FMHH12:MI AM'), d.zone, 1 + d.i % 99,
						   tl.lines, regexp_replace(tk.lines, '^', E'\t', 'gn'))
		ELSE format(E'Incident: login failures %s\nDate: %s\n\nSummary:\nLogins failed for approximately %s%% of users.\n\nTimeline:\n%s\n\nAction items:\n%s\n',
					d.i, d.day, 1 + d.i % 99, tl.lines, tk.lines)
	END AS doc
  FROM d JOIN timeline tl USING (i) JOIN tasks tk USING (i);
