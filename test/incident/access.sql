-- Access (issue 14): the three ready-made roles, and private incidents seen
-- only by their members, the role that opened them and administrators —
-- through the tables, every dashboard view and every function.  Each role
-- is taken with SET ROLE; pgTAP's own temporary tables are opened to them.
BEGIN;
SELECT plan(82);
GRANT ALL ON TABLE __tcache__ TO PUBLIC;
GRANT ALL ON SEQUENCE __tcache___id_seq, __tresults___numb_seq TO PUBLIC;
SET LOCAL postmortem.capture_evidence = off;
-- start from no incident (the upgrade test runs this on a database in use)
DELETE FROM postmortem.incident;

SELECT results_eq($$SELECT role_name::text, kind FROM postmortem.create_roles('pmt_')$$,
	$$VALUES ('pmt_administrator', 'administrator'), ('pmt_dashboard', 'dashboard'), ('pmt_responder', 'responder')$$,
	'create_roles() makes the three group roles and records them');
SELECT is((SELECT count(*)::int FROM pg_roles WHERE rolname LIKE 'pmt\_%' AND NOT rolcanlogin), 3, 'NOLOGIN roles');
SELECT lives_ok($$SELECT postmortem.create_roles('pmt_')$$, 'create_roles() may run again');

CREATE ROLE pmt_dash_user IN ROLE pmt_dashboard;
CREATE ROLE pmt_outsider IN ROLE pmt_responder;
CREATE ROLE pmt_member IN ROLE pmt_responder;
CREATE ROLE pmt_secteam;
CREATE ROLE pmt_team_user IN ROLE pmt_responder, pmt_secteam;
CREATE ROLE pmt_admin_user IN ROLE pmt_administrator;
CREATE ROLE pmt_nobody;

-- the incidents: one public, two private (one with a group role as member)
CREATE TEMP TABLE ids (name text PRIMARY KEY, id bigint);
GRANT SELECT ON ids TO PUBLIC;
INSERT INTO ids
SELECT 'public', postmortem.open_incident('Checkout slow', 'SEV2', now() - interval '1 hour');
WITH c AS (
	INSERT INTO postmortem.schema_change (at, finished_at, command_tag, object_type, object_identity,
										  table_name, statement, role_name, database_name)
	VALUES (now() - interval '3 hours', now() - interval '3 hours', 'DROP INDEX', 'index',
			'public.pmt_orders_idx', 'pmt_orders', 'DROP INDEX public.pmt_orders_idx', 'migrator', current_database())
	RETURNING id)
INSERT INTO ids SELECT 'change', id FROM c;
INSERT INTO postmortem.incident (title, severity, started_at, private)
VALUES ('Secret breach of customer data', 'SEV1', now() - interval '2 hours', true);
INSERT INTO ids SELECT 'private', currval(pg_get_serial_sequence('postmortem.incident', 'id'));
INSERT INTO postmortem.incident (title, severity, started_at, private)
VALUES ('Secret team incident', 'SEV1', now() - interval '3 hours', true);
INSERT INTO ids SELECT 'team', currval(pg_get_serial_sequence('postmortem.incident', 'id'));
INSERT INTO postmortem.incident_member (incident_id, role_name)
SELECT id, 'pmt_member' FROM ids WHERE name = 'private'
UNION ALL SELECT id, 'pmt_secteam' FROM ids WHERE name = 'team';
SELECT postmortem.log(id, 'secret entry: attacker used key K') FROM ids WHERE name = 'private';
SELECT postmortem.log(id, 'public entry') FROM ids WHERE name = 'public';
INSERT INTO postmortem.task (incident_id, title, due_at)
SELECT id, 'secret task ' || name, now() - interval '1 day' FROM ids WHERE name IN ('private', 'public');
SELECT postmortem.cite((SELECT id FROM ids WHERE name = 'private'), (SELECT id FROM ids WHERE name = 'change'));
UPDATE postmortem.incident SET status = 'resolved' WHERE id IN (SELECT id FROM ids WHERE name <> 'change');

-- what "everything" is for the superuser (who owns the tables)
SELECT is((SELECT count(*)::int FROM postmortem.incident_metrics), 3, 'the owner sees the three incidents');

-- the reads a role without membership tries, all of which must show nothing
-- of the private incident
CREATE FUNCTION pg_temp.leaks() RETURNS TABLE (path text, n bigint) LANGUAGE sql AS $$
	SELECT 'incident', count(*) FROM postmortem.incident WHERE title LIKE 'Secret%'
	UNION ALL SELECT 'timeline', count(*) FROM postmortem.timeline WHERE incident_id IN (SELECT id FROM ids WHERE name IN ('private', 'team'))
	UNION ALL SELECT 'task', count(*) FROM postmortem.task WHERE title LIKE 'secret task private'
	UNION ALL SELECT 'citation', count(*) FROM postmortem.citation WHERE incident_id IN (SELECT id FROM ids WHERE name IN ('private', 'team'))
	UNION ALL SELECT 'incident_member', count(*) FROM postmortem.incident_member
	UNION ALL SELECT 'incident_metrics', count(*) FROM postmortem.incident_metrics WHERE title LIKE 'Secret%'
	UNION ALL SELECT 'monthly_metrics', coalesce(sum(incidents), 0) - 1 FROM postmortem.monthly_metrics
	UNION ALL SELECT 'monthly SEV1', coalesce(sum(incidents), 0) FROM postmortem.monthly_metrics WHERE severity = 'SEV1'
	UNION ALL SELECT 'open_tasks', count(*) FROM postmortem.open_tasks WHERE title LIKE 'secret task private'
	UNION ALL SELECT 'overdue_tasks', count(*) FROM postmortem.overdue_tasks WHERE title LIKE 'secret task private'
	UNION ALL SELECT 'change_failure_rate', coalesce(sum(failed_changes), 0) FROM postmortem.change_failure_rate
$$;
GRANT EXECUTE ON FUNCTION pg_temp.leaks() TO PUBLIC;
CREATE FUNCTION pg_temp.none() RETURNS TABLE (path text, n bigint) LANGUAGE sql AS $$
	VALUES ('incident', 0::bigint), ('timeline', 0), ('task', 0), ('citation', 0), ('incident_member', 0),
		   ('incident_metrics', 0), ('monthly_metrics', 0), ('monthly SEV1', 0), ('open_tasks', 0),
		   ('overdue_tasks', 0), ('change_failure_rate', 0)
$$;
GRANT EXECUTE ON FUNCTION pg_temp.none() TO PUBLIC;

-- a dashboard: reads every view and the audit, sees no private incident
SET ROLE pmt_dash_user;
SELECT results_eq('SELECT * FROM pg_temp.leaks()', 'SELECT * FROM pg_temp.none()',
	'dashboard: no table or view shows the private incidents, their entries, tasks, citations or counts');
SELECT is((SELECT count(*)::int FROM postmortem.incident_metrics), 1, 'dashboard: incident_metrics shows the public incident');
SELECT is((SELECT sum(incidents)::int FROM postmortem.monthly_metrics), 1, 'dashboard: monthly_metrics counts only it');
SELECT is((SELECT count(*)::int FROM postmortem.open_tasks), 1, 'dashboard: open_tasks lists its task');
SELECT ok((SELECT count(*) > 0 FROM postmortem.schema_change), 'dashboard: reads the audit');
SELECT ok((SELECT count(*) >= 0 FROM postmortem.verify_audit()), 'dashboard: runs verify_audit()');
SELECT throws_ok($$SELECT postmortem.report((SELECT id FROM ids WHERE name = 'private'))$$, 'P0002', NULL, 'dashboard: report() of a private incident: does not exist');
SELECT throws_ok($$SELECT * FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'private'))$$, 'P0002', NULL, 'dashboard: suspects(): does not exist');
SELECT throws_ok($$SELECT * FROM postmortem.incident_timeline((SELECT id FROM ids WHERE name = 'private'))$$, 'P0002', NULL, 'dashboard: incident_timeline(): does not exist');
SELECT lives_ok($$SELECT postmortem.report((SELECT id FROM ids WHERE name = 'public'))$$, 'dashboard: report() of the public incident');
SELECT throws_ok($$INSERT INTO postmortem.incident (title) VALUES ('x')$$, '42501', NULL, 'dashboard: cannot open an incident');
SELECT throws_ok($$UPDATE postmortem.incident SET title = 'x'$$, '42501', NULL, 'dashboard: cannot change one');
SELECT throws_ok($$SELECT postmortem.log((SELECT id FROM ids WHERE name = 'public'), 'x')$$, '42501', NULL, 'dashboard: cannot log');
SELECT throws_ok($$INSERT INTO postmortem.task (incident_id, title) SELECT id, 'x' FROM ids WHERE name = 'public'$$, '42501', NULL, 'dashboard: cannot add a task');
SELECT throws_ok($$SELECT postmortem.cite((SELECT id FROM ids WHERE name = 'public'), (SELECT id FROM ids WHERE name = 'change'))$$, '42501', NULL, 'dashboard: cannot cite');
RESET ROLE;

-- a responder who is not a member: runs public incidents, sees no private one
SET ROLE pmt_outsider;
SELECT results_eq('SELECT * FROM pg_temp.leaks()', 'SELECT * FROM pg_temp.none()',
	'outsider: no table or view shows the private incidents, their entries, tasks, citations or counts');
SELECT throws_ok($$SELECT postmortem.report((SELECT id FROM ids WHERE name = 'private'))$$, 'P0002', NULL, 'outsider: report(): does not exist');
SELECT throws_ok($$SELECT * FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'private'))$$, 'P0002', NULL, 'outsider: suspects(): does not exist');
SELECT throws_ok($$SELECT * FROM postmortem.incident_timeline((SELECT id FROM ids WHERE name = 'team'))$$, 'P0002', NULL, 'outsider: incident_timeline(): does not exist');
SELECT throws_ok($$SELECT postmortem.capture_evidence((SELECT id FROM ids WHERE name = 'private'))$$, 'P0002', NULL, 'outsider: capture_evidence(): does not exist');
SELECT throws_ok($$SELECT postmortem.cite((SELECT id FROM ids WHERE name = 'private'), (SELECT id FROM ids WHERE name = 'change'), 'trigger')$$, 'P0002', NULL, 'outsider: cite(): does not exist');
SELECT throws_ok($$SELECT postmortem.log((SELECT id FROM ids WHERE name = 'private'), 'x')$$, '23503', NULL, 'outsider: log(): does not exist');
SELECT is((SELECT postmortem.incident_document(i) FROM postmortem.incident i WHERE i.id = (SELECT id FROM ids WHERE name = 'private')), NULL, 'outsider: incident_document() finds no row');
SELECT throws_ok($$INSERT INTO postmortem.timeline (incident_id, at, body) SELECT id, now(), 'x' FROM ids WHERE name = 'private'$$, '42501', NULL, 'outsider: cannot write into its timeline');
SELECT throws_ok($$INSERT INTO postmortem.task (incident_id, title) SELECT id, 'x' FROM ids WHERE name = 'private'$$, '42501', NULL, 'outsider: nor add a task');
SELECT throws_ok($$INSERT INTO postmortem.incident_member (incident_id, role_name) SELECT id, 'pmt_outsider' FROM ids WHERE name = 'private'$$, '42501', NULL, 'outsider: cannot make itself a member');
UPDATE postmortem.incident SET title = 'pwned' WHERE id IN (SELECT id FROM ids WHERE name = 'private');
DELETE FROM postmortem.incident_member;
SELECT throws_ok($$DELETE FROM postmortem.incident WHERE id IN (SELECT id FROM ids WHERE name = 'public')$$, '42501', NULL, 'outsider: a responder cannot delete an incident');
SELECT throws_ok($$UPDATE postmortem.incident SET private = true WHERE id IN (SELECT id FROM ids WHERE name = 'public')$$, '42501', NULL, 'outsider: cannot hide an incident from itself');
-- what a responder does
SELECT lives_ok($$SELECT postmortem.log((SELECT id FROM ids WHERE name = 'public'), 'responder entry')$$, 'responder: logs to a public incident');
SELECT lives_ok($$INSERT INTO postmortem.task (incident_id, title) SELECT id, 'responder task' FROM ids WHERE name = 'public'$$, 'responder: adds a task');
SELECT lives_ok($$UPDATE postmortem.incident SET status = 'closed' WHERE id IN (SELECT id FROM ids WHERE name = 'public')$$, 'responder: moves an incident on');
SELECT is((SELECT count(*)::int FROM postmortem.timeline t JOIN ids ON ids.id = t.incident_id AND ids.name = 'public' WHERE t.body LIKE '%to closed by pmt_outsider'), 1,
	'responder: the status change is logged by the lifecycle trigger');
SELECT lives_ok($$SELECT postmortem.cite((SELECT id FROM ids WHERE name = 'public'), (SELECT id FROM ids WHERE name = 'change'), 'contributing')$$, 'responder: cites a change');
SELECT ok((SELECT count(*) > 0 FROM postmortem.schema_change), 'responder: reads the audit');
SELECT lives_ok($$SELECT * FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'public'))$$, 'responder: runs suspects()');
SELECT lives_ok($$INSERT INTO postmortem.incident (title, private) VALUES ('Outsider''s own secret', true)$$, 'responder: opens a private incident');
SELECT is((SELECT count(*)::int FROM postmortem.incident WHERE title = 'Outsider''s own secret'), 1, 'responder: and sees it, having opened it');
SELECT lives_ok($$SELECT postmortem.log((SELECT id FROM postmortem.incident WHERE title = 'Outsider''s own secret'), 'mine')$$, 'responder: and logs to it');
SELECT lives_ok($$INSERT INTO postmortem.incident_member (incident_id, role_name) SELECT id, 'pmt_member' FROM postmortem.incident WHERE title = 'Outsider''s own secret'$$,
	'responder: and adds a member to it');
RESET ROLE;

SELECT is((SELECT count(*)::int FROM postmortem.incident WHERE title = 'pwned'), 0, 'outsider: its UPDATE of the private incident changed nothing');
SELECT is((SELECT count(*)::int FROM postmortem.incident_member), 3, 'outsider: its DELETE of the memberships removed none it cannot see');

-- the dashboard does not see the outsider's private incident either
SET ROLE pmt_dash_user;
SELECT is((SELECT count(*)::int FROM postmortem.incident_metrics WHERE title = 'Outsider''s own secret'), 0, 'dashboard: nor the private incident a responder opened');
RESET ROLE;

-- a member sees its private incident, through everything
SET ROLE pmt_member;
SELECT is((SELECT count(*)::int FROM postmortem.incident WHERE title LIKE 'Secret%'), 1, 'member: sees its private incident (and not the other)');
SELECT is((SELECT count(*)::int FROM postmortem.incident WHERE title = 'Outsider''s own secret'), 1, 'member: and the one it was added to');
SELECT is((SELECT count(*)::int FROM postmortem.incident_metrics WHERE title LIKE 'Secret breach%'), 1, 'member: in incident_metrics');
SELECT is((SELECT count(*)::int FROM postmortem.open_tasks WHERE title = 'secret task private'), 1, 'member: its task in open_tasks');
SELECT is((SELECT count(*)::int FROM postmortem.overdue_tasks WHERE title = 'secret task private'), 1, 'member: and in overdue_tasks');
SELECT is((SELECT sum(failed_changes)::int FROM postmortem.change_failure_rate), 1, 'member: its root cause in change_failure_rate');
SELECT is((SELECT count(*)::int FROM postmortem.timeline WHERE body LIKE 'secret entry%'), 1, 'member: its timeline');
SELECT is((SELECT count(*)::int FROM postmortem.citation c JOIN ids ON ids.id = c.incident_id AND ids.name = 'private'), 1, 'member: its citation');
SELECT ok((SELECT postmortem.report((SELECT id FROM ids WHERE name = 'private'))) LIKE '%Secret breach%secret entry%', 'member: report()');
SELECT ok((SELECT count(*) > 0 FROM postmortem.incident_timeline((SELECT id FROM ids WHERE name = 'private')) WHERE body LIKE 'secret entry%'), 'member: incident_timeline()');
SELECT lives_ok($$SELECT * FROM postmortem.suspects((SELECT id FROM ids WHERE name = 'private'))$$, 'member: suspects()');
SELECT lives_ok($$SELECT postmortem.log((SELECT id FROM ids WHERE name = 'private'), 'member entry')$$, 'member: logs to it');
SELECT lives_ok($$UPDATE postmortem.incident SET status = 'closed' WHERE id IN (SELECT id FROM ids WHERE name = 'private')$$, 'member: moves it on');
SELECT is((SELECT count(*)::int FROM postmortem.timeline t JOIN ids ON ids.id = t.incident_id AND ids.name = 'private' WHERE t.source = 'lifecycle' AND t.author = 'pmt_member'), 1,
	'member: its status change is logged (the lifecycle trigger writes through the policy)');
SELECT is((SELECT count(*)::int FROM postmortem.incident_member), 2, 'member: sees the memberships that are its own');
-- what the extension wrote about its changes is insert-only for it (attack3 F12)
WITH u AS (UPDATE postmortem.timeline SET author = 'someone_else' WHERE source IN ('lifecycle', 'history', 'evidence') RETURNING 1)
SELECT is((SELECT count(*)::int FROM u), 0, 'member: cannot re-attribute the entries the extension wrote');
WITH d AS (DELETE FROM postmortem.timeline WHERE source IN ('lifecycle', 'history', 'evidence') RETURNING 1)
SELECT is((SELECT count(*)::int FROM d), 0, 'member: nor delete them');
SELECT throws_ok($$UPDATE postmortem.timeline SET source = 'lifecycle' WHERE body = 'member entry'$$, '42501', NULL,
	'member: nor make an entry of its own look like one');
WITH u AS (UPDATE postmortem.timeline SET body = 'member entry, edited' WHERE body = 'member entry' RETURNING 1)
SELECT is((SELECT count(*)::int FROM u), 1, 'member: edits its own entries as before');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM postmortem.timeline t JOIN ids ON ids.id = t.incident_id AND ids.name = 'private' WHERE t.source = 'lifecycle' AND t.author = 'pmt_member'), 1,
	'the status change entry is still there, unchanged');

-- through a group role
SET ROLE pmt_team_user;
SELECT is((SELECT title FROM postmortem.incident WHERE title LIKE 'Secret%'), 'Secret team incident', 'group member: sees the incident its group is a member of');
SELECT lives_ok($$SELECT * FROM postmortem.incident_timeline((SELECT id FROM ids WHERE name = 'team'))$$, 'group member: incident_timeline()');
RESET ROLE;

-- an administrator sees and does everything
SET ROLE pmt_admin_user;
SELECT is((SELECT count(*)::int FROM postmortem.incident), 4, 'administrator: sees every incident, private ones too');
SELECT is((SELECT sum(incidents)::int FROM postmortem.monthly_metrics), 3, 'administrator: monthly_metrics counts them all (those with a start)');
SELECT is((SELECT count(*)::int FROM postmortem.incident_member), 3, 'administrator: sees every membership');
SELECT ok((SELECT postmortem.report((SELECT id FROM ids WHERE name = 'team'))) LIKE '%Secret team incident%', 'administrator: report() of any incident');
SELECT lives_ok($$INSERT INTO postmortem.incident_member (incident_id, role_name) SELECT id, 'pmt_dash_user' FROM ids WHERE name = 'team'$$, 'administrator: adds members');
SELECT lives_ok($$DELETE FROM postmortem.incident WHERE title = 'Outsider''s own secret'$$, 'administrator: deletes an incident');
WITH d AS (DELETE FROM postmortem.timeline t USING ids WHERE ids.id = t.incident_id AND ids.name = 'private' AND t.source = 'lifecycle' AND t.author = 'pmt_member' RETURNING 1)
SELECT is((SELECT count(*)::int FROM d), 1, 'administrator: may delete an entry the extension wrote');
RESET ROLE;

SET ROLE pmt_dash_user;
SELECT is((SELECT count(*)::int FROM postmortem.incident WHERE title LIKE 'Secret%'), 1, 'a dashboard role made a member sees that incident');
RESET ROLE;

-- a role with none of the three sees nothing at all
SET ROLE pmt_nobody;
SELECT throws_ok('SELECT count(*) FROM postmortem.incident', '42501', NULL, 'a role without a grant cannot read incidents');
SELECT throws_ok('SELECT count(*) FROM postmortem.incident_metrics', '42501', NULL, 'nor the views');
SELECT throws_ok($$SELECT postmortem.report((SELECT id FROM ids WHERE name = 'public'))$$, '42501', NULL, 'nor report()');
RESET ROLE;

-- the catalog: policies on every table of an incident, views as the invoker
SELECT is((SELECT count(*)::int FROM pg_class WHERE relnamespace = 'postmortem'::regnamespace AND relname IN ('incident', 'timeline', 'task', 'citation', 'incident_member') AND relrowsecurity AND NOT relforcerowsecurity),
	5, 'row-level security on incident, timeline, task, citation and incident_member');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relnamespace = 'postmortem'::regnamespace AND relkind = 'v' AND NOT coalesce('security_invoker=true' = ANY (reloptions), false)),
	0, 'every view of the extension is security_invoker');
SELECT is((SELECT count(*)::int FROM pg_roles WHERE rolname LIKE 'postmortem\_%'), 0, 'CREATE EXTENSION created no role');

SELECT * FROM finish();
ROLLBACK;
