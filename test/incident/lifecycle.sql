BEGIN;
SELECT plan(33);

-- the author of a status change is the role that made it
CREATE ROLE alice;
GRANT USAGE ON SCHEMA postmortem TO alice;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA postmortem TO alice;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA postmortem TO alice;

CREATE TEMP TABLE ids (name text PRIMARY KEY, id bigint);
GRANT SELECT ON ids TO alice;
INSERT INTO ids VALUES ('db', postmortem.open_incident('db slow', 'SEV2', now() - interval '20 minutes'));

SELECT is((SELECT status::text FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'db')),
		  'investigating', 'open_incident starts investigating');
SELECT is((SELECT detected_at FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'db')),
		  now(), 'open_incident stamps detected_at now');
INSERT INTO ids VALUES ('x', postmortem.open_incident('x')),
	('later', postmortem.open_incident('later', started_at => now() + interval '1 hour'));
SELECT is((SELECT severity::text FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'x')),
		  'SEV3', 'open_incident defaults to SEV3');
SELECT is((SELECT detected_at FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'later')),
		  NULL, 'open_incident leaves a future incident undetected');

SET ROLE alice;
UPDATE postmortem.incident SET status = 'mitigated' WHERE id = (SELECT id FROM ids WHERE name = 'db');
RESET ROLE;
SELECT is((SELECT mitigated_at FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'db')),
		  now(), 'mitigated stamps mitigated_at');
SELECT is((SELECT updated_at FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'db')),
		  now(), 'an update stamps updated_at');
SELECT results_eq(
	$$SELECT body, source, author, kind::text FROM postmortem.timeline
	   WHERE incident_id = (SELECT id FROM ids WHERE name = 'db')$$,
	$$VALUES ('status changed from investigating to mitigated by alice', 'lifecycle', 'alice', 'status_change')$$,
	'exactly one status_change entry, by alice');

UPDATE postmortem.incident SET title = 'db very slow' WHERE id = (SELECT id FROM ids WHERE name = 'db');
UPDATE postmortem.incident SET status = 'mitigated' WHERE id = (SELECT id FROM ids WHERE name = 'db');
SELECT is((SELECT count(*) FROM postmortem.timeline WHERE incident_id = (SELECT id FROM ids WHERE name = 'db')),
		  1::bigint, 'no entry when the status does not change');

INSERT INTO ids VALUES ('past', postmortem.open_incident('past', started_at => now() - interval '3 hours'));
UPDATE postmortem.incident SET status = 'resolved', detected_at = now() - interval '170 minutes',
	   resolved_at = now() - interval '1 hour'
 WHERE id = (SELECT id FROM ids WHERE name = 'past');
SELECT is((SELECT resolved_at FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'past')),
		  now() - interval '1 hour', 'a milestone given with the status is kept');
SELECT is((SELECT at FROM postmortem.timeline WHERE incident_id = (SELECT id FROM ids WHERE name = 'past')),
		  now() - interval '1 hour', 'the entry is stamped with the milestone given');
UPDATE postmortem.incident SET status = 'resolved' WHERE id = (SELECT id FROM ids WHERE name = 'db');
UPDATE postmortem.incident SET status = 'closed' WHERE id = (SELECT id FROM ids WHERE name = 'db');
SELECT is((SELECT closed_at FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'db')),
		  now(), 'closed stamps closed_at');
SELECT is((SELECT count(*) FROM postmortem.timeline
			WHERE incident_id = (SELECT id FROM ids WHERE name = 'db') AND kind = 'status_change'),
		  3::bigint, 'one entry per change: three changes, three entries');
-- reopening: no milestone is cleared or stamped, the change is logged
UPDATE postmortem.incident SET status = 'investigating' WHERE id = (SELECT id FROM ids WHERE name = 'db');
SELECT is((SELECT body FROM postmortem.timeline WHERE incident_id = (SELECT id FROM ids WHERE name = 'db')
			ORDER BY id DESC LIMIT 1),
		  'status changed from closed to investigating by ' || current_user, 'reopening is logged');

INSERT INTO ids VALUES ('ident', postmortem.open_incident('ident'));
UPDATE postmortem.incident SET status = 'identified' WHERE id = (SELECT id FROM ids WHERE name = 'ident');
SELECT is((SELECT acknowledged_at FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'ident')),
		  now(), 'identified stamps acknowledged_at');
INSERT INTO postmortem.incident (title, status, started_at) VALUES ('born resolved', 'resolved', now() - interval '1 hour');
SELECT is((SELECT resolved_at FROM postmortem.incident WHERE title = 'born resolved'), now(),
		  'inserting with a status stamps its milestone');

-- the known milestones stay in order; shares are 0-100
SELECT throws_ok($$UPDATE postmortem.incident SET users_affected_pct = 101 WHERE id = (SELECT id FROM ids WHERE name = 'db')$$,
				 '23514', NULL, 'users_affected_pct above 100');
SELECT throws_ok($$UPDATE postmortem.incident SET users_affected_pct = -0.5 WHERE id = (SELECT id FROM ids WHERE name = 'db')$$,
				 '23514', NULL, 'users_affected_pct below 0');
SELECT throws_ok($$UPDATE postmortem.incident SET detected_at = started_at - interval '1 s' WHERE id = (SELECT id FROM ids WHERE name = 'db')$$,
				 '23514', NULL, 'detected before started');
SELECT throws_ok($$UPDATE postmortem.incident SET mitigated_at = acknowledged_at - interval '1 s' WHERE id = (SELECT id FROM ids WHERE name = 'ident')$$,
				 '23514', NULL, 'mitigated before acknowledged');
INSERT INTO ids VALUES ('future', postmortem.open_incident('failover', started_at => now() + interval '1 day'));
SELECT throws_ok($$UPDATE postmortem.incident SET status = 'resolved' WHERE id = (SELECT id FROM ids WHERE name = 'future')$$,
				 '23514', NULL, 'a stamp that would precede a known milestone');
SELECT is((SELECT count(*) FROM postmortem.timeline WHERE incident_id = (SELECT id FROM ids WHERE name = 'future')),
		  0::bigint, 'a failed status change leaves no entry');
SELECT throws_ok($$UPDATE postmortem.incident SET status = 'paused'$$, '22P02', NULL, 'unknown status');
SELECT throws_ok($$SELECT postmortem.log((SELECT id FROM ids WHERE name = 'db'), 'x', 'gossip')$$, '22P02', NULL, 'unknown kind');
SELECT throws_ok($$INSERT INTO postmortem.task (incident_id, title, status) VALUES (1, 'x', 'finished')$$, '22P02', NULL, 'unknown task status');
SELECT throws_ok($$SELECT postmortem.log(-42, 'x')$$, '23503', 'incident -42 does not exist', 'log on an unknown incident');

-- log
INSERT INTO ids VALUES ('entry', postmortem.log((SELECT id FROM ids WHERE name = 'db'), 'rolled back the index', 'action'));
SELECT is((SELECT kind::text || ' ' || body || ' ' || source FROM postmortem.timeline
			WHERE id = (SELECT id FROM ids WHERE name = 'entry')),
		  'action rolled back the index manual', 'log writes a manual entry');

-- a role that may read incidents and read and write the timeline may log,
-- without UPDATE on postmortem.incident
CREATE ROLE scribe;
GRANT USAGE ON SCHEMA postmortem TO scribe;
GRANT SELECT ON postmortem.incident, ids TO scribe;
GRANT SELECT, INSERT ON postmortem.timeline TO scribe;
GRANT USAGE ON SEQUENCE postmortem.timeline_id_seq TO scribe;
SET ROLE scribe;
SELECT lives_ok($$SELECT postmortem.log((SELECT id FROM ids WHERE name = 'db'), 'paged the DBA', 'escalation')$$,
				'log needs SELECT on incident and SELECT, INSERT on timeline, not UPDATE');
RESET ROLE;

-- one statement, several incidents: one entry each
INSERT INTO ids VALUES ('bulk1', postmortem.open_incident('bulk')), ('bulk2', postmortem.open_incident('bulk'));
UPDATE postmortem.incident SET status = 'mitigated' WHERE title = 'bulk';
SELECT is((SELECT count(*) FROM postmortem.timeline t JOIN ids ON ids.id = t.incident_id
			WHERE ids.name LIKE 'bulk_' AND t.kind = 'status_change'),
		  2::bigint, 'a multi-row update logs one entry per incident');

-- tasks
INSERT INTO postmortem.task (incident_id, title) SELECT id, 'add the index' FROM ids WHERE name = 'db';
UPDATE postmortem.task SET status = 'done' WHERE title = 'add the index';
SELECT is((SELECT completed_at FROM postmortem.task WHERE title = 'add the index'), now(), 'done stamps completed_at');
UPDATE postmortem.task SET status = 'todo' WHERE title = 'add the index';
SELECT is((SELECT completed_at FROM postmortem.task WHERE title = 'add the index'), NULL, 'reopening clears completed_at');
UPDATE postmortem.task SET status = 'wont_do' WHERE title = 'add the index';
SELECT is((SELECT completed_at FROM postmortem.task WHERE title = 'add the index'), now(), 'wont_do stamps completed_at');

-- deleting an incident deletes its timeline and tasks
DELETE FROM postmortem.incident WHERE id = (SELECT id FROM ids WHERE name = 'db');
SELECT is((SELECT count(*) FROM postmortem.timeline WHERE incident_id = (SELECT id FROM ids WHERE name = 'db')),
		  0::bigint, 'delete cascades to the timeline');
SELECT is((SELECT count(*) FROM postmortem.task WHERE incident_id = (SELECT id FROM ids WHERE name = 'db')),
		  0::bigint, 'delete cascades to the tasks');

SELECT * FROM finish();
ROLLBACK;
