--
-- import_markdown: postmortems written by hand, read into incidents
--
SET search_path = public, postmortem;
SET timezone = 'UTC';
-- pg_regress runs psql from the top of the source tree
\set seed000 `cat test/seeds/000_2d29b2a47fc1b878.txt`
\set seed001 `cat test/seeds/001_e377f6c4d1aac321.txt`
\set seed002 `cat test/seeds/002_baa2f493d473fd47.txt`
\set seed003 `cat test/seeds/003_052e3b1ff3f3a8fe.txt`
\set seed004 `cat test/seeds/004_157e2b01bfd7d615.txt`

CREATE TEMP TABLE imported (seed text PRIMARY KEY, id bigint);
INSERT INTO imported VALUES
	('000', import_markdown(:'seed000')),
	('001', import_markdown(:'seed001')),
	('002', import_markdown(:'seed002', on_date => '2024-03-04')),
	('003', import_markdown(:'seed003')),
	('004', import_markdown(:'seed004'));

-- start and end in UTC, entries, tasks, tasks done, users affected
SELECT m.seed, i.started_at, i.resolved_at, i.time_zone,
	   (SELECT count(*) FROM timeline t WHERE t.incident_id = i.id) AS entries,
	   (SELECT count(*) FROM task t WHERE t.incident_id = i.id) AS tasks,
	   (SELECT count(*) FROM task t WHERE t.incident_id = i.id AND t.status = 'done') AS done,
	   i.users_affected_pct AS pct, i.users_affected AS users,
	   cardinality(i.improvements) AS improvements
  FROM imported m JOIN incident i USING (id) ORDER BY m.seed;

-- milestones and status: a finished incident is resolved
SELECT m.seed, i.status, i.severity, i.detected_at, i.acknowledged_at, i.mitigated_at
  FROM imported m JOIN incident i USING (id) ORDER BY m.seed;

-- what it had to guess is kept, never silent
SELECT m.seed, unnest(i.import_notes) AS note
  FROM imported m JOIN incident i USING (id) ORDER BY m.seed;

-- seed 000 crosses midnight and has an entry out of order
SELECT t.at, t.kind, t.source, left(t.body, 50) AS body
  FROM timeline t JOIN imported m ON m.id = t.incident_id
 WHERE m.seed = '000' ORDER BY t.id;

-- seed 001: statuses on the line under each task, improvements apart
SELECT t.title, t.status, t.kind FROM task t JOIN imported m ON m.id = t.incident_id
 WHERE m.seed = '001' ORDER BY t.id;
SELECT unnest(i.improvements) FROM incident i JOIN imported m USING (id) WHERE m.seed = '001';

-- the document's zone wins over the time_zone argument; on_date is used only
-- when the document names no date
SELECT import_markdown(:'seed001', time_zone => 'Asia/Tokyo', on_date => '1999-01-01') AS id \gset
SELECT started_at, time_zone FROM incident WHERE id = :id;

-- a document that names no zone reads its times in time_zone
SELECT import_markdown(E'# Queue stalled\n\n## Timeline\n- 2024-01-02 09:00: queue stalled\n- 2024-01-02 09:30: resolved',
					   time_zone => 'Europe/Berlin') AS id \gset
SELECT started_at, resolved_at, time_zone, import_notes FROM incident WHERE id = :id;

-- severity, status and users as a count
SELECT import_markdown(E'# Cart errors\nSeverity: major\nStatus: closed\n\n## Impact\n1,200 users could not check out.\n\n## Timeline\n- 2024-01-02 09:00 UTC: errors began\n- 2024-01-02 09:30 UTC: resolved') AS id \gset
SELECT severity, status, users_affected, users_affected_pct FROM incident WHERE id = :id;

-- parse_markdown: the same reading as jsonb, writing nothing
SELECT count(*) AS incidents_before FROM incident \gset
SELECT j->>'started_at' AS started_at, j->>'resolved_at' AS resolved_at,
	   jsonb_array_length(j->'timeline') AS entries, jsonb_array_length(j->'tasks') AS tasks,
	   j->'tasks_done' AS done, j->'users_affected_pct' AS pct, j->'import_notes' AS notes
  FROM parse_markdown(:'seed004') AS j;
SELECT count(*) = :incidents_before AS nothing_written FROM incident;

-- invalid input
SELECT import_markdown('');
SELECT import_markdown(E'# Lorem ipsum\n\nDolor sit amet, consectetur adipiscing elit.\n');
SELECT import_markdown(E'# Outage\n\n## Summary\nThe site was down.\n');
SELECT import_markdown(E'# Outage\n\n## Timeline\n- the alert fired\n- we fixed it\n');
SELECT import_markdown(:'seed002');
SELECT import_markdown(:'seed001', time_zone => 'Mars/Olympus_Mons');
SELECT import_markdown(NULL);
SELECT import_markdown(:'seed001', on_date => 'infinity');
-- nothing half-written: a failed import leaves no incident behind
SELECT count(*) = :incidents_before AS nothing_written FROM incident;
