--
-- lifecycle: a C trigger keeps an incident's status and milestones in step,
-- and logs every status change on the timeline
--
SET search_path = public, postmortem;
SET TimeZone = 'America/New_York';
SET DateStyle = ISO;

-- status_change entries name who made the change
CREATE ROLE regress_alice;
GRANT USAGE ON SCHEMA postmortem TO regress_alice;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA postmortem TO regress_alice;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA postmortem TO regress_alice;

-- open_incident(): status investigating, detected now (it is being reported)
SELECT postmortem.open_incident('checkout latency', 'SEV2',
								now() - interval '10 minutes') AS id \gset
SELECT title, severity, status, detected_at = created_at AS detected_now,
	   detected_at - started_at AS time_to_detect
  FROM postmortem.incident WHERE id = :id;
-- severity and start default to SEV3 and now; a summary is optional
SELECT postmortem.open_incident('cache stampede', summary => 'hit ratio fell to 0') AS id2 \gset
SELECT severity, status, started_at = detected_at AS started_now, summary
  FROM postmortem.incident WHERE id = :id2;
-- a start in the future (a planned failover) is not detected yet
SELECT postmortem.open_incident('planned failover', 'SEV4', '2999-01-01 03:00') AS planned \gset
SELECT status, detected_at FROM postmortem.incident WHERE id = :planned;

-- log(): a timeline entry, kind note and time now unless told
SELECT postmortem.log(:id, 'p99 latency alert fired', 'detection',
					  now() - interval '9 minutes') > 0 AS logged;
SELECT postmortem.log(:id, 'looking at the slow query log') > 0 AS logged;
SELECT kind, body, source, author = current_user AS by_me
  FROM postmortem.timeline WHERE incident_id = :id ORDER BY at, id;

-- each status stamps its milestone when it is unset, with the transaction
-- time, and updated_at with it:  identified -> acknowledged_at (naming the
-- cause means someone took it on), mitigated -> mitigated_at,
-- resolved -> resolved_at, closed -> closed_at
SET ROLE regress_alice;
UPDATE postmortem.incident SET status = 'identified' WHERE id = :id;
SELECT status, acknowledged_at = updated_at AS acknowledged_now, mitigated_at
  FROM postmortem.incident WHERE id = :id;
UPDATE postmortem.incident SET status = 'mitigated' WHERE id = :id;
UPDATE postmortem.incident SET status = 'resolved' WHERE id = :id;
SELECT status, mitigated_at IS NOT NULL AS mitigated, resolved_at = updated_at AS resolved_now,
	   closed_at
  FROM postmortem.incident WHERE id = :id;
-- no status change, no entry (and no stamp); updated_at still moves
UPDATE postmortem.incident SET summary = 'a missing index on orders' WHERE id = :id;
UPDATE postmortem.incident SET status = 'resolved' WHERE id = :id;
RESET ROLE;
-- exactly one status_change entry per change, written by the lifecycle
SELECT kind, body, source, author
  FROM postmortem.timeline WHERE incident_id = :id AND kind = 'status_change'
 ORDER BY id;

-- Written after the fact: the seed 001 postmortem (10:00-12:30 EDT).  A
-- milestone given with the status is kept, and the entry is stamped with it.
INSERT INTO postmortem.incident (title, severity, started_at, detected_at, acknowledged_at, users_affected_pct)
VALUES ('The Great Database Debacle of 2024', 'SEV2', '2024-05-15 10:00', '2024-05-15 10:00',
		'2024-05-15 10:05', 60)
RETURNING id AS seed \gset
SET ROLE regress_alice;
UPDATE postmortem.incident SET status = 'mitigated', mitigated_at = '2024-05-15 12:00' WHERE id = :seed;
UPDATE postmortem.incident SET status = 'resolved', resolved_at = '2024-05-15 12:30' WHERE id = :seed;
RESET ROLE;
SELECT started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, status
  FROM postmortem.incident WHERE id = :seed;
SELECT at, kind, body, source, author
  FROM postmortem.timeline WHERE incident_id = :seed ORDER BY at;

-- inserting with a status stamps its milestone too (but logs nothing: the
-- incident had no earlier status)
INSERT INTO postmortem.incident (title, status, started_at)
VALUES ('found already fixed', 'resolved', now() - interval '1 hour')
RETURNING resolved_at = created_at AS resolved_now, mitigated_at, updated_at = created_at AS fresh;

-- tasks: completed_at follows the status
INSERT INTO postmortem.task (incident_id, title, kind, owner, due_at)
VALUES (:seed, 'Add query performance benchmarks to CI', 'preventative', 'dba', '2024-06-15'),
	   (:seed, 'Add detailed logging of query times', 'corrective', 'sre', '2024-05-31');
SELECT title, status, completed_at FROM postmortem.task WHERE incident_id = :seed ORDER BY id;
UPDATE postmortem.task SET status = 'done' WHERE incident_id = :seed AND owner = 'sre';
UPDATE postmortem.task SET status = 'wont_do' WHERE incident_id = :seed AND owner = 'dba';
SELECT title, status, completed_at = updated_at AS completed_now FROM postmortem.task
 WHERE incident_id = :seed ORDER BY id;
-- wont_do -> done: still closed; a completion time given is kept
UPDATE postmortem.task SET status = 'done', completed_at = '2024-05-20 17:00' WHERE incident_id = :seed AND owner = 'dba';
-- reopened: not complete any more
UPDATE postmortem.task SET status = 'in_progress' WHERE incident_id = :seed AND owner = 'sre';
SELECT title, status, completed_at FROM postmortem.task WHERE incident_id = :seed ORDER BY id;
INSERT INTO postmortem.task (incident_id, title, status)
VALUES (:seed, 'Train the team on indexing', 'done')
RETURNING status, completed_at = created_at AS completed_now;

-- invalid input
\set VERBOSITY terse
-- unknown status or kind
UPDATE postmortem.incident SET status = 'paused' WHERE title = 'checkout latency';
SELECT postmortem.log(0, 'x', 'rumour');
INSERT INTO postmortem.task (incident_id, title, status) VALUES (0, 'x', 'finished');
-- a share of users is 0-100
UPDATE postmortem.incident SET users_affected_pct = 120 WHERE id = :seed;
UPDATE postmortem.incident SET users_affected_pct = -1 WHERE id = :seed;
-- known milestones must be in order
UPDATE postmortem.incident SET detected_at = '2024-05-15 09:59' WHERE id = :seed;
UPDATE postmortem.incident SET resolved_at = '2024-05-15 11:59' WHERE id = :seed;
UPDATE postmortem.incident SET closed_at = '2024-05-15 12:00' WHERE id = :seed;
-- a status change whose stamp (now) would precede a known milestone fails,
-- and leaves neither the status nor a timeline entry behind
\set VERBOSITY default
UPDATE postmortem.incident SET status = 'mitigated' WHERE id = :planned;
\set VERBOSITY terse
SELECT status, mitigated_at FROM postmortem.incident WHERE id = :planned;
SELECT count(*) FROM postmortem.timeline WHERE incident_id = :planned;
-- log() on an incident that does not exist
SELECT postmortem.log(-1, 'nobody home');
-- titles and bodies say something
SELECT postmortem.open_incident('  ');
SELECT postmortem.log(:id, '');
-- the trigger functions refuse to be fired any other way than they are
CREATE TABLE public.lc_misfire (id bigint, status text);
CREATE TRIGGER lc_after AFTER INSERT ON public.lc_misfire
	FOR EACH ROW EXECUTE FUNCTION postmortem.incident_lifecycle_stamp();
INSERT INTO public.lc_misfire VALUES (1, 'x');
DROP TRIGGER lc_after ON public.lc_misfire;
CREATE TRIGGER lc_stmt BEFORE INSERT ON public.lc_misfire
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.task_lifecycle_stamp();
INSERT INTO public.lc_misfire VALUES (1, 'x');
DROP TRIGGER lc_stmt ON public.lc_misfire;
CREATE TRIGGER lc_insert AFTER INSERT ON public.lc_misfire
	FOR EACH ROW EXECUTE FUNCTION postmortem.incident_lifecycle_log();
INSERT INTO public.lc_misfire VALUES (1, 'x');
DROP TRIGGER lc_insert ON public.lc_misfire;
CREATE TRIGGER lc_update AFTER UPDATE ON public.lc_misfire
	FOR EACH ROW EXECUTE FUNCTION postmortem.incident_evidence();
INSERT INTO public.lc_misfire VALUES (1, 'x');
UPDATE public.lc_misfire SET status = 'y';
DROP TABLE public.lc_misfire;
\set VERBOSITY default
-- nor on a table without the columns they need
CREATE TABLE public.lc_misfire (id bigint);
CREATE TRIGGER lc_stamp BEFORE INSERT ON public.lc_misfire
	FOR EACH ROW EXECUTE FUNCTION postmortem.incident_lifecycle_stamp();
INSERT INTO public.lc_misfire VALUES (1);
DROP TABLE public.lc_misfire;

-- deleting an incident deletes its timeline and tasks (ON DELETE CASCADE):
-- they mean nothing without it
SELECT (SELECT count(*) FROM postmortem.timeline WHERE incident_id = :seed) AS entries,
	   (SELECT count(*) FROM postmortem.task WHERE incident_id = :seed) AS tasks;
DELETE FROM postmortem.incident WHERE id = :seed;
SELECT (SELECT count(*) FROM postmortem.timeline WHERE incident_id = :seed) AS entries,
	   (SELECT count(*) FROM postmortem.task WHERE incident_id = :seed) AS tasks;

-- the lifecycle triggers
SELECT tgname, tgenabled, pg_get_triggerdef(oid) FROM pg_trigger
 WHERE tgrelid IN ('postmortem.incident'::regclass, 'postmortem.task'::regclass) AND NOT tgisinternal
   AND tgname LIKE '%lifecycle%'
 ORDER BY tgname;

DELETE FROM postmortem.incident
 WHERE title IN ('checkout latency', 'cache stampede', 'planned failover', 'found already fixed');
REVOKE ALL ON ALL TABLES IN SCHEMA postmortem FROM regress_alice;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA postmortem FROM regress_alice;
REVOKE ALL ON SCHEMA postmortem FROM regress_alice;
DROP ROLE regress_alice;
